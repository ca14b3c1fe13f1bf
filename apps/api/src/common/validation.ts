import { ValidationPipe, type ValidationError } from '@nestjs/common';
// class-validator's own names for its constraints (isUuid, isIso8601: not the decorators' spelling).
import { IS_ARRAY, IS_BOOLEAN, IS_DATE_STRING, IS_DEFINED, IS_ENUM, IS_INT, IS_ISO8601, IS_NUMBER, IS_OBJECT, IS_STRING, IS_UUID } from 'class-validator';
import { validationFailed } from './api-error.js';

/**
 * Constraints that say what kind of value a field takes. A value of the wrong kind also fails every
 * range and format check after them ("abc" is neither ≥ 1 nor ≤ the maximum), which only buries the
 * one message that helps, so when one of these fails it is reported alone.
 */
const KIND_CONSTRAINTS: ReadonlySet<string> = new Set([
  IS_DEFINED, IS_INT, IS_NUMBER, IS_STRING, IS_BOOLEAN, IS_ARRAY, IS_OBJECT, IS_DATE_STRING, IS_ISO8601, IS_UUID, IS_ENUM,
]);

/** A field's messages: what kind it takes if that is what failed, else every failed check. */
function messagesOf(constraints: Record<string, string>): string {
  const failed = Object.entries(constraints);
  const kind = failed.filter(([name]) => KIND_CONSTRAINTS.has(name));
  return (kind.length ? kind : failed).map(([, message]) => message).join('; ');
}

/** Flattens class-validator's tree into `field.path → message`, the shape every 400 carries. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) {
      // forbidNonWhitelisted reports unknown fields this way.
      out[path] = messagesOf(e.constraints);
    }
    if (e.children?.length) Object.assign(out, flattenValidationErrors(e.children, path));
  }
  return out;
}

export function globalValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
