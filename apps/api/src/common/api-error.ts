import { HttpException } from '@nestjs/common';
import type { ErrorBody } from '@beacon/domain';

/** For transport-level failures (auth, validation). Business rules throw DomainError instead. */
export class ApiError extends HttpException {
  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    const body: ErrorBody = fields ? { code, message, fields } : { code, message };
    super(body, status);
  }
}

/** The 400 every validator answers with: every offending field, the first one named in the message. */
export function validationFailed(fields: Record<string, string>): ApiError {
  const first = Object.keys(fields)[0]!;
  return new ApiError(400, 'VALIDATION_FAILED', `invalid request: ${first} — ${fields[first]}`, fields);
}
