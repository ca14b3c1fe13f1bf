import type { ErrorBody } from '../contracts/errors.js';
import type { DomainErrorKind } from './domain-error-kind.js';
import { domainErrorKind, type DomainErrorCode } from './error-codes.js';

/**
 * The only error domain code throws. Its kind comes from the catalogue, so a code can never be
 * thrown with the wrong HTTP meaning.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly kind: DomainErrorKind;
  /** Field path → what is wrong with it. */
  readonly fields?: Record<string, string>;

  constructor(code: DomainErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? code);
    this.code = code;
    this.kind = domainErrorKind(code);
    if (fields !== undefined) this.fields = { ...fields };
    // Keeps instanceof working when compiled down to ES5-style classes by a test transformer.
    Object.setPrototypeOf(this, new.target.prototype);
  }

  static of(code: DomainErrorCode, message?: string, fields?: Record<string, string>): DomainError {
    return new DomainError(code, message, fields);
  }

  /** The wire shape shared by HTTP responses and socket acknowledgements. */
  toBody(): ErrorBody {
    return this.fields === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, fields: { ...this.fields } };
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
