import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError } from '@beacon/domain';
import { isStoreUnreachable, isTransientPgError } from '../../common/pg-errors.js';
import type { IntakeRequest } from './intake-batch.js';
import { IntakeWorkerClient } from './intake-worker-client.js';
import { carry, uncarry, type IntakeWorkerData } from './intake-worker.protocol.js';

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
  const start = (file: string, committed: () => Promise<void> = async () => undefined, data: Record<string, unknown> = {}) => {
    const died: number[] = [];
    const logged: string[] = [];
    const client = new IntakeWorkerClient(file, data as unknown as IntakeWorkerData, {
      committed,
      died: (_err, waiting) => died.push(waiting),
      log: (_level, message) => logged.push(message),
    });
    clients.push(client);
    return Object.assign(client, { died, logged });
  };
  /** Submits until the (re)started thread answers: a call while it restarts is refused at once. */
  const answered = async (client: IntakeWorkerClient, externalId: string) => {
    for (let tries = 0; ; tries++) {
      try {
        return await client.submit(0, request(externalId));
      } catch (err) {
        if (tries > 40) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  /** Answers every call as a new call; one transaction per message. */
  const ANSWERS = `parentPort.on('message', (m) => {
    if (m.kind !== 'calls') return;
    parentPort.postMessage({ kind: 'committed', events: [{ seq: 1 }], timers: [], phases: null, committedAt: Date.now(), attempts: [m.calls.length],
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
    expect(client.died).toEqual([1]);
    expect((await answered(client, 'again')).response.callId).toBe('again');
  });

  it('answers the calls of a transaction it reported even when the thread dies while they are published', async () => {
    const file = script('reports-then-dies.mjs', `parentPort.on('message', (m) => {
      if (m.kind !== 'calls') return;
      parentPort.postMessage({ kind: 'committed', events: [], timers: [], phases: null, committedAt: Date.now(), attempts: [m.calls.length],
        answers: m.calls.map((c) => ({ id: c.id, outcome: { created: true, response: { callId: c.request.dto.externalId, incidentId: 'i', linked: false } } })) });
      process.exit(4);
    });`);
    const client = start(file, () => new Promise((r) => setTimeout(r, 100)));
    expect((await client.submit(0, request('kept'))).response.callId).toBe('kept');
    expect(client.died).toEqual([0]);
  });

  it('still answers committed calls when publishing fails, and says so in the log', async () => {
    const client = start(script('answers-2.mjs', ANSWERS), async () => {
      throw new Error('redis gone');
    });
    expect((await client.submit(0, request('p'))).response.callId).toBe('p');
    expect(client.logged).toContain('publishing committed intake events failed');
  });

  it('waits longer and longer before restarting a thread that fails to start', async () => {
    const client = start(script('broken.mjs', `throw new Error('cannot start');`));
    await new Promise((r) => setTimeout(r, 1_800));
    // Restarted after 0.5 s, then after 1 s more: not hundreds of times.
    expect(client.died.length).toBeGreaterThanOrEqual(2);
    expect(client.died.length).toBeLessThanOrEqual(3);
    await expect(client.submit(0, request('refused'))).rejects.toThrow(/Connection terminated/);
  });

  it('closes by asking the thread to finish, without counting it as a death', async () => {
    const client = start(script('closes.mjs', `parentPort.on('message', (m) => { if (m.kind === 'close') setTimeout(() => process.exit(0), 20); });`));
    await client.close();
    expect(client.died).toEqual([]);
  });

  it('carries a DomainError across as one, and a Postgres error with its SQLSTATE', () => {
    const domain = uncarry(carry(DomainError.of('VALIDATION_FAILED', 'invalid call: location — far outside', { location: 'far outside' })));
    expect(domain).toBeInstanceOf(DomainError);
    expect(domain).toMatchObject({ code: 'VALIDATION_FAILED', fields: { location: 'far outside' } });
    const pg = uncarry(carry(Object.assign(new Error('value too long'), { code: '22001', constraint: 'calls_pkey', detail: 'x' })));
    expect(pg).toMatchObject({ message: 'value too long', code: '22001', constraint: 'calls_pkey', detail: 'x' });
    expect(pg.stack).toContain('value too long');
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
