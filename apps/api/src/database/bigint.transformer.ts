import type { ValueTransformer } from 'typeorm';

/** numeric → number (stock quantities, money). */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
