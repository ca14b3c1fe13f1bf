#!/usr/bin/env node
// `npm run scenario -- <name> [--url URL] [--speed N] [--password P] [--seed S] [--exercise] [--list]`
// Replays a scripted, timed sequence of 110/119/120 calls through the intake API, logging each call
// and ending with a summary. `runScenario()` is exported so drills can reuse the player.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCENARIO_DIR = path.join(root, 'scripts/scenarios');
const SOURCES = ['110', '119', '120'];

// ---------------------------------------------------------------------------------------------
// Scenario kit: what a scenario definition builds its calls with (all randomness from one seed).
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast and good enough for reproducible jitter; seeded from a string. */
export function seededRng(seed) {
  let h = 1779033703 ^ String(seed).length;
  for (const ch of String(seed)) {
    h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => Math.floor(lo + (hi - lo + 1) * next()),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// Same equirectangular frame as the demo generator (apps/api/src/database/seeds/demo/local-frame.ts),
// so metre offsets here land where the generator put roads and landmarks.
const DEMO_ORIGIN = { lng: 118.3, lat: 36.8 };
const EARTH_RADIUS_M = 6_371_008.8;
const M_PER_DEG_LAT = (Math.PI / 180) * EARTH_RADIUS_M;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((DEMO_ORIGIN.lat * Math.PI) / 180);
const round6 = (v) => Math.round(v * 1e6) / 1e6;
export const toLngLat = ([x, y]) => ({ lng: round6(DEMO_ORIGIN.lng + x / M_PER_DEG_LNG), lat: round6(DEMO_ORIGIN.lat + y / M_PER_DEG_LAT) });
export const toLocal = (p) => [(p.lng - DEMO_ORIGIN.lng) * M_PER_DEG_LNG, (p.lat - DEMO_ORIGIN.lat) * M_PER_DEG_LAT];

// Fallback only: the generator's fixed landmark offsets, for when the API has not been built yet.
const FALLBACK_LANDMARKS = {
  chemicalPlant: { offset: [8000, 5500], name: '齐都化工园区', hazard: 'hazmat' },
  riverbank: { offset: [4600, -1500], name: '淄河东岸齐都段堤防', hazard: 'flood' },
  expresswayInterchange: { offset: [-3000, 7000], name: '青银高速齐都互通立交', hazard: 'traffic' },
  forestPark: { offset: [-2500, -8500], name: '牛山国有林场', hazard: 'forest_fire' },
  oldTown: { offset: [-1200, 900], name: '稷下老城区居民片区', hazard: 'building_collapse' },
  school: { offset: [1500, -2200], name: '齐都实验中学', hazard: 'crowd' },
};

/** DEMO_LANDMARKS from the built demo generator (the source of truth), else the copy above. */
export async function loadLandmarks() {
  const candidates = ['apps/api/dist/database/seeds/demo/landmarks.js', 'apps/api/dist/database/seeds/demo/index.js'];
  for (const rel of candidates) {
    try {
      const mod = await import(pathToFileURL(path.join(root, rel)).href);
      if (mod.DEMO_LANDMARKS) return { landmarks: mod.DEMO_LANDMARKS, from: rel };
    } catch { /* not built yet: try the next one */ }
  }
  const landmarks = Object.fromEntries(Object.entries(FALLBACK_LANDMARKS).map(([k, v]) => [k, { ...toLngLat(v.offset), name: v.name, hazard: v.hazard }]));
  return { landmarks, from: 'built-in copy (API not built)' };
}

export function makeKit(rng, landmarks) {
  const local = Object.fromEntries(Object.entries(landmarks).map(([k, v]) => [k, toLocal(v)]));
  const kit = {
    rng,
    landmarks,
    /** Landmark position in local metres [east, north]. */
    at: (key) => [...local[key]],
    /** A point `distM` (±spread) away in a random direction, metres. */
    around: (p, distM, spreadM = 0) => {
      const a = rng.range(0, 2 * Math.PI);
      const d = Math.max(0, distM + rng.range(-spreadM, spreadM));
      return [p[0] + d * Math.cos(a), p[1] + d * Math.sin(a)];
    },
    /**
     * A reported position: the true point jittered by a GPS/cell error drawn within the stated accuracy
     * (errors rarely exceed the accuracy radius, so ~0.6× on average, capped at 1×).
     */
    fix: (p, accuracyM) => {
      const a = rng.range(0, 2 * Math.PI);
      const d = accuracyM * Math.min(1, Math.abs(rng.range(-1, 1) + rng.range(-1, 1)) / 1.5);
      return { ...toLngLat([p[0] + d * Math.cos(a), p[1] + d * Math.sin(a)]), accuracyM };
    },
    /** Caller phone: a digits-only fake number in the 1380000xxxx block (the API accepts digits only). */
    phone: () => `138${'0000'}${String(rng.int(0, 9999)).padStart(4, '0')}`,
    surname: () => rng.pick(['王', '李', '张', '刘', '孙', '马', '田', '高', '朱', '辛', '徐', '崔', '邢', '于', '郑', '赵']),
    /** Random point inside the demo district's safe core (elliptical radius ≤ 0.68 of 15 × 12.5 km). */
    inDistrict: () => {
      for (let i = 0; i < 1000; i++) {
        const x = rng.range(-15000, 15000) * 0.68;
        const y = rng.range(-12500, 12500) * 0.68;
        if ((x / 15000) ** 2 + (y / 12500) ** 2 <= 0.68 ** 2) return [x, y];
      }
      return [0, 0];
    },
    dist: (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]),
  };
  return kit;
}

// ---------------------------------------------------------------------------------------------
// Scenario registry
// ---------------------------------------------------------------------------------------------

export function listScenarioNames() {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
    .map((f) => f.replace(/\.mjs$/, ''))
    .sort();
}

export async function loadScenario(name) {
  if (!/^[a-z0-9-]+$/.test(name) || !listScenarioNames().includes(name)) {
    throw new Error(`unknown scenario "${name}" (known: ${listScenarioNames().join(', ')})`);
  }
  const mod = await import(pathToFileURL(path.join(SCENARIO_DIR, `${name}.mjs`)).href);
  return mod.default;
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers
// ---------------------------------------------------------------------------------------------

async function http(method, url, { body, headers = {}, timeoutMs = 15000 } = {}) {
  const t0 = performance.now();
  try {
    const res = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: keep the text */ }
    return { status: res.status, json, text, ms: performance.now() - t0 };
  } catch (err) {
    return { status: 0, json: null, text: String(err?.cause?.code ?? err?.message ?? err), ms: performance.now() - t0 };
  }
}

/** Intake keys: env overrides (BEACON_INTAKE_KEY_110 …), else the demo keys derived from the demo password. */
async function intakeKeys(password) {
  let derive;
  try {
    ({ demoIntakeKey: derive } = await import(pathToFileURL(path.join(root, 'apps/api/dist/database/seeds/demo-seeder.js')).href));
  } catch (err) {
    const missing = SOURCES.filter((s) => !process.env[`BEACON_INTAKE_KEY_${s}`]);
    if (missing.length) throw new Error(`cannot load demoIntakeKey from apps/api/dist (run \`npm run build\`) and no BEACON_INTAKE_KEY_${missing[0]} set: ${err.message}`, { cause: err });
  }
  return Object.fromEntries(SOURCES.map((s) => [s, process.env[`BEACON_INTAKE_KEY_${s}`] ?? derive(s, password)]));
}

const pad2 = (n) => String(n).padStart(2, '0');
const clock = (sec) => {
  const s = Math.round(sec);
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}` : `${pad2(Math.floor(s / 60))}:${pad2(s % 60)}`;
};
const maskPhone = (p) => (p && p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p ?? '');
const sleep = (ms, signal) => new Promise((resolve) => {
  if (ms <= 0) return resolve();
  const onAbort = () => { clearTimeout(t); resolve(); };
  const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
  signal?.addEventListener('abort', onAbort, { once: true });
});

// ---------------------------------------------------------------------------------------------
// The player
// ---------------------------------------------------------------------------------------------

/**
 * Plays one scenario against a running Beacon.
 * @param {object} o
 * @param {string} [o.url]        base URL, default http://127.0.0.1:3000
 * @param {string} o.name         scenario name (file in scripts/scenarios/)
 * @param {number} [o.speed]      1 = real time, 10 = ten times faster; Infinity = no waiting
 * @param {string} [o.password]   demo password (derives the demo intake keys; logs in duty1 to read incident codes)
 * @param {(line: string) => void} [o.log]
 * @param {boolean} [o.exercise]  mark every call as an exercise (演练) in its description and externalId
 * @param {string|number} [o.seed] PRNG seed (default: the scenario's own), same seed = same calls
 * @param {string} [o.runTag]     suffix that keeps externalIds unique per run (default: time-based)
 * @param {AbortSignal} [o.signal]
 * @param {boolean} [o.dryRun]   print the calls without sending anything
 * @returns {Promise<object>} summary (counts, incidents, linking check, per-call results)
 */
export async function runScenario({
  url = 'http://127.0.0.1:3000', name, speed = 1, password = process.env.DEMO_PASSWORD ?? 'beacon-demo',
  log = (line) => console.log(line), exercise = false, seed, runTag, signal, dryRun = false,
} = {}) {
  const base = url.replace(/\/+$/, '');
  const scenario = await loadScenario(name);
  if (!(speed > 0)) throw new Error('speed must be > 0');
  const { landmarks, from: landmarksFrom } = await loadLandmarks();
  const rng = seededRng(seed ?? scenario.seed ?? name);
  const calls = scenario.build(makeKit(rng, landmarks)).sort((a, b) => a.at - b.at);
  const tag = runTag ?? `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36).padStart(2, '0')}`.toUpperCase();
  if (dryRun) {
    // The plan only: what would be sent and where, for checking a scenario without a server.
    for (const c of calls) {
      const p = c.location ? toLocal(c.location).map((v) => Math.round(v)) : null;
      log(`[+${clock(c.at)}] ${c.source} ${c.resendOf ? `重发 ${c.resendOf}` : c.ref} ${c.group ?? ''} ${p ? `(${p[0]}, ${p[1]}) ±${c.location.accuracyM}m` : '(仅地址)'} ${c.type ?? '—'} ${c.casualties ? JSON.stringify(c.casualties) : ''} ${c.address ?? ''} · ${(c.description ?? '').slice(0, 50)}`);
    }
    log(`${calls.length} calls, ${clock(calls.at(-1)?.at ?? 0)}`);
    return { scenario: name, dryRun: true, calls };
  }
  const keys = await intakeKeys(password);

  // Case numbers look like each center's own (119-20261123-0001) plus the run tag, so replays never collide.
  const ymd = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const externalIdOf = new Map();
  const counters = { 110: 0, 119: 0, 120: 0 };
  for (const c of calls) {
    if (c.resendOf) continue;
    if (externalIdOf.has(c.ref)) throw new Error(`scenario ${name}: duplicate ref ${c.ref}`);
    externalIdOf.set(c.ref, `${exercise ? 'EX-' : ''}${c.source}-${ymd}-${tag}-${String(++counters[c.source]).padStart(4, '0')}`);
  }

  // A duty-officer token is only for reading incident codes and grades; intake itself uses the keys.
  const login = await http('POST', `${base}/api/auth/login`, { body: { username: 'duty1', password } });
  const token = login.status === 200 ? login.json?.accessToken : null;
  const authz = token ? { authorization: `Bearer ${token}` } : {};

  const durationS = calls.at(-1)?.at ?? 0;
  log(`▶ 场景 ${name}：${scenario.title}`);
  log(`  ${calls.length} 个呼叫，剧本时长 ${clock(durationS)}，速度 ×${speed}（约 ${clock(durationS / speed)} 播完），run tag ${tag}${exercise ? '，【演练】' : ''}`);
  log(`  目标 ${base}，地标来源：${landmarksFrom}${token ? '' : `，未能登录 duty1（${login.status}），事件编号将显示为 id`}`);
  if (speed > 1) log(`  注意：receivedAt 取真实发送时刻，×${speed} 时剧本内的时间间隔被压缩，关联时间窗相应放宽`);

  const incidents = new Map(); // incidentId → { code, grade, title, calls, firstRef, group }
  const results = [];
  const started = performance.now();

  async function incidentInfo(id) {
    if (!token) return null;
    const r = await http('GET', `${base}/api/incidents/${id}`, { headers: authz });
    return r.status === 200 ? r.json : null;
  }

  for (const c of calls) {
    if (signal?.aborted) break;
    await sleep(started + (c.at * 1000) / speed - performance.now(), signal);
    if (signal?.aborted) break;
    const ref = c.resendOf ?? c.ref;
    const original = c.resendOf ? calls.find((x) => x.ref === c.resendOf) : c;
    const externalId = externalIdOf.get(ref);
    // A re-send repeats the original body byte for byte (as a retrying gateway would), receivedAt included.
    const body = c.resendOf && original.sentBody ? original.sentBody : {
      source: c.source,
      externalId,
      receivedAt: new Date().toISOString(),
      ...(c.caller ? { caller: c.caller } : {}),
      ...(c.location ? { location: c.location } : {}),
      ...(c.address ? { address: c.address } : {}),
      ...(c.category ? { category: c.category } : {}),
      ...(c.type ? { type: c.type } : {}),
      description: `${exercise ? '【演练】' : ''}${c.description}`,
      ...(c.casualties ? { casualties: c.casualties } : {}),
      ...(c.economicLossCny !== undefined ? { economicLossCny: c.economicLossCny } : {}),
      ...(c.relatedRefs?.length ? { relatedExternalIds: c.relatedRefs.map((r) => externalIdOf.get(r)) } : {}),
    };
    if (!c.resendOf) c.sentBody = body;
    const r = await http('POST', `${base}/api/intake/calls`, { body, headers: { 'x-api-key': keys[c.source] } });
    const ok = r.status === 201 || r.status === 200;
    const res = { ref: c.ref ?? `${ref}(重发)`, resendOf: c.resendOf, group: c.group, source: c.source, externalId, at: c.at, status: r.status, ms: r.ms,
      incidentId: r.json?.incidentId, callId: r.json?.callId, linked: r.json?.linked, rule: r.json?.linkReason?.rule, ok,
      expectedStatus: c.resendOf ? 200 : 201 };
    results.push(res);

    let what;
    if (!ok) {
      what = `失败 ${r.status || '网络错误'} ${(r.json ? JSON.stringify(r.json) : r.text).slice(0, 300)}`;
    } else {
      const info = await incidentInfo(res.incidentId);
      let inc = incidents.get(res.incidentId);
      if (!inc) {
        inc = { id: res.incidentId, code: info?.code ?? res.incidentId.slice(0, 8), grade: info?.grade ?? null, title: info?.title ?? '', groups: new Set(), createdHere: r.status === 201 && !res.linked };
        incidents.set(res.incidentId, inc);
      }
      if (c.group) inc.groups.add(c.group);
      let gradeNote = '';
      if (info) {
        if (info.grade !== inc.grade) gradeNote = `  等级 ${inc.grade ?? '—'} → ${info.grade ?? '—'}`;
        Object.assign(inc, { code: info.code, grade: info.grade, title: info.title, callCount: info.callCount, status: info.status, figures: info.figures });
      }
      const kind = r.status === 200 ? '重复(已收)' : res.linked ? `关联 ${res.rule === 'external_reference' ? '(案件编号)' : res.rule === 'proximity' ? '(邻近)' : `(${res.rule})`}` : '新建';
      what = `${kind} ${inc.code}${gradeNote}`;
      if (r.status !== res.expectedStatus) what += `  ⚠ 预期 ${res.expectedStatus}`;
    }
    const wall = (performance.now() - started) / 1000;
    const summary = c.resendOf ? `（重发 ${ref}）${original.summary ?? original.description}` : (c.summary ?? c.description);
    const who = c.caller?.phone ? ` ${c.caller.name ?? ''}${maskPhone(c.caller.phone)}` : '';
    log(`[+${clock(c.at)} | ${clock(wall)}] ${c.source} ${String(r.status).padStart(3)} ${what} ·${who} ${summary.slice(0, 60)}`);
  }

  // Linking check: each scenario group should be exactly one incident, and no incident should hold two groups.
  const groupIncidents = new Map();
  for (const res of results) {
    if (!res.ok || !res.group) continue;
    if (!groupIncidents.has(res.group)) groupIncidents.set(res.group, new Set());
    groupIncidents.get(res.group).add(res.incidentId);
  }
  const split = [...groupIncidents].filter(([, ids]) => ids.size > 1).map(([g, ids]) => `${g} → ${[...ids].map((id) => incidents.get(id)?.code).join(', ')}`);
  const merged = [...incidents.values()].filter((i) => i.groups.size > 1).map((i) => `${i.code} ← ${[...i.groups].join(', ')}`);
  const foreign = [...groupIncidents].filter(([g]) => {
    const first = results.find((r) => r.group === g && r.ok);
    return first && first.linked && first.status === 201;
  }).map(([g]) => g);

  const sent = results.length;
  const failures = results.filter((r) => !r.ok);
  const unexpected = results.filter((r) => r.ok && r.status !== r.expectedStatus);
  const summary = {
    scenario: name, runTag: tag, speed, sent,
    created: results.filter((r) => r.status === 201 && !r.linked).length,
    linked: results.filter((r) => r.status === 201 && r.linked).length,
    duplicates: results.filter((r) => r.status === 200).length,
    failures: failures.length,
    unexpectedStatus: unexpected.length,
    incidents: [...incidents.values()].map(({ groups, ...i }) => ({ ...i, groups: [...groups] })),
    linkingCheck: { groups: groupIncidents.size, split, merged, linkedToEarlierIncident: foreign, ok: split.length === 0 && merged.length === 0 },
    wallSeconds: (performance.now() - started) / 1000,
    results,
  };

  log('');
  log(`■ 场景 ${name} 结束（用时 ${clock(summary.wallSeconds)}）`);
  log(`  发送 ${sent} 个呼叫：新建事件 ${summary.created}，关联已有事件 ${summary.linked}，重复(200) ${summary.duplicates}，失败 ${summary.failures}${unexpected.length ? `，状态码不符预期 ${unexpected.length}` : ''}`);
  for (const i of summary.incidents) {
    const f = i.figures;
    const figs = f ? `死亡 ${f.deaths} 重伤 ${f.seriousInjuries} 受伤 ${f.injured} 失联 ${f.missing} 被困 ${f.trapped}` : '';
    log(`  ${i.code}  ${i.grade ? `${i.grade}级` : '未定级'}  ${i.callCount ?? '?'} 个呼叫  ${i.title}${figs ? `  (${figs})` : ''}`);
  }
  log(`  关联检查：${summary.linkingCheck.groups} 个预期事件 → ${summary.linkingCheck.ok ? '全部正确（每组一个事件，组间不混）' : '有偏差'}`);
  for (const s of split) log(`    ⚠ 同一事件被拆成多个：${s}`);
  for (const m of merged) log(`    ⚠ 不同事件被并入一个：${m}`);
  if (foreign.length) log(`    ℹ 这些组的首个呼叫关联到了本次之前已存在的事件（同一库上重放且旧事件仍开放？）：${foreign.join(', ')}`);
  for (const f of failures) log(`    ✗ ${f.source} ${f.externalId}: HTTP ${f.status}`);
  return summary;
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--list' || a === '--exercise' || a === '--json' || a === '--dry-run' || a === '-h' || a === '--help') o[a.replace(/^-+/, '')] = true;
    else if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s) : [a.slice(2), argv[++i]];
      o[k] = v;
    } else o._.push(a);
  }
  return o;
}

async function cli() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || args.h) {
    console.log('usage: npm run scenario -- <name> [--url http://127.0.0.1:3000] [--speed N] [--password P] [--seed S] [--exercise] [--json] [--dry-run]\n       npm run scenario -- --list');
    return 0;
  }
  if (args.list || args._.length === 0) {
    for (const n of listScenarioNames()) {
      const s = await loadScenario(n);
      console.log(`${n.padEnd(18)} ${s.title}  — ${s.description}`);
    }
    return args.list ? 0 : 64;
  }
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort());
  const summary = await runScenario({
    url: args.url ?? process.env.BEACON_URL ?? 'http://127.0.0.1:3000',
    name: args._[0],
    speed: args.speed === undefined ? 1 : Number(args.speed),
    password: args.password ?? process.env.DEMO_PASSWORD ?? 'beacon-demo',
    seed: args.seed,
    exercise: Boolean(args.exercise),
    dryRun: Boolean(args['dry-run']),
    signal: ac.signal,
  });
  if (summary.dryRun) return 0;
  if (args.json) console.log(JSON.stringify({ ...summary, results: undefined }));
  return summary.failures === 0 && summary.unexpectedStatus === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli().then((code) => process.exit(code), (err) => { console.error(`scenario: ${err.message}`); process.exit(1); });
}
