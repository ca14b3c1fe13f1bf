import { hash32 } from './prng.js';

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * Deterministic UUID-formatted id for (seed, kind, key): 128 bits from four salted hashes, with the
 * version nibble set to 5 and the RFC 4122 variant bits, so Postgres `uuid` columns and UUID validators
 * accept it. Not a true RFC 4122 v5 (no SHA-1 namespace hash): ids only need to be stable and distinct.
 */
export function stableUuid(seed: number, kind: string, key: string | number): string {
  const name = `beacon-demo:${seed}:${kind}:${key}`;
  const words = [0, 1, 2, 3].map((salt) => hash32(`${salt}|${name}|${salt}`));
  words[1] = ((words[1] & 0xffff0fff) | 0x00005000) >>> 0; // version 5
  words[2] = ((words[2] & 0x3fffffff) | 0x80000000) >>> 0; // variant 10xx
  const h = words.map(hex8).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
