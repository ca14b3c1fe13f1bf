import type { LoginRequest, LoginResponse } from '@beacon/domain';
import { apiRequest } from '../../../lib/http';

export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body, auth: false });
}

/** A fresh token for the signed-in user (POST /api/auth/renew); 401 once the session has ended. */
export function renewSession(): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/auth/renew', { method: 'POST' });
}
