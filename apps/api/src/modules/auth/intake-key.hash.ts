import { createHash, randomBytes } from 'node:crypto';

/**
 * Integration keys are 32 random bytes, so a fast SHA-256 is as strong as a slow KDF here
 * and keeps the intake hot path cheap.
 */
export function newIntakeKey(source: string): string {
  return `bk_${source}_${randomBytes(32).toString('base64url')}`;
}

export const hashIntakeKey = (key: string): string => createHash('sha256').update(key).digest('hex');
