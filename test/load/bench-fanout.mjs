#!/usr/bin/env node
// `npm run bench:fanout`: realtime fan-out latency of Beacon (socket.io over the Redis adapter) against a
// bare `ws` broadcast of the same payload to the same number of clients, on one machine.
//
// Beacon: N socket.io clients on /realtime; K team-status PATCHes, one at a time; for each event and
// client, latency = client receive time − envelope.publishedAt, the moment the API hands the committed
// event to its transport (right after COMMIT). That is "delivery of a committed event" and starts where
// the reference starts. It includes socket.io's encoding and fan-out; the clients are on the instance that
// commits, which hands its own sockets each event directly (other instances' consoles get it through Redis).
// The end-to-end figure from just before the PATCH (HTTP, validation, transaction, publish, fan-out) is
// reported too, as "officer saves → every console shows it".
// Reference: a `ws` server in its own process (as the API is); latency = receive − the time just before
// its send loop. All clocks are one machine's: epoch ms from performance.timeOrigin + performance.now().
//
// The two are measured interleaved (one Beacon event, one ws broadcast, …) with both client sets
// connected, so background load on a shared machine hits both alike.
//
// Env: BEACON_URL (use a running Beacon, start nothing), DATABASE_URL, REDIS_URL, DEMO_PASSWORD,
//      FANOUT_CLIENTS (500), FANOUT_EVENTS (100), FANOUT_GAP_MS (50).
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { backgroundBusy, cpuSeconds, login, startProduct, stopOnSignals } from './lib/product.mjs';
import { line, ms, nowEpochMs, summarize } from './lib/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.FANOUT_CLIENTS ?? 500);
const K = Number(process.env.FANOUT_EVENTS ?? 100);
const WARMUP = 5; // rounds not counted: JIT, first-use allocations
const GAP_MS = Number(process.env.FANOUT_GAP_MS ?? 50);
const WAIT_MS = 5000; // per event: how long to wait for every client before counting the rest as lost
const TARGET = 1.5;
const ROUNDS = WARMUP + K;
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const log = (m) => console.log(m);
const cpuOf = (u) => (u.user + u.system) / 1e6;
const round2 = (v) => Math.round(v * 100) / 100;

/** Opens `count` connections, `batch` at a time (a thundering herd of 500 handshakes measures nothing useful). */
async function connectAll(count, batch, open) {
  const out = [];
  for (let i = 0; i < count; i += batch) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => open(i + j)))));
  }
  return out;
}

/** Waits until `done()` or the deadline; polls cheaply (the clients' handlers do the counting). */
async function until(done, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await sleep(1);
  return done();
}

