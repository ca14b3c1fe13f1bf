/** One field of a payload read off the wire (or the log), whatever its shape: undefined when it is not an object. */
export function payloadField(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}
