import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation.js';

const error = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError => ({ property, constraints, children });

describe('flattenValidationErrors', () => {
  it('reports a value of the wrong kind by its kind alone, not by the range checks it also fails', () => {
    const out = flattenValidationErrors([
      error('seq', { max: 'seq must not be greater than 9007199254740991', min: 'seq must not be less than 1', isInt: 'seq must be the integer seq of a grade raise' }),
    ]);
    expect(out).toEqual({ seq: 'seq must be the integer seq of a grade raise' });
  });

  it('knows class-validator\'s own constraint names (isUuid, isIso8601)', () => {
    const out = flattenValidationErrors([
      error('teamId', { isUuid: 'teamId must be a UUID', isNotEmpty: 'teamId should not be empty' }),
      error('at', { isIso8601: 'at must be a valid ISO 8601 date string', maxLength: 'at is too long' }),
    ]);
    expect(out).toEqual({ teamId: 'teamId must be a UUID', at: 'at must be a valid ISO 8601 date string' });
  });

  it('reports every failed check of a value of the right kind', () => {
    const out = flattenValidationErrors([error('note', { maxLength: 'note is too long', matches: 'note holds a control character' })]);
    expect(out).toEqual({ note: 'note is too long; note holds a control character' });
  });

  it('names nested fields by their path, and keeps an unknown field\'s message', () => {
    const out = flattenValidationErrors([
      error('location', undefined, [error('lng', { isNumber: 'lng must be a number', min: 'lng must not be less than -180' })]),
      error('extra', { whitelistValidation: 'property extra should not exist' }),
    ]);
    expect(out).toEqual({ 'location.lng': 'lng must be a number', extra: 'property extra should not exist' });
  });
});
