// An open-loop, evenly paced load step: request i is due at start + i/rate whatever happened to earlier
// ones, and its latency runs from that due time (wrk2-style), so a server that falls behind pays for the
// queue it causes instead of silently slowing the generator down (coordinated omission).
//
// Why not autocannon's overallRate/connectionRate: in autocannon 9 each connection sends back-to-back
// until it has used its per-second budget, then idles until the next one-second tick (httpClient.js
// `reqsMadeThisSecond`), so load arrives as a burst at the top of every second, and its omission
// correction uses an expected interval of ceil(1/rate) = 1 ms. bench-intake can still drive the API
// with autocannon (BENCH_LOADGEN=autocannon) for comparison.
import http from 'node:http';
import { summarize } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {object} o
 * @param {number} o.rate           requests per second
 * @param {number} o.durationS      how long requests are issued
 * @param {(i: number) => Promise<{ok: boolean, status?: number|string}>} o.fire   one request
 * @param {number} [o.maxInFlight]  beyond this backlog the step is abandoned as overloaded
 * @param {number} [o.drainS]       how long to wait for stragglers after the last request is issued
 */
export async function openLoopStep({ rate, durationS, fire, maxInFlight = rate * 2, drainS = 10 }) {
  const total = Math.round(rate * durationS);
  const interval = 1000 / rate;
  const lat = [];
  const statuses = new Map();
  let inFlight = 0;
  let issued = 0;
  let done = 0;
  let errors = 0;
  let overloaded = false;
  const start = performance.now();

  const launch = (i, due) => {
    inFlight++;
    fire(i).then(
      (r) => {
        lat.push(performance.now() - due);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (!r.ok) errors++;
      },
      (err) => {
        lat.push(performance.now() - due);
        const key = String(err?.code ?? err?.message ?? err);
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        errors++;
      },
    ).finally(() => { inFlight--; done++; });
  };

  while (issued < total) {
    const now = performance.now();
    // Issue everything that is due (catching up if a timer fired late).
    while (issued < total && start + issued * interval <= now) {
      if (inFlight >= maxInFlight) { overloaded = true; break; }
      launch(issued, start + issued * interval);
      issued++;
    }
    if (overloaded) break;
    const wait = start + issued * interval - performance.now();
    await sleep(Math.max(0, Math.min(wait, 5)));
  }
  const issueEnd = performance.now();
  const drainDeadline = issueEnd + drainS * 1000;
  while (inFlight > 0 && performance.now() < drainDeadline) await sleep(5);
  const end = performance.now();
  return {
    rate,
    offered: issued,
    completed: done,
    unfinished: inFlight,
    errors: errors + inFlight + (overloaded ? total - issued : 0),
    overloaded,
    statuses: Object.fromEntries(statuses),
    latency: summarize(lat),
    issueS: (issueEnd - start) / 1000,
    elapsedS: (end - start) / 1000,
    achieved: done / ((end - start) / 1000),
  };
}

/** A keep-alive HTTP POST helper with at most `connections` sockets (extra requests queue in the agent). */
export function httpPoster(baseUrl, connections) {
  const u = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const post = (path, headers, body, timeoutMs = 10_000) => new Promise((resolve, reject) => {
    const payload = Buffer.from(body);
    const req = http.request({
      host: u.hostname, port: u.port, path, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(payload);
  });
  return { post, close: () => agent.destroy() };
}
