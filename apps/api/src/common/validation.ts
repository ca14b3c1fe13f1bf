import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { validationFailed } from './api-error.js';

/** Flattens class-validator's tree into `field.path → message`, the shape every 400 carries. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) {
      // forbidNonWhitelisted reports unknown fields this way.
      out[path] = Object.values(e.constraints).join('; ');
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
