import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/** The HTTP layer on Fastify: what a client sees for odd bodies, and the console served beside the API. */
describe('HTTP layer', () => {
  let t: TestApp;
  let dist: string;
  const raw = (method: string, p: string, init: { headers?: Record<string, string>; body?: string } = {}) =>
    fetch(`${t.url}${p}`, { method, headers: init.headers, body: init.body });

  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'beacon-console-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Beacon 指挥台</title><div id="root"></div>');
    await writeFile(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("beacon")');
    t = await startTestApp({ CONSOLE_DIST: dist });
  });
  afterAll(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('refuses a body that is not JSON with 415 naming the header', async () => {
    const res = await raw('POST', '/api/auth/login', { headers: { 'content-type': 'text/plain' }, body: 'duty1' });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: { 'Content-Type': expect.any(String) } });
  });

  it('refuses a body over 1 MB with 413, and still serves the next request', async () => {
    const res = await raw('POST', '/api/auth/login', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'p' }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: { body: 'too large' } });
    expect((await t.http('POST', '/api/auth/login', { body: { username: 'duty1', password: t.password } })).status).toBe(200);
  });

  it('refuses JSON that smuggles a __proto__ key', async () => {
    const res = await raw('POST', '/api/auth/login', { headers: { 'content-type': 'application/json' }, body: '{"username":"duty1","password":"x","__proto__":{"admin":true}}' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('refuses a NUL character (which Postgres cannot store) with 400 naming its field, on any route', async () => {
    for (const [path, body, field] of [
      ['/api/auth/login', '{"username":"duty1\\u0000","password":"x"}', 'username'],
      ['/api/intake/calls', '{"source":"119","caller":{"name":"a\\u0000b"}}', 'caller.name'],
      ['/api/intake/calls', '{"relatedExternalIds":["ok","x\\u0000"]}', 'relatedExternalIds.1'],
    ] as const) {
      const res = await raw('POST', path, { headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [field]: expect.stringContaining('U+0000') } });
    }
    // An escaped backslash followed by "u0000" is plain text, not a NUL.
    const text = await raw('POST', '/api/auth/login', { headers: { 'content-type': 'application/json' }, body: '{"username":"a\\\\u0000","password":"x"}' });
    expect(text.status).toBe(401);
  });

  it('treats an empty JSON body as no body: validation names the missing fields', async () => {
    const res = await raw('POST', '/api/auth/login', { headers: { 'content-type': 'application/json' }, body: '' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { username: expect.any(String), password: expect.any(String) } });
  });

  it('serves the console: the page at / and at any deep link, hashed assets cached for a year', async () => {
    for (const p of ['/', '/incidents/INC-20261124-0001']) {
      const page = await raw('GET', p);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('Beacon 指挥台');
    }
    const asset = await raw('GET', '/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toContain('beacon');
  });

  it('serves the files of a console rebuilt while it runs: the new page and its new assets', async () => {
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Beacon 新版</title><script src="/assets/index-new456.js"></script>');
    await writeFile(path.join(dist, 'assets', 'index-new456.js'), 'console.log("rebuilt")');
    expect(await (await raw('GET', '/')).text()).toContain('index-new456.js');
    const asset = await raw('GET', '/assets/index-new456.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toContain('rebuilt');
    // Kept inside the build folder: a path climbing out of it to a file that exists is refused, never served.
    for (const p of ['/assets/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fhosts.js']) {
      const res = await raw('GET', p);
      expect({ p, status: res.status }).toEqual({ p, status: 403 });
      expect(await res.text()).not.toContain('root:');
    }
    // Malformed escapes name no file: refused as a bad request or not found, never a server error.
    for (const p of ['/assets/%E0%A4%A.js', '/x%.js', '/assets/index-%E0%A4%A.js']) {
      const status = (await raw('GET', p)).status;
      expect({ p, refused: status === 400 || status === 404 }).toEqual({ p, refused: true });
    }
  });

  it('answers 404, not the console page, for a file that is not there (an asset of another build)', async () => {
    for (const p of ['/assets/index-old999.js', '/assets/x', '/favicon-missing.png', '/style.css?v=2']) {
      const res = await raw('GET', p);
      expect({ p, status: res.status }).toEqual({ p, status: 404 });
      expect(res.headers.get('content-type')).toMatch(/json/);
    }
  });

  it('keeps JSON 404s for unknown API paths instead of the console page', async () => {
    for (const p of ['/api/no-such-thing', '/api/incidents/x/y/z', '/socket.io-nope', '/metrics']) {
      const res = await raw('GET', p);
      if (p === '/metrics') {
        expect(res.status).toBe(200);
        continue;
      }
      if (p === '/socket.io-nope') {
        // Not an API path: the console page.
        expect(res.status).toBe(200);
        continue;
      }
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const post = await raw('POST', '/nowhere', { headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(404);
  });
});
