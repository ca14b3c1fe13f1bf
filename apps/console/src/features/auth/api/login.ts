import type { LoginRequest, LoginResponse } from '@beacon/domain';
import { apiRequest } from '../../../lib/http';

export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body, auth: false });
}
