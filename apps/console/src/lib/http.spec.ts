import { ApiError, apiRequest, clientValidationError, configureHttp } from './http';

/** Answers every fetch with `status` and `body` (a JSON value or raw text). */
function answerWith(status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  globalThis.fetch = (async () => new Response(text, { status })) as typeof fetch;
}

describe('apiRequest: what a 401 tells the session', () => {
  const realFetch = globalThis.fetch;
  let unauthorized: string[];
  let forbidden: string[];

  beforeEach(() => {
    unauthorized = [];
    forbidden = [];
    configureHttp({ getToken: () => 'token', onUnauthorized: (code) => unauthorized.push(code), onForbidden: (code) => forbidden.push(code) });
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    configureHttp({ getToken: () => null, onUnauthorized: () => undefined });
  });

  it('passes the server\'s code on, so a deactivated account is told so', async () => {
    answerWith(401, { code: 'SESSION_ENDED', message: '账号已停用' });
    await expect(apiRequest('/api/incidents')).rejects.toMatchObject({ status: 401, code: 'SESSION_ENDED' });
    expect(unauthorized).toEqual(['SESSION_ENDED']);
  });

  it('passes an expired token\'s code on as such', async () => {
    answerWith(401, { code: 'TOKEN_INVALID', message: '登录已失效' });
    await expect(apiRequest('/api/incidents')).rejects.toBeInstanceOf(ApiError);
    expect(unauthorized).toEqual(['TOKEN_INVALID']);
  });

  it('gives a 401 without an error body a code of its own', async () => {
    answerWith(401, 'Unauthorized');
    await expect(apiRequest('/api/incidents')).rejects.toMatchObject({ code: 'HTTP_401' });
    expect(unauthorized).toEqual(['HTTP_401']);
  });

  it('leaves the session alone on a 401 of a request made without it (signing in with a wrong password)', async () => {
    answerWith(401, { code: 'INVALID_CREDENTIALS', message: 'wrong' });
    await expect(apiRequest('/api/auth/login', { method: 'POST', body: {}, auth: false })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(unauthorized).toEqual([]);
  });

  it('does not end the session on a 403, but reports it (a role may have been taken away since the token)', async () => {
    answerWith(403, { code: 'FORBIDDEN', message: 'no' });
    await expect(apiRequest('/api/incidents')).rejects.toMatchObject({ status: 403 });
    expect(unauthorized).toEqual([]);
    expect(forbidden).toEqual(['FORBIDDEN']);
  });

  it('reports neither on other failures', async () => {
    answerWith(409, { code: 'VERSION_CONFLICT', message: 'changed' });
    await expect(apiRequest('/api/incidents/x', { method: 'PATCH', body: {} })).rejects.toMatchObject({ status: 409 });
    expect(unauthorized).toEqual([]);
    expect(forbidden).toEqual([]);
  });
});

describe('clientValidationError', () => {
  it('sums up the first problem and how many others wait at their fields', () => {
    const one = clientValidationError({ 'figures.trapped': '被困须为非负整数' }, (first, n) => `${first} +${n}`);
    expect(one.message).toBe('被困须为非负整数');
    const three = clientValidationError({ a: 'A 错', b: 'B 错', c: 'C 错' }, (first, n) => `${first} +${n}`);
    expect(three.message).toBe('A 错 +2');
    expect(three.fields).toEqual({ a: 'A 错', b: 'B 错', c: 'C 错' });
    expect(clientValidationError({ a: 'A 错', b: 'B 错' }).message).toBe('A 错');
  });
});
