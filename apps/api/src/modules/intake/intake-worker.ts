/**
 * The intake worker thread: runs the intake lanes' batches (IntakeBatch) on its own Postgres
 * connections. In the API's event loop a batch's answers from Postgres wait behind every HTTP request
 * being parsed, validated and answered, and the lanes' batches hold their map-cell locks all that
 * while; here the loop has nothing else to do. The API validates each call, hands it over, and
 * publishes what committed (IntakeWorkerClient).
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
import { INTAKE_WORKER_APPLICATION, carry, type FromIntakeWorker, type IntakeWorkerData, type ToIntakeWorker } from './intake-worker.protocol.js';

const port = parentPort;
if (!port) throw new Error('intake-worker.ts runs as a worker thread');
const data = workerData as IntakeWorkerData;
const send = (message: FromIntakeWorker) => port.postMessage(message);

let tree = new JurisdictionTree(data.jurisdictions);
// One connection per batch in flight; a lane's retries run in its own slot.
const pool = new pg.Pool({
  connectionString: data.databaseUrl,
  // Its connections show as such in pg_stat_activity.
  application_name: INTAKE_WORKER_APPLICATION,
  max: data.lanes.lanes * data.lanes.batchConcurrency,
  connectionTimeoutMillis: 10_000,
  keepAlive: true,
});
// An idle connection that dies (a Postgres restart) is dropped by the pool; the next batch connects anew.
pool.on('error', () => undefined);
const prepared = new PreparedStatements();

const transact: Transact = async (actor, options, work) => {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await runLoggedTransaction(client, prepared, actor, options, work);
  } catch (err) {
    // A connection the store failed on is not given to the next batch.
    if (isSystemicPgError(err)) broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(broken);
  }
};

const batch = new IntakeBatch(data.linking, new IncidentIntakeRules(data.ackPolicy, () => tree), transact);
type Item = { id: number; request: IntakeRequest };
const lanes = intakeLanes<Item, null>(data.lanes, async (items) => {
  const { outcomes, ...committed } = await batch.run(items.map((i) => i.request));
  // Answered here, once its transaction has committed: a batch that fails is run again item by item.
  send({ kind: 'committed', answers: items.map((item, n) => ({ id: item.id, outcome: outcomes[n]! })), ...committed });
  return items.map(() => null);
});

port.on('message', (message: ToIntakeWorker) => {
  if (message.kind === 'jurisdictions') {
    tree = new JurisdictionTree(message.jurisdictions);
    return;
  }
  for (const { id, lane, request } of message.calls) {
    lanes[lane]!.submit({ id, request }).catch((err: unknown) => send({ kind: 'failed', id, error: carry(err) }));
  }
});
