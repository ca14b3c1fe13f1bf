import { DOMAIN_ERROR_KINDS } from './domain-error-kind.js';
import { DomainError, isDomainError } from './domain-error.js';
import { DOMAIN_ERROR_CODES, domainErrorKind, isDomainErrorCode, type DomainErrorCode } from './error-codes.js';

describe('DomainError', () => {
  it('takes its kind from the catalogue, not from the caller', () => {
    expect(DomainError.of('INCIDENT_NOT_FOUND').kind).toBe('not_found');
    expect(DomainError.of('ILLEGAL_TRANSITION').kind).toBe('conflict');
    expect(DomainError.of('GRADE_LOWERING_NEEDS_REASON').kind).toBe('invalid');
    expect(DomainError.of('ACK_NOT_ALLOWED').kind).toBe('forbidden');
    expect(DomainError.of('UNAUTHENTICATED').kind).toBe('unauthorized');
    expect(DomainError.of('VALIDATION_FAILED').kind).toBe('invalid');
  });

  it('is an Error and a DomainError, and keeps message and fields', () => {
    const error = DomainError.of('ILLEGAL_TRANSITION', 'closed → responding', { to: 'not allowed' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(isDomainError(error)).toBe(true);
    expect(error.name).toBe('DomainError');
    expect(error.message).toBe('closed → responding');
    expect(error.fields).toEqual({ to: 'not allowed' });
  });

  it('defaults the message to the code and leaves fields absent', () => {
    const error = new DomainError('CALL_NOT_FOUND');
    expect(error.message).toBe('CALL_NOT_FOUND');
    expect(error.fields).toBeUndefined();
    expect('fields' in error.toBody()).toBe(false);
  });

  it('copies fields so a later mutation of the input does not leak in', () => {
    const fields = { to: 'x' };
    const error = DomainError.of('ILLEGAL_TRANSITION', 'm', fields);
    fields.to = 'changed';
    expect(error.fields).toEqual({ to: 'x' });
  });

  it('renders the shared ErrorBody shape', () => {
    expect(DomainError.of('REASON_REQUIRED', 'reason is required', { reason: 'required' }).toBody()).toEqual({
      code: 'REASON_REQUIRED',
      message: 'reason is required',
      fields: { reason: 'required' },
    });
  });

  it('does not treat plain errors or look-alike objects as domain errors', () => {
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ code: 'INCIDENT_NOT_FOUND', kind: 'not_found' })).toBe(false);
    expect(isDomainError(null)).toBe(false);
  });
});

describe('error catalogue', () => {
  it('gives every code a known kind and uses every kind at least once', () => {
    const kinds = new Set(Object.values(DOMAIN_ERROR_CODES));
    for (const kind of kinds) expect(DOMAIN_ERROR_KINDS).toContain(kind);
    expect([...kinds].sort()).toEqual([...DOMAIN_ERROR_KINDS].sort());
  });

  it('uses upper snake case for every code', () => {
    for (const code of Object.keys(DOMAIN_ERROR_CODES)) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it('recognises catalogue codes only', () => {
    expect(isDomainErrorCode('INCIDENT_NOT_FOUND')).toBe(true);
    expect(isDomainErrorCode('incident_not_found')).toBe(false);
    expect(isDomainErrorCode('toString')).toBe(false);
    expect(isDomainErrorCode('')).toBe(false);
  });

  it.each<[DomainErrorCode, string]>([
    ['INCIDENT_NOT_FOUND', 'not_found'],
    ['VERSION_CONFLICT', 'conflict'],
    ['TWO_PERSON_RULE', 'forbidden'],
    ['INTAKE_KEY_INVALID', 'unauthorized'],
    ['MERGE_INTO_SELF', 'unprocessable'],
  ])('%s is %s', (code, kind) => {
    expect(domainErrorKind(code)).toBe(kind);
  });
});