/** Beacon side: N socket.io clients; fire(i) commits one team.updated and waits until all heard it. */
async function setupBeacon(product, cleanup) {
  const token = await login(product.url, 'duty1', product.demoPassword);
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const teams = await (await fetch(`${product.url}/api/teams`, { headers: auth })).json();
  if (!Array.isArray(teams) || teams.length === 0) throw new Error(`GET /api/teams returned no teams: ${JSON.stringify(teams).slice(0, 200)}`);
  const team = teams[0];
  const original = team.status;
  const other = original === 'available' ? 'unavailable' : 'available';

  const st = { received: 0, inflight: -1, strays: 0, envelope: null, lost: 0, patches: 0 };
  const seqToIndex = new Map();
  const indexHasSeq = new Set();
  const recv = Array.from({ length: ROUNDS }, () => []);
  const sentAt = [];
  const respAt = [];
  const pubAt = []; // the server's publish time of each committed event (envelope.publishedAt)

  const t0 = performance.now();
  const sockets = await connectAll(N, 50, () => new Promise((resolve, reject) => {
    // forceNew: without it socket.io-client multiplexes every io() to one URL over ONE connection.
    const s = io(`${product.url}/realtime`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20000 });
    const fail = (e) => reject(new Error(`socket connect: ${e?.message ?? JSON.stringify(e)}`));
    s.once('connect_error', fail);
    s.once('auth_error', fail);
    s.once('hello', () => { s.off('connect_error', fail); resolve(s); });
    s.on('team.updated', (ev) => {
      const at = nowEpochMs();
      if (ev?.aggregate?.id !== team.id) return;
      let index = seqToIndex.get(ev.seq);
      if (index === undefined) {
        // The first receipt of a new seq belongs to the PATCH in flight (events are strictly one at a time).
        if (st.inflight < 0 || indexHasSeq.has(st.inflight)) { st.strays++; return; }
        index = st.inflight;
        seqToIndex.set(ev.seq, index);
        indexHasSeq.add(index);
        pubAt[index] = Date.parse(ev.publishedAt);
        st.envelope ??= ev;
      }
      recv[index].push(at);
      if (index === st.inflight) st.received++;
    });
  }));
  cleanup.push(async () => { for (const s of sockets) s.disconnect(); });
  log(`[fanout] ${sockets.length} socket.io clients connected to ${product.url}/realtime in ${((performance.now() - t0) / 1000).toFixed(1)} s (all got 'hello')`);

  const patch = async (status) => {
    const res = await fetch(`${product.url}/api/teams/${team.id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ status }) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`PATCH /api/teams/${team.id} {"status":"${status}"} → HTTP ${res.status} ${text.slice(0, 300)}`);
    st.patches++;
  };
  return {
    team, st, recv, sentAt, respAt, pubAt,
    async fire(i) {
      st.received = 0;
      st.inflight = i;
      sentAt[i] = nowEpochMs();
      await patch(st.patches % 2 === 0 ? other : original);
      respAt[i] = nowEpochMs();
      if (!(await until(() => st.received >= N, WAIT_MS))) st.lost += i >= WARMUP ? N - st.received : 0;
    },
    // Leave the team as we found it (matters with BEACON_URL on a live demo).
    restore: async () => { st.inflight = -1; if (st.patches % 2 === 1) await patch(original); },
  };
}

/** Reference side: a bare ws server (child process) and N ws clients; fire(i) broadcasts one frame. */
async function setupWs(cleanup) {
  const server = fork(path.join(here, 'lib/ws-broadcast-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  cleanup.push(async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.send({ type: 'close' });
    await Promise.race([exited, sleep(2000).then(() => server.kill('SIGKILL'))]);
  });
  const sent = new Map();
  const port = await new Promise((resolve, reject) => {
    server.on('message', (m) => {
      if (m.type === 'listening') resolve(m.port);
      if (m.type === 'sent') sent.set(m.index, m);
    });
    server.once('exit', (code) => reject(new Error(`ws server exited ${code}`)));
  });

  const st = { received: 0, inflight: -1, lost: 0, bytes: 0 };
  const recv = Array.from({ length: ROUNDS }, () => []);
  const t0 = performance.now();
  const clients = await connectAll(N, 50, () => new Promise((resolve, reject) => {
    const c = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
    c.once('open', () => resolve(c));
    c.once('error', reject);
    c.on('message', (data) => {
      const at = nowEpochMs();
      // Decode like a socket.io client does: decoding is part of delivery.
      const [, ev] = JSON.parse(data.toString());
      recv[ev.seq].push(at);
      if (ev.seq === st.inflight) st.received++;
    });
  }));
  cleanup.push(async () => { for (const c of clients) c.terminate(); });
  log(`[fanout] ${clients.length} ws clients connected to the reference server in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  return {
    st, recv, sent, pid: server.pid,
    async fire(i, envelope) {
      // Same event name and envelope as Beacon's socket.io frame (42/realtime,["team.updated",{…}]), seq = round.
      const data = JSON.stringify(['team.updated', { ...envelope, seq: i }]);
      st.bytes = Buffer.byteLength(data);
      st.received = 0;
      st.inflight = i;
      server.send({ type: 'broadcast', index: i, data });
      if (!(await until(() => st.received >= N && sent.has(i), WAIT_MS))) st.lost += i >= WARMUP ? N - st.received : 0;
    },
  };
}

/** Per-client latencies from a per-round start time, plus the spread after each round's first receipt. */
function latencies(recv, startOf) {
  const lat = [];
  const spread = [];
  const first = [];
  for (let i = WARMUP; i < ROUNDS; i++) {
    const t0 = startOf(i);
    if (t0 === undefined || recv[i].length === 0) continue;
    const f = Math.min(...recv[i]);
    first.push(f - t0);
    for (const at of recv[i]) { lat.push(at - t0); spread.push(at - f); }
  }
  return { lat: summarize(lat), spread: summarize(spread), first: summarize(first) };
}

async function main() {
  const cleanup = [];
  let product = null;
  const stopAll = async () => {
    while (cleanup.length) await cleanup.pop()().catch(() => {});
    await product?.stop();
  };
  stopOnSignals(stopAll);
  const tAll = performance.now();
  try {
    const background = await backgroundBusy();
    if (background !== null) log(`[fanout] background load before the bench: ${(background * 100).toFixed(0)}% of all ${os.cpus().length} cores busy`);
    product = await startProduct({ log, label: 'fanout' });
    log(`[fanout] ${N} clients per side, ${WARMUP} warm-up + ${K} measured rounds, ${GAP_MS} ms gap after each full delivery`);
    const beacon = await setupBeacon(product, cleanup);
    const ref = await setupWs(cleanup);

    // Interleaved rounds; CPU is charged to the side whose round is running (the other side is idle then).
    const cpu = { api: 0, beaconClients: 0, wsServer: 0, wsClients: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      let self = process.cpuUsage();
      let api = product.apiPid ? cpuSeconds(product.apiPid) : 0;
      await beacon.fire(i);
      if (i >= WARMUP) {
        cpu.beaconClients += cpuOf(process.cpuUsage(self));
        cpu.api += product.apiPid ? cpuSeconds(product.apiPid) - api : 0;
      }
      await sleep(GAP_MS);
      self = process.cpuUsage();
      const srv = cpuSeconds(ref.pid);
      await ref.fire(i, beacon.st.envelope);
      if (i >= WARMUP) {
        cpu.wsClients += cpuOf(process.cpuUsage(self));
        cpu.wsServer += cpuSeconds(ref.pid) - srv;
      }
      await sleep(GAP_MS);
    }
    await beacon.restore();

    // Headline: delivery of a committed event, from the moment the API publishes it — the same
    // start as the reference's "just before the send loop". The PATCH before it is shown apart.
    const b = latencies(beacon.recv, (i) => beacon.pubAt[i]);
    const bFromPatch = latencies(beacon.recv, (i) => beacon.sentAt[i]);
    const bAfterResp = latencies(beacon.recv, (i) => beacon.respAt[i]);
    const patchMs = summarize(beacon.sentAt.slice(WARMUP).map((t, j) => beacon.respAt[j + WARMUP] - t));
    const w = latencies(ref.recv, (i) => ref.sent.get(i)?.t0);
    const loopMs = summarize([...ref.sent.values()].filter((m) => m.index >= WARMUP).map((m) => m.loopMs));
    const envelopeBytes = Buffer.byteLength(JSON.stringify(beacon.st.envelope));

    log('');
    log(`Beacon socket.io: ${N} clients, ${K} team.updated events (PATCH /api/teams/${beacon.team.id.slice(0, 8)}…), envelope ${envelopeBytes} B JSON`);
    log(line('  delivery, from publish (after commit)', b.lat));
    log(line('  delivery, from before PATCH', bFromPatch.lat));
    log(line('  first client, from before PATCH', bFromPatch.first));
    log(line('  spread after first client', b.spread));
    log(line('  delivery, from PATCH response', bAfterResp.lat) + '   (< 0: heard before the 200)');
    log(line('  PATCH round trip', patchMs));
    log(`  lost deliveries ${beacon.st.lost}, stray events ${beacon.st.strays}; CPU in its rounds: API ${cpu.api.toFixed(2)} s, ${N} clients ${cpu.beaconClients.toFixed(2)} s`);
    log(`Reference bare ws: ${N} clients, ${K} broadcasts of ${ref.st.bytes} B frames`);
    log(line('  delivery, from before send loop', w.lat));
    log(line('  spread after first client', w.spread));
    log(line('  server send loop', loopMs));
    log(`  lost deliveries ${ref.st.lost}; CPU in its rounds: server ${cpu.wsServer.toFixed(2)} s, ${N} clients ${cpu.wsClients.toFixed(2)} s`);
    const ratio = b.lat.p99 / w.lat.p99;
    const pass = ratio <= TARGET && beacon.st.lost === 0;
    log('');
    log(`socket.io p99 ${ms(b.lat.p99)} vs ws p99 ${ms(w.lat.p99)}: ratio ${ratio.toFixed(2)} (target ≤ ${TARGET}) → ${pass ? 'PASS' : 'FAIL'}`);
    log(`  Both figures start when the server hands the event to its transport: for Beacon right after COMMIT (envelope.publishedAt); its clients are on the committing instance, which hands them each event directly, not through Redis.`);
    log(`  From before the PATCH (HTTP + transaction + fan-out) Beacon's p99 is ${ms(bFromPatch.lat.p99)}; the first client hears the change ${ms(bFromPatch.first.p50)} p50 after the request starts.`);
    log(`  Fan-out alone (spread after the first client) p99: socket.io ${ms(b.spread.p99)} vs ws ${ms(w.spread.p99)}.`);
    log(`  All ${N * 2} clients share one Node process here, so client-side decoding is part of both numbers.`);
    log(`total ${((performance.now() - tAll) / 1000).toFixed(1)} s`);
    await stopAll();
    console.log(JSON.stringify({ bench: 'fanout', value: round2(b.lat.p99), reference: round2(w.lat.p99), ratio: round2(ratio), target: TARGET, pass }));
    process.exit(0);
  } catch (err) {
    console.error(`[fanout] ${err.stack ?? err}`);
    await stopAll();
    process.exit(1);
  }
}

main();
