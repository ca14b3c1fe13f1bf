/**
 * How API instances encode what they send each other through Redis (the emitter and the adapter must
 * agree, so every instance runs this one). JSON, not the default msgpack: notepack's encoder and decoder
 * are plain JavaScript and cost ~9 % of the API's CPU in an intake surge (each committed batch is
 * encoded once and decoded by every instance), where JSON.stringify and JSON.parse are native.
 * Beacon's realtime messages carry no binary, and their dates are ISO strings already.
 */
export const redisJsonParser = {
  encode: (message: unknown): string => JSON.stringify(message),
  decode: (message: Buffer | string): unknown => JSON.parse(typeof message === 'string' ? message : message.toString('utf8')),
};
