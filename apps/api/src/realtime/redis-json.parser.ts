import { randomUUID } from 'node:crypto';

/**
 * How API instances encode what they send each other through Redis (the emitter and the adapter must
 * agree, so every instance runs this one). JSON, not the default msgpack: notepack's encoder and decoder
 * are plain JavaScript and cost ~9 % of the API's CPU in an intake surge (each committed batch is
 * encoded once and decoded by every instance), where JSON.stringify and JSON.parse are native.
 * Beacon's realtime messages carry no binary, and their dates are ISO strings already.
 */
const json = {
  encode: (message: unknown): string => JSON.stringify(message),
  decode: (message: Buffer | string): unknown => JSON.parse(typeof message === 'string' ? message : message.toString('utf8')),
};

/**
 * This process's mark on the broadcasts it publishes. The publisher hands its own sockets each
 * broadcast directly (LocalBroadcast), so its adapter must not deliver it a second time from Redis —
 * nor spend a JSON.parse and a packet encoding on it (~5 % of the API's CPU in an intake surge).
 */
export const INSTANCE_ORIGIN = `beacon-${randomUUID()}`;
const OWN_PREFIX = Buffer.from(`["${INSTANCE_ORIGIN}"`);

/** The emitter's parser: an emitter broadcast is `[uid, packet, opts]`; the uid becomes this process's mark. */
export const originJsonParser = {
  encode: (message: unknown): string => {
    const [, ...rest] = message as unknown[];
    return JSON.stringify([INSTANCE_ORIGIN, ...rest]);
  },
  decode: json.decode,
};

/**
 * The adapter's parser: a broadcast this process published decodes to a packet-less message, which the
 * Redis adapter ignores ("ignore different namespace") without parsing it; everything else is JSON.
 */
export const adapterJsonParser = {
  encode: json.encode,
  decode: (message: Buffer | string): unknown => (isOwn(message) ? [INSTANCE_ORIGIN, null, null] : json.decode(message)),
};

function isOwn(message: Buffer | string): boolean {
  if (typeof message === 'string') return message.startsWith(OWN_PREFIX.toString());
  return message.length >= OWN_PREFIX.length && message.compare(OWN_PREFIX, 0, OWN_PREFIX.length, 0, OWN_PREFIX.length) === 0;
}
