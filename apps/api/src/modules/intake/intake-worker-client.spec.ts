import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isStoreUnreachable, isTransientPgError } from '../../common/pg-errors.js';
import type { IntakeRequest } from './intake-batch.js';
import { IntakeWorkerClient } from './intake-worker-client.js';
import type { IntakeWorkerData } from './intake-worker.protocol.js';

/**
 * The API's side of the intake worker thread, against stand-in worker scripts speaking the same
 * messages (the real thread, with Postgres, runs in intake.int-spec and intake-batch.int-spec).
 */
describe('IntakeWorkerClient', () => {
  let dir: string;
  const clients: IntakeWorkerClient[] = [];
  const request = (externalId: string) => ({ principal: { kind: 'integration', keyId: 'k', source: '119', label: 'test', jurisdictionId: 'j' }, dto: { source: '119', externalId } }) as unknown as IntakeRequest;
  const script = (name: string, body: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `import { parentPort, workerData } from 'node:worker_threads';\n${body}`);
    return file;
  };
  const start = (file: string, committed = async () => undefined, data: Record<string, unknown> = {}) => {
    const client = new IntakeWorkerClient(file, data as unknown as IntakeWorkerData, committed, () => undefined);
    clients.push(client);
    return client;
  };
  /** Answers every call as a new call; one transaction per message. */
  const ANSWERS = `parentPort.on('message', (m) => {
    if (m.kind !== 'calls') return;
    parentPort.postMessage({ kind: 'committed', events: [{ seq: 1 }], timers: [], phases: null,
      answers: m.calls.map((c) => ({ id: c.id, outcome: { created: true, response: { callId: c.request.dto.externalId, incidentId: 'i', linked: false } } })) });
  });`;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'beacon-intake-worker-'));
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each call with its own outcome, only after the committed batch has been published', async () => {
    const order: string[] = [];
    const client = start(script('answers.mjs', ANSWERS), async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push('published');
    });
    const outcomes = await Promise.all(['a', 'b', 'c'].map((id) => client.submit(0, request(id)).then((o) => (order.push(`answered ${id}`), o))));
    expect(outcomes.map((o) => o.response.callId)).toEqual(['a', 'b', 'c']);
    // Validated in one turn of the loop: one message, one transaction, one publish before any answer.
    expect(order).toEqual(['published', 'answered a', 'answered b', 'answered c']);
  });

  it('hands a call that failed for good back as the error it was, code and all', async () => {
    const client = start(script('fails.mjs', `parentPort.on('message', (m) => {
      for (const c of m.calls ?? []) parentPort.postMessage({ kind: 'failed', id: c.id, error: { name: 'error', message: 'could not serialize access', code: '40001' } });
    });`));
    const err = await client.submit(1, request('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('could not serialize access');
    expect(isTransientPgError(err)).toBe(true);
  });

  it('fails the calls in flight as a lost store link when the thread dies, and starts another that answers', async () => {
    const marker = path.join(dir, 'died-once');
    const file = script('dies-once.mjs', `import { existsSync, writeFileSync } from 'node:fs';
      parentPort.on('message', (m) => {
        if (m.kind === 'calls' && !existsSync(workerData.marker)) { writeFileSync(workerData.marker, ''); process.exit(3); }
      });
      ${ANSWERS}`);
    const client = start(file, async () => undefined, { marker });
    const lost = await client.submit(0, request('lost')).catch((e: unknown) => e);
    // 503 STORE_UNAVAILABLE with Retry-After (ErrorFilter): the caller sends it again, and a repeat is recognised.
    expect(isStoreUnreachable(lost)).toBe(true);
    expect((lost as Error).message).toMatch(/intake worker thread exited \(code 3\)/);
    const again = await client.submit(0, request('again'));
    expect(again.response.callId).toBe('again');
  });

  it('passes new jurisdictions on to the thread', async () => {
    const file = script('jurisdictions.mjs', `let names = workerData.jurisdictions.map((j) => j.name);
      parentPort.on('message', (m) => {
        if (m.kind === 'jurisdictions') { names = m.jurisdictions.map((j) => j.name); return; }
        parentPort.postMessage({ kind: 'committed', events: [], timers: [], phases: null,
          answers: m.calls.map((c) => ({ id: c.id, outcome: { created: true, response: { callId: names.join(','), incidentId: 'i', linked: false } } })) });
      });`);
    const client = start(file, async () => undefined, { jurisdictions: [{ name: '甲区' }] });
    expect((await client.submit(0, request('1'))).response.callId).toBe('甲区');
    client.jurisdictionsChanged([{ name: '乙区' }, { name: '丙区' }] as never);
    expect((await client.submit(0, request('2'))).response.callId).toBe('乙区,丙区');
  });
});
