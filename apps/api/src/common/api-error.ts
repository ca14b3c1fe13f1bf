import { HttpException } from '@nestjs/common';
import type { ErrorBody } from '@beacon/domain';

/** For transport-level failures (auth, validation). Business rules throw DomainError instead. */
export class ApiError extends HttpException {
  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    const body: ErrorBody = fields ? { code, message, fields } : { code, message };
    super(body, status);
  }
}
