/**
 * The intake worker thread: runs the intake lanes' batches (IntakeBatch) on its own Postgres
 * connections. In the API's event loop a batch's answers from Postgres wait behind every HTTP request
 * being parsed, validated and answered, and the lanes' batches hold their map-cell locks all that
 * while; here the loop has nothing else to do. The API validates each call, hands it over, and
 * publishes what committed before answering (IntakeWorkerClient).
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { isSystemicPgError } from '../../common/pg-errors.js';
import { PreparedStatements, runLoggedTransaction } from '../events/logged-transaction.js';
import { IncidentIntakeRules } from '../incidents/incident-intake-rules.js';
import { JurisdictionTree } from '../jurisdictions/jurisdiction-tree.js';
import { IntakeBatch, type IntakeRequest, type Transact } from './intake-batch.js';
import { intakeLanes } from './intake-lanes.js';
import { INTAKE_WORKER_APPLICATION, carry, linkLost, type FromIntakeWorker, type IntakeWorkerData, type ToIntakeWorker } from './intake-worker.protocol.js';

const port = parentPort;
if (!port) throw new Error('intake-worker.ts runs as a worker thread');
const data = workerData as IntakeWorkerData;
const send = (message: FromIntakeWorker) => port.postMessage(message);

let tree = new JurisdictionTree(data.jurisdictions);
// One connection per batch in flight; a lane's retries run in its own slot.
const pool = new pg.Pool({
  connectionString: data.databaseUrl,
  application_name: INTAKE_WORKER_APPLICATION, // its connections show as such in pg_stat_activity
  max: data.lanes.lanes * data.lanes.batchConcurrency,
  connectionTimeoutMillis: 10_000,
  keepAlive: true,
});
// An idle connection that dies (a Postgres restart) leaves the pool; the next batch connects anew.
pool.on('error', (err) => send({ kind: 'log', level: 'warn', message: 'an idle intake connection to Postgres failed', error: carry(err) }));
const prepared = new PreparedStatements();

const transact: Transact = async (actor, options, work) => {
  const client = await pool.connect();
  // pg-pool stops listening to a connection it has lent out: without this, a connection lost in the
  // middle of a batch would raise an unhandled 'error' and end the thread.
  let broken: Error | undefined;
  const onError = (err: Error) => (broken = err);
  client.on('error', onError);
  try {
    return await runLoggedTransaction(client, prepared, actor, options, work);
  } catch (err) {
    // A connection the store failed on is not lent to the next batch.
    if (!broken && isSystemicPgError(err)) broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
};

const batch = new IntakeBatch(data.linking, new IncidentIntakeRules(data.ackPolicy, () => tree, data.gradeTables), transact);
/** Sizes of the batches run since the last report (failed ones too), for beacon_intake_batch_size. */
let attempts: number[] = [];
type Item = { id: number; request: IntakeRequest };
const lanes = intakeLanes<Item, null>(
  data.lanes,
  async (items) => {
    const { outcomes, ...committed } = await batch.run(items.map((i) => i.request));
    // Reported once its transaction has committed (a batch that fails is run again item by item); the
    // API publishes its events, then answers its calls.
    const answers = items.map((item, n) => ({ id: item.id, outcome: outcomes[n]! }));
    try {
      send({ kind: 'committed', answers, attempts, ...committed });
      attempts = [];
    } catch (err) {
      // Committed, but the report could not cross to the API: the calls are answered as failed (sent
      // again, each is recognised as a repeat), never run a second time here.
      for (const { id } of answers) send({ kind: 'failed', id, error: carry(err) });
    }
    return items.map(() => null);
  },
  (size) => attempts.push(size),
);

let closing = false;
port.on('message', (message: ToIntakeWorker) => {
  if (message.kind === 'jurisdictions') {
    tree = new JurisdictionTree(message.jurisdictions);
  } else if (message.kind === 'close') {
    closing = true;
    // pool.end() waits for the batches under way to give their connections back.
    void pool.end().finally(() => process.exit(0));
  } else {
    for (const { id, lane, request } of message.calls) {
      try {
        if (closing) throw linkLost('intake is shutting down');
        const queue = lanes[lane];
        if (!queue) throw new Error(`intake lane ${lane} does not exist`);
        queue.submit({ id, request }).catch((err: unknown) => send({ kind: 'failed', id, error: carry(err) }));
      } catch (err) {
        send({ kind: 'failed', id, error: carry(err) });
      }
    }
  }
});
