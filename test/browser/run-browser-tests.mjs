#!/usr/bin/env node
/* global window, document -- used inside page.evaluate callbacks, which run in the browser */
// Browser tests for the console, against a product that is ALREADY RUNNING at BEACON_URL.
//   BEACON_URL (default http://localhost:3000), DEMO_PASSWORD (default beacon-demo),
//   INTAKE_KEY_119 (the demo 119 intake key), CHROMIUM (default /usr/bin/chromium),
//   BROWSER_TESTS=name,name to run a subset, HEADED=1 to watch.
// Prints `browser: N passed, M failed` last and exits non-zero on any failure.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BASE = (process.env.BEACON_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const PASSWORD = process.env.DEMO_PASSWORD ?? 'beacon-demo';
const KEY_119 = process.env.INTAKE_KEY_119 ?? '';
// The test product's database, for what the console cannot do itself (deactivating an account).
const DATABASE_URL = process.env.BEACON_DATABASE_URL ?? '';
const SHOTS = path.join(root, '.artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  // The alarm must be able to sound without a click in a test browser.
  '--autoplay-policy=no-user-gesture-required',
];

// ---------- helpers ----------

async function api(pathname, { method = 'GET', token, body, headers = {} } = {}) {
  const res = await fetch(`${BASE}${pathname}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

async function apiToken(username = 'duty1') {
  const r = await api('/api/auth/login', { method: 'POST', body: { username, password: PASSWORD } });
  assert.equal(r.status, 200, `login ${username} via API: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

/**
 * Test data is not left sounding in the demo: acknowledge (if needed) and close, with a token of its
 * own (the test product's tokens live 60 s, and a test's may have expired by its cleanup).
 */
async function closeIncident(id) {
  const token = await apiToken('duty1');
  await api(`/api/incidents/${id}/acknowledge`, { method: 'POST', token, body: {} });
  const closed = await api(`/api/incidents/${id}/transition`, { method: 'POST', token, body: { to: 'closed', reason: '浏览器测试数据清理 (browser-test cleanup)' } });
  assert.equal(closed.status, 200, `closing test incident ${id}: ${closed.status} ${JSON.stringify(closed.body)}`);
}

/** An incident's card in the intake queue. */
function incidentCard(page, id) {
  return page.locator(`[data-testid="incident-card"][data-incident-id="${id}"]`);
}

/** Selects an incident's card as the desk's keys would act on it: a click opens its drawer, Esc closes it, the selection stays. */
async function selectCard(page, id) {
  await incidentCard(page, id).click();
  await page.locator('[data-testid="incident-drawer"]').waitFor({ timeout: 3000 });
  await page.locator('body').press('Escape');
  await within(2000, async () => (await page.locator('[data-testid="incident-drawer"]').count()) === 0, 'drawer closed');
}

// Started at a random slot: a test run that failed before closing its incidents leaves them on the spots it used.
let testIncidentSlot = Math.floor(Math.random() * 48);

/**
 * A 119 call of a type no other browser test uses, near the district's centre, so it opens a new
 * (unacknowledged) incident instead of linking. Returns the incident's id.
 */
async function openTestIncident(tag, address) {
  const token = await apiToken('duty1');
  const c = (await api('/api/jurisdictions', { token })).body.find((j) => j.level === 'district').centroid;
  // Each test incident on its own spot of a grid ~600 m apart (linking's radius is 300 m): two random
  // spots fell within it now and then, and the second test's call joined the first's incident.
  const slot = testIncidentSlot++;
  const location = { lng: c.lng - 0.025 + (slot % 8) * 0.007, lat: c.lat - 0.02 + (Math.floor(slot / 8) % 6) * 0.006 };
  const created = await api('/api/intake/calls', {
    method: 'POST',
    headers: { 'X-Api-Key': KEY_119 },
    body: { source: '119', externalId: `bt-${tag}-${randomUUID()}`, receivedAt: new Date().toISOString(), location, address, category: 'NATURAL', type: 'geological' },
  });
  assert.equal(created.body?.linked, false, `the ${tag} test's call must open a new incident: ${JSON.stringify(created.body)}`);
  return created.body.incidentId;
}

/** The test product's database, connected, to change a user as an administrator would; null (and said so) without BEACON_DATABASE_URL. */
async function usersTable() {
  if (!DATABASE_URL) {
    console.log('    BEACON_DATABASE_URL not set: not run');
    return null;
  }
  const { default: pg } = await import('pg');
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  return db;
}

/** The console's stored session (token, its expiry and the sign-in's end by the browser's clock). */
function storedSession(page) {
  return page.evaluate(() => JSON.parse(window.sessionStorage.getItem('beacon.session') ?? 'null'));
}

async function login(page, username = 'duty1', password = PASSWORD) {
  await page.goto(`${BASE}/`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

async function waitForMapIdle(page, timeout = 30_000) {
  await page.locator('[data-testid="map"][data-map-state="ready"]').waitFor({ timeout });
  await page.waitForFunction(() => Boolean(window.__beaconMap), null, { timeout });
  // An unacknowledged incident pulses (the map repaints continuously), so 'idle' may never come:
  // wait for it briefly, then carry on.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.__beaconMap;
        const timer = setTimeout(resolve, 3000);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
        map.triggerRepaint();
      }),
  );
}

async function renderedCount(page, layers) {
  return page.evaluate((ls) => {
    const map = window.__beaconMap;
    const present = ls.filter((l) => map.getLayer(l));
    if (present.length === 0) return -1;
    return map.queryRenderedFeatures({ layers: present }).length;
  }, layers);
}

/** Polls until fn() resolves truthy or timeout; returns elapsed ms. */
async function within(ms, fn, what) {
  const start = Date.now();
  let last;
  while (Date.now() - start <= ms) {
    last = await fn().catch((e) => e);
    if (last === true) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what}: not within ${ms} ms (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

function sourceFeature(page, sourceId, id) {
  return page.evaluate(
    async ({ sourceId, id }) => {
      const src = window.__beaconMap?.getSource(sourceId);
      if (!src) return null;
      const data = await src.getData();
      const f = data.features.find((x) => x.properties?.id === id);
      return f ? f.properties : null;
    },
    { sourceId, id },
  );
}

/**
 * Starts an in-page watcher that stamps Date.now() (same clock as this process) the moment each
 * condition first holds, so latency is measured in the browser, not through evaluate round trips.
 * conditions: { name: { selector?, attr?, value?, source?, id?, prop?, equals? } }
 */
async function startWatch(page, conditions) {
  await page.evaluate((conds) => {
    const seen = {};
    window.__watch = seen;
    const check = async () => {
      for (const [name, c] of Object.entries(conds)) {
        if (seen[name]) continue;
        if (c.selector) {
          const el = document.querySelector(c.selector);
          if (el && (c.attr === undefined || el.getAttribute(c.attr) === c.value)) seen[name] = Date.now();
        } else if (c.source) {
          const src = window.__beaconMap?.getSource(c.source);
          if (!src) continue;
          const data = await src.getData();
          const f = data.features.find((x) => x.properties?.id === c.id);
          if (f && (c.prop === undefined || f.properties[c.prop] === c.equals)) seen[name] = Date.now();
        }
      }
      if (Object.keys(seen).length < Object.keys(conds).length) setTimeout(check, 20);
    };
    void check();
  }, conditions);
}

async function readWatch(page, names, timeout) {
  const start = Date.now();
  for (;;) {
    const seen = await page.evaluate(() => ({ ...window.__watch }));
    if (names.every((n) => seen[n])) return seen;
    if (Date.now() - start > timeout) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------- tests ----------

const tests = [];
/** `device` overrides the desk's browser context (a commander's tablet: its size and a touch screen). */
const test = (name, fn, device = {}) => tests.push({ name, fn, device });
const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true };

test('login rejects bad credentials visibly', async (page) => {
  await login(page, 'duty1', 'definitely-wrong-password');
  const err = page.locator('[data-testid="login-error"]');
  await err.waitFor({ timeout: 5000 });
  assert.ok((await err.innerText()).trim().length > 0, 'error text shown');
  assert.equal(await page.locator('[data-testid="map"]').count(), 0, 'still on the login page');
});

test('(a) duty1 sees the map with towns, roads, teams, warehouses and shelters', async (page) => {
  await login(page);
  await waitForMapIdle(page);
  // Give the GeoJSON workers a moment and wait for idle again.
  await page.waitForFunction(
    () => {
      const map = window.__beaconMap;
      return ['towns', 'roads', 'teams', 'warehouses', 'shelters'].every((s) => map.getSource(s));
    },
    null,
    { timeout: 15_000 },
  );
  const groups = {
    towns: ['towns-fill'],
    roads: ['roads-line'],
    teams: ['teams-circle'],
    warehouses: ['warehouses-circle'],
    shelters: ['shelters-circle'],
  };
  const counts = {};
  await within(
    15_000,
    async () => {
      for (const [g, layers] of Object.entries(groups)) counts[g] = await renderedCount(page, layers);
      return Object.values(counts).every((n) => n > 0);
    },
    'rendered features',
  ).catch(async (e) => {
    await shot(page, 'a-map-failed');
    throw new Error(`${e.message} counts=${JSON.stringify(counts)}`);
  });
  console.log(`    rendered: ${JSON.stringify(counts)}`);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
  await shot(page, 'a-duty-console');
  for (const tab of ['teams', 'warehouses', 'shelters']) {
    await page.locator(`[data-testid="tab-${tab}"]`).click();
    await page.locator(`[data-testid="${tab.replace(/s$/, '')}-row"]`).first().waitFor({ timeout: 5000 });
    await shot(page, `a-tab-${tab}`);
  }
  // Layer switcher hides and shows a group.
  await page.locator('[data-testid="layer-toggle-roads"]').uncheck();
  await within(3000, async () => (await renderedCount(page, ['roads-line'])) === 0, 'roads hidden');
  await page.locator('[data-testid="layer-toggle-roads"]').check();
});

test('(b) a team status change reaches the list and the map within 1 s', async (page) => {
  const token = await apiToken('duty1');
  await login(page);
  await waitForMapIdle(page);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
  await page.locator('[data-testid="tab-teams"]').click();
  const teams = await api('/api/teams', { token });
  assert.equal(teams.status, 200);
  assert.ok(teams.body.length > 0, 'there are teams');
  const team = teams.body[0];
  await page.locator(`[data-testid="team-row"][data-id="${team.id}"]`).waitFor({ timeout: 5000 });
  const next = team.status === 'on_scene' ? 'returning' : 'on_scene';

  const rowSel = `[data-testid="team-row"][data-id="${team.id}"] [data-testid="team-status"]`;
  await startWatch(page, {
    list: { selector: rowSel, attr: 'data-status', value: next },
    map: { source: 'teams', id: team.id, prop: 'status', equals: next },
  });
  const sent = Date.now();
  const patched = await api(`/api/teams/${team.id}`, { method: 'PATCH', token, body: { status: next } });
  const accepted = Date.now();
  assert.equal(patched.status, 200, `PATCH team: ${JSON.stringify(patched.body)}`);
  const seen = await readWatch(page, ['list', 'map'], 5000);
  console.log(`    PATCH answered in ${accepted - sent} ms; list +${seen.list - accepted} ms, map +${seen.map - accepted} ms after the answer`);
  assert.ok(seen.list && seen.list - accepted <= 1000, `team list shows the new status within 1 s (${seen.list ? seen.list - accepted : 'never'})`);
  assert.ok(seen.map && seen.map - accepted <= 1000, `map shows the new status within 1 s (${seen.map ? seen.map - accepted : 'never'})`);
  const row = page.locator(rowSel);
  await row.click();
  await shot(page, 'b-team-updated');
  // Put it back.
  await api(`/api/teams/${team.id}`, { method: 'PATCH', token, body: { status: team.status } });
});

test('(c) a 119 call appears in the queue and on the map, alarms, and stops when acknowledged', async (page) => {
  assert.ok(KEY_119, 'INTAKE_KEY_119 must be set');
  const token = await apiToken('duty1');
  await login(page);
  await waitForMapIdle(page);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });

  // A point inside the user's district, away from existing incidents.
  const jur = await api('/api/jurisdictions', { token });
  const district = jur.body.find((j) => j.level === 'district' && j.centroid) ?? jur.body.find((j) => j.centroid);
  const c = district.centroid;
  const at = { lng: c.lng + (Math.random() - 0.5) * 0.02, lat: c.lat + (Math.random() - 0.5) * 0.02 };
  const body = {
    source: '119',
    externalId: `bt-${randomUUID()}`,
    receivedAt: new Date().toISOString(),
    caller: { phone: '13800000000', name: '测试报警人' },
    location: { ...at, accuracyM: 30 },
    address: '浏览器测试路 1 号',
    category: 'ACCIDENT',
    type: 'fire',
    description: '浏览器测试：厂房冒烟',
    casualties: { injured: 1 },
  };
  // The incident id is only known from the answer: watch for any new card and any new map point.
  const before = await page.evaluate(() => [...document.querySelectorAll('[data-testid="incident-card"]')].map((e) => e.dataset.incidentId));
  const sent = Date.now();
  const r = await api('/api/intake/calls', { method: 'POST', body, headers: { 'X-Api-Key': KEY_119 } });
  const accepted = Date.now();
  assert.ok(r.status === 201 || r.status === 200, `intake: ${r.status} ${JSON.stringify(r.body)}`);
  const { incidentId } = r.body;
  const linked = before.includes(incidentId);
  await startWatch(page, {
    card: { selector: `[data-testid="incident-card"][data-incident-id="${incidentId}"]` },
    map: { source: 'incidents', id: incidentId },
  });
  const seen = await readWatch(page, ['card', 'map'], 5000);
  console.log(`    intake answered in ${accepted - sent} ms${linked ? ' (linked to an incident already shown)' : ''}; card +${seen.card - accepted} ms, map +${seen.map - accepted} ms after the answer`);
  assert.ok(seen.card && seen.card - accepted <= 2000, `card in the queue within 2 s (${seen.card ? seen.card - accepted : 'never'})`);
  assert.ok(seen.map && seen.map - accepted <= 2000, `incident on the map within 2 s (${seen.map ? seen.map - accepted : 'never'})`);
  const card = incidentCard(page, incidentId);

  const incident = (await api(`/api/incidents/${incidentId}`, { token })).body;
  const wasAcked = incident.acknowledgedAt !== null;
  if (!wasAcked) {
    assert.equal(await card.getAttribute('data-acked'), 'false');
    await page.locator('[data-testid="app-root"][data-alarm="on"]').waitFor({ timeout: 2000 });
    await page.locator('[data-testid="alarm-banner"][data-alarm="on"]').waitFor({ timeout: 2000 });
    await page.locator('[data-testid="unacked-banner"]').waitFor({ timeout: 2000 });
    assert.equal((await sourceFeature(page, 'incidents', incidentId))?.unacked, true, 'map marks it unacknowledged');
    // The SLA countdown never shows more than is left, and it moves on (the map's software rendering
    // can hold the page's main thread for a while on a busy machine, so no tighter timing than that).
    const leftS = async () => {
      const m = /(\d+):(\d\d)/.exec(await card.locator('[data-testid="ack-deadline"]').innerText());
      return m ? Number(m[1]) * 60 + Number(m[2]) : null;
    };
    const slaS = (Date.parse(incident.ackDeadlineAt) - Date.parse(incident.createdAt)) / 1000;
    const first = await leftS();
    assert.ok(first !== null && first <= slaS, `countdown ${first} s within the ${slaS} s SLA`);
    await within(8000, async () => {
      const now = await leftS();
      assert.ok(now !== null && now <= slaS, `countdown ${now} s within the ${slaS} s SLA`);
      return now < first;
    }, 'countdown moves on');
    await shot(page, 'c-alarm-on');
    await card.locator('[data-testid="ack-button"]').click();
  }
  await within(3000, async () => (await card.getAttribute('data-acked')) === 'true', 'card shows acknowledged');
  const status = await card.getAttribute('data-status');
  assert.notEqual(status, 'reported', 'status moved on from reported');
  assert.equal(await card.locator('[data-testid="ack-button"]').count(), 0, 'no ack button any more');
  await within(2000, async () => (await sourceFeature(page, 'incidents', incidentId))?.unacked === false, 'map stops pulsing it');
  // The alarm is off unless other incidents are still unacknowledged.
  const list = (await api('/api/incidents', { token })).body;
  const othersUnacked = list.filter((i) => i.status === 'reported' && !i.acknowledgedAt && i.id !== incidentId).length;
  if (othersUnacked === 0) {
    await page.locator('[data-testid="app-root"][data-alarm="off"]').waitFor({ timeout: 2000 });
  } else {
    console.log(`    ${othersUnacked} other unacknowledged incident(s): alarm stays on for those`);
  }
  await card.click();
  await page.locator('[data-testid="incident-drawer"]').waitFor({ timeout: 3000 });
  await page.locator('[data-testid="call-item"]').first().waitFor({ timeout: 3000 });
  await shot(page, 'c-acknowledged-drawer');
  await closeIncident(incidentId);
});

test('a grade raised by a later call alarms loudly on every desk until one officer marks it seen, and a correction below the grade is explained', async (page) => {
  assert.ok(KEY_119, 'INTAKE_KEY_119 must be set');
  const token = await apiToken('duty1');
  await login(page);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
  // A second desk: the shift leader, in another browser, with the console in English.
  const other = await page.context().browser().newContext({ viewport: { width: 1600, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  const desk2 = await other.newPage();
  try {
    await login(desk2, 'shift1');
    await desk2.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
    if ((await desk2.evaluate(() => document.documentElement.lang)) !== 'en') await desk2.locator('[data-testid="lang-switch"]').click();
    await within(2000, async () => (await desk2.evaluate(() => document.documentElement.lang)) === 'en', 'the second desk in English');
    const jur = await api('/api/jurisdictions', { token });
    const c = (jur.body.find((j) => j.level === 'district' && j.centroid) ?? jur.body.find((j) => j.centroid)).centroid;
    const at = { lng: c.lng + (Math.random() - 0.5) * 0.03, lat: c.lat + (Math.random() - 0.5) * 0.03 };
    const post = (extra) => api('/api/intake/calls', {
      method: 'POST', headers: { 'X-Api-Key': KEY_119 },
      body: { source: '119', externalId: `bt-${randomUUID()}`, receivedAt: new Date().toISOString(), location: at, category: 'ACCIDENT', type: 'industrial', ...extra },
    });
    const first = await post({ casualties: { injured: 1 } });
    assert.ok(first.status === 201, `intake: ${first.status}`);
    const raised = await post({ casualties: { deaths: 3 } });
    assert.equal(raised.body.incidentId, first.body.incidentId, 'the second call links');
    const selector = `[data-testid="loud-alert"][data-kind="grade_raised"][data-incident-id="${first.body.incidentId}"]`;
    const alert = page.locator(selector);
    const alert2 = desk2.locator(selector);
    await alert.waitFor({ timeout: 3000 });
    await alert2.waitFor({ timeout: 3000 });
    // The shift leader's desk reads it in English, the title too (Beacon derived it in Chinese).
    assert.match(await alert2.innerText(), /Grade raised: INC-\S+ .*Industrial/, 'the English desk names the type in English');
    await page.reload();
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
    await alert.waitFor({ timeout: 3000 });
    await shot(page, 'grade-raised-after-reload');
    await shot(desk2, 'grade-raised-second-desk-en');
    // One officer marks it seen: it ends on the other desk too, and stays ended after a reload.
    await alert.locator('[data-testid="raise-seen"]').click();
    await within(2000, async () => (await alert.count()) === 0, 'seen here');
    await within(2000, async () => (await alert2.count()) === 0, 'seen on the other desk');
    await desk2.reload();
    await desk2.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
    await desk2.waitForTimeout(500);
    assert.equal(await alert2.count(), 0, 'a raise seen at one desk stays seen at every desk');
    const history = (await api(`/api/incidents/${first.body.incidentId}`, { token })).body.history;
    assert.ok(history.some((h) => h.type === 'incident.grade_raise_seen' && h.actor.name), 'the seen is in the incident history, with who saw it');
    // An officer corrects the deaths down: the grade stays (it never drops by itself) and the drawer says
    // what the figures now give and how to lower it.
    const patched = await api(`/api/incidents/${first.body.incidentId}`, { method: 'PATCH', token, body: { figures: { deaths: 0 }, reason: '核实无死亡' } });
    assert.equal(patched.status, 200);
    await incidentCard(page, first.body.incidentId).click();
    const hint = page.locator('[data-testid="grade-hint"][data-kind="figures_lower"]');
    await hint.waitFor({ timeout: 3000 });
    assert.match(await hint.innerText(), /Ⅳ级/);
    // The history names who saw the raise, and which raise it was.
    await within(3000, async () => /升级提醒已阅[\s\S]*→[\s\S]*的升级/.test(await page.locator('[data-testid="history"]').innerText()), 'the seen raise in the history');
    await shot(page, 'grade-hint-after-correction');
    // A report from a 119 centre whose clock runs two hours ahead: kept at the time it reached us, and the
    // call list says what the source's clock said.
    const fast = await post({ receivedAt: new Date(Date.now() + 2 * 3600_000).toISOString() });
    assert.equal(fast.body.incidentId, first.body.incidentId, 'the fast-clock call links');
    const clockAhead = page.locator('[data-testid="call-item"] [data-testid="clock-skew"]');
    await clockAhead.waitFor({ timeout: 3000 });
    assert.match(await clockAhead.innerText(), /来源时钟超前约 2 小时/);
    // Reclassified as a public-health event, the grade stays on its Decree-493 basis, which no longer
    // applies: the drawer asks for the officer's grading instead.
    const reclassified = await api(`/api/incidents/${first.body.incidentId}`, { method: 'PATCH', token, body: { category: 'HEALTH', type: 'epidemic', reason: '定性为疫情' } });
    assert.equal(reclassified.status, 200);
    const stale = page.locator('[data-testid="grade-hint"][data-kind="basis_stale"]');
    await stale.waitFor({ timeout: 3000 });
    assert.match(await stale.innerText(), /493号令[\s\S]*不适用[\s\S]*研判/);
    await stale.locator('button').click();
    await page.locator('[data-testid="incident-drawer"] textarea[name="reason"]').waitFor({ timeout: 2000 });
    await shot(page, 'grade-hint-reclassified');
    await closeIncident(first.body.incidentId);
  } finally {
    await other.close();
  }
});

test('an officer moves an incident to its true position on the map; a refused entry reads in Chinese', async (page) => {
  assert.ok(KEY_119, 'INTAKE_KEY_119 must be set');
  const token = await apiToken('duty1');
  await login(page);
  await waitForMapIdle(page);
  const jur = await api('/api/jurisdictions', { token });
  const c = (jur.body.find((j) => j.level === 'district' && j.centroid) ?? jur.body.find((j) => j.centroid)).centroid;
  const r = await api('/api/intake/calls', {
    method: 'POST', headers: { 'X-Api-Key': KEY_119 },
    body: { source: '119', externalId: `bt-${randomUUID()}`, receivedAt: new Date().toISOString(), location: { lng: c.lng + 0.01, lat: c.lat + 0.01 }, type: 'fire' },
  });
  assert.equal(r.status, 201);
  const { incidentId } = r.body;
  await incidentCard(page, incidentId).click();
  await page.locator('[data-testid="action-edit"]').click();
  await page.locator('[data-testid="edit-relocate"]').click();
  const box = await page.locator('[data-testid="map"]').boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.7);
  const picked = (await page.locator('[data-testid="edit-location"] .mono').innerText()).split(',').map(Number);
  await shot(page, 'edit-relocated');
  await page.locator('[data-testid="edit-form"] button[type="submit"]').click();
  await within(3000, async () => (await page.locator('[data-testid="edit-form"]').count()) === 0, 'edit form closed on success');
  const moved = (await api(`/api/incidents/${incidentId}`, { token })).body;
  assert.ok(Math.abs(moved.location.lng - picked[0]) < 1e-4 && Math.abs(moved.location.lat - picked[1]) < 1e-4, `moved to the picked point (${JSON.stringify(moved.location)} vs ${picked})`);
  assert.ok(moved.history.some((h) => h.type === 'incident.updated' && h.payload.changed.includes('location')), 'the move is an event');
  // The drawer's history says from where to where, not only that the position changed.
  const moveLine = page.locator('[data-testid="history"] li', { hasText: '位置：' });
  await moveLine.first().waitFor({ timeout: 3000 });
  assert.match(await moveLine.first().innerText(), new RegExp(`位置：\\d+\\.\\d{5}, \\d+\\.\\d{5} → ${picked[0].toFixed(5)}, ${picked[1].toFixed(5)}`));
  await closeIncident(incidentId);
  // A refused entry in the officer's language, before anything is sent.
  await page.locator('body').press('Escape');
  await page.locator('body').press('n');
  const form = page.locator('[data-testid="manual-call-form"]');
  await form.locator('input[name="address"]').fill('测试路 1 号');
  await form.locator('input[name="callerPhone"]').fill('call me');
  await form.locator('button[type="submit"]').click();
  const phoneError = form.locator('[data-field="caller.phone"]');
  await phoneError.waitFor({ timeout: 2000 });
  assert.match(await phoneError.innerText(), /电话须为/);
  page.once('dialog', (d) => void d.accept());
  await page.locator('body').press('Escape');
});

test('two officers editing one incident: only what each changed is saved, and a field both changed is shown before it is overwritten', async (page) => {
  assert.ok(KEY_119, 'INTAKE_KEY_119 must be set');
  const id = await openTestIncident('edit-race', '测试路 9 号');
  const other = await apiToken('shift1');
  await login(page);
  await incidentCard(page, id).click();
  await page.locator('[data-testid="action-edit"]').click();
  const form = page.locator('[data-testid="edit-form"]');
  await form.waitFor({ timeout: 3000 });
  // This officer changes the title and 受伤, not 被困.
  await form.locator('input[name="title"]').fill('测试路 9 号山体滑坡');
  await form.locator('input[name="figures.injured"]').fill('4');
  // An emptied count is not quietly ignored: the form asks for 0.
  await form.locator('input[name="figures.missing"]').fill('');
  // Meanwhile the shift leader sets 被困 2 and 受伤 3 (the form opened on 0 and 0).
  const patched = await api(`/api/incidents/${id}`, { method: 'PATCH', token: other, body: { figures: { trapped: 2, injured: 3 }, reason: '现场回报' } });
  assert.equal(patched.status, 200);
  // FIGURE_FIELDS order: deaths, seriousInjuries, injured, missing, trapped.
  const figure = (i) => page.locator('[data-testid="figures"] dd').nth(i).innerText();
  await within(3000, async () => (await figure(2)) === '3' && (await figure(4)) === '2', 'the drawer shows the other officer\'s figures live');
  // In the form, the field this officer left alone follows (被困 2); the one they typed in keeps their 4.
  await within(3000, async () => (await form.locator('input[name="figures.trapped"]').inputValue()) === '2', 'an untouched field shows the value now');
  assert.match(await form.locator('[data-testid="edit-followed"]').innerText(), /他人刚更新了：被困/);
  assert.equal(await form.locator('input[name="figures.injured"]').inputValue(), '4');
  await form.locator('button[type="submit"]').click();
  const conflict = form.locator('[data-field="figures.injured"]');
  await conflict.waitFor({ timeout: 2000 });
  assert.match(await conflict.innerText(), /已被他人改为“3”/);
  assert.match(await form.locator('[data-field="figures.missing"]').innerText(), /“失踪”不能留空：没有请填 0/);
  await shot(page, 'edit-changed-meanwhile');
  await form.locator('input[name="figures.missing"]').fill('0');
  let now = (await api(`/api/incidents/${id}`, { token: other })).body;
  assert.equal(now.figures.injured, 3, 'nothing sent while the conflict is shown');
  // Submitted again, the officer's 受伤 4 is deliberate; 被困 stays the other officer's 2.
  await form.locator('button[type="submit"]').click();
  await within(3000, async () => (await form.count()) === 0, 'edit form closed on success');
  now = (await api(`/api/incidents/${id}`, { token: other })).body;
  assert.equal(now.figures.trapped, 2, 'the other officer\'s 被困 is not written back with the form\'s 0');
  assert.equal(now.figures.injured, 4);
  assert.equal(now.title, '测试路 9 号山体滑坡');
  await closeIncident(id);
});

test('a split call can be put back with "undo split": a merge into the incident it came from, with a reason', async (page) => {
  assert.ok(KEY_119, 'INTAKE_KEY_119 must be set');
  const token = await apiToken('duty1');
  const jur = await api('/api/jurisdictions', { token });
  const c = (jur.body.find((j) => j.level === 'district' && j.centroid) ?? jur.body.find((j) => j.centroid)).centroid;
  const at = { lng: c.lng - 0.012 + Math.random() * 0.004, lat: c.lat - 0.012 };
  const post = () => api('/api/intake/calls', {
    method: 'POST', headers: { 'X-Api-Key': KEY_119 },
    body: { source: '119', externalId: `bt-${randomUUID()}`, receivedAt: new Date().toISOString(), location: at, type: 'fire' },
  });
  const first = (await post()).body;
  const second = (await post()).body;
  assert.equal(second.incidentId, first.incidentId, 'the two calls link');
  const split = await api(`/api/calls/${second.callId}/split`, { method: 'POST', token, body: { reason: '另一处起火' } });
  assert.equal(split.status, 200);
  // Counted, not assumed: the calls may have joined an incident another test left open nearby.
  const callsLeft = (await api(`/api/incidents/${first.incidentId}`, { token })).body.callCount;
  await login(page);
  await incidentCard(page, split.body.id).click();
  await page.locator('[data-testid="action-undo-split"]').click();
  const form = page.locator('form.action-form');
  // Before confirming, the form says which incident goes on.
  const firstCode = (await api(`/api/incidents/${first.incidentId}`, { token })).body.code;
  const outcome = await form.locator('[data-testid="merge-outcome"]').innerText();
  assert.ok(outcome.includes(split.body.code) && outcome.includes(`由 ${firstCode} 继续处置`), `merge outcome: ${outcome}`);
  await form.locator('textarea[name="reason"]').fill('确为同一起火灾');
  await form.locator('button[type="submit"]').click();
  await within(3000, async () => (await api(`/api/incidents/${first.incidentId}`, { token })).body.callCount === callsLeft + 1, 'the call is back');
  const back = (await api(`/api/incidents/${split.body.id}`, { token })).body;
  assert.equal(back.status, 'merged');
  assert.equal(back.mergedInto, first.incidentId);
  await closeIncident(first.incidentId);
});

test('offline: an acknowledgement and a manual call wait visibly, a withdrawn call is never sent, and each outcome is reported once the network is back', async (page) => {
  if (!KEY_119) return;
  const token = await apiToken('duty1');
  const id = await openTestIncident('offline-ack', '离线确认测试路');
  const tag = randomUUID().slice(0, 8);
  // One word each: a search finds every word of a term anywhere, and "1" is in every incident number.
  const kept = `离线保留接警测试路${tag}`;
  const withdrawn = `离线撤回接警测试路${tag}`;
  const found = async (term) => (await api(`/api/incidents?q=${encodeURIComponent(term)}`, { token })).body.map((i) => i.id);
  const queuedCount = async () => {
    const pill = page.locator('[data-testid="queued-writes"]');
    return (await pill.count()) === 0 ? 0 : Number(await pill.getAttribute('data-count'));
  };
  let keptId = null;
  try {
    await login(page);
    const card = incidentCard(page, id);
    await card.waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
    await selectCard(page, id);
    await page.context().setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    // a, offline: said at once, listed in the header, shown on the card; the desk goes on.
    await page.locator('body').press('a');
    const notice = page.locator('[data-testid="desk-notice"]', { hasText: '已排队' });
    await notice.waitFor({ timeout: 3000 });
    await within(3000, async () => (await queuedCount()) === 1, 'the header lists the waiting acknowledgement');
    await within(3000, async () => (await card.locator('[data-testid="ack-button"]').getAttribute('data-queued')) === 'true', 'the card shows its acknowledgement waiting');
    assert.match(await card.locator('[data-testid="ack-button"]').innerText(), /待联网/);

    // A manual call submitted offline waits; withdrawn, it is editable again and never sent.
    await page.locator('body').press('n');
    const form = page.locator('[data-testid="manual-call-form"]');
    await form.waitFor({ timeout: 3000 });
    await form.locator('input[name="address"]').fill(withdrawn);
    await form.locator('[data-testid="manual-call-submit"]').click();
    await form.locator('[data-testid="manual-call-queued"]').waitFor({ timeout: 3000 });
    await within(3000, async () => (await queuedCount()) === 2, 'the header lists the waiting call');
    assert.equal(await form.locator('input[name="address"]').isDisabled(), true, 'a call on its way cannot be edited');
    await form.locator('[data-testid="manual-call-withdraw"]').click();
    await within(3000, async () => (await queuedCount()) === 1, 'the withdrawn call left the queue');
    assert.equal(await form.locator('input[name="address"]').isDisabled(), false, 'withdrawn, the call can be changed');
    // Changed and sent again, then the form is closed: it still goes (nothing to discard), and the officer is told.
    await form.locator('input[name="address"]').fill(kept);
    await form.locator('[data-testid="manual-call-submit"]').click();
    await form.locator('[data-testid="manual-call-queued"]').waitFor({ timeout: 3000 });
    let asked = false;
    const discardAsked = (d) => {
      asked = true;
      void d.dismiss();
    };
    page.once('dialog', discardAsked);
    await form.locator('button.close').click();
    await within(3000, async () => (await form.count()) === 0, 'the form closes without asking to discard a queued call');
    page.off('dialog', discardAsked);
    assert.equal(asked, false, 'closing asked to discard a call that is queued, not lost');
    await page.locator('[data-testid="desk-notice"]', { hasText: '人工接警已排队' }).waitFor({ timeout: 3000 });
    await page.locator('[data-testid="queued-writes"] button').first().click();
    assert.equal(await page.locator('[data-testid="queued-write"]').count(), 2);
    await shot(page, 'offline-queued-writes');

    await page.context().setOffline(false);
    await page.locator('[data-testid="desk-notice"][data-kind="success"]', { hasText: '确认' }).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="desk-notice"][data-kind="success"]', { hasText: '人工接警' }).waitFor({ timeout: 10_000 });
    await within(5000, async () => (await page.locator('[data-testid="queued-writes"]').count()) === 0, 'the queue empties');
    assert.equal((await api(`/api/incidents/${id}`, { token })).body.status, 'acknowledged');
    await within(5000, async () => (await found(kept)).length === 1, 'the queued call was sent');
    keptId = (await found(kept))[0];
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(await found(withdrawn), [], 'the withdrawn call was sent');

    // Signing out with a write still waiting asks first; agreed, the login page lists what was not sent.
    await page.context().setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await page.locator('body').press('n');
    await form.waitFor({ timeout: 3000 });
    await form.locator('input[name="address"]').fill(`${withdrawn}再次`);
    await form.locator('[data-testid="manual-call-submit"]').click();
    await form.locator('[data-testid="manual-call-queued"]').waitFor({ timeout: 3000 });
    let warned = '';
    page.once('dialog', (d) => {
      warned = d.message();
      void d.accept();
    });
    await page.locator('[data-testid="logout"]').click();
    const unsent = page.locator('[data-testid="unsent-writes"]');
    await unsent.waitFor({ timeout: 5000 });
    assert.match(warned, /待联网提交/, `signing out did not warn: ${warned}`);
    assert.match(await unsent.innerText(), new RegExp(`人工接警：${withdrawn}再次`));
    await shot(page, 'login-unsent-writes');
    await page.context().setOffline(false);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(await found(`${withdrawn}再次`), [], 'a write dropped at sign-out was sent');
  } finally {
    await page.context().setOffline(false);
    await closeIncident(id);
    if (keptId) await closeIncident(keptId);
  }
});

test('keyboard: a pressed twice, or on an incident someone else just acknowledged, moves on without a second request failing silently', async (page) => {
  if (!KEY_119) return;
  const token = await apiToken('shift1');
  const first = await openTestIncident('double-a-1', '双击确认测试路 1 号');
  const second = await openTestIncident('double-a-2', '双击确认测试路 2 号');
  try {
    await login(page);
    const card = (id) => incidentCard(page, id);
    await card(second).waitFor({ timeout: 10_000 });
    await selectCard(page, second);
    const acks = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/incidents/${second}/acknowledge`)) acks.push(r.url());
    });
    await page.keyboard.press('a');
    await page.keyboard.press('a');
    await within(3000, async () => (await card(second).getAttribute('data-acked')) === 'true', 'the first a acknowledged');
    await within(3000, async () => (await card(second).getAttribute('aria-selected')) === 'false', 'the selection moved on');
    await page.waitForTimeout(300);
    assert.equal(acks.length, 1, `two quick presses sent ${acks.length} acknowledgements`);
    assert.equal((await api(`/api/incidents/${first}`, { token })).body.status, 'reported', 'the second press acknowledged the next incident');
    assert.equal(await page.locator('[data-testid="desk-notice"][data-kind="error"]').count(), 0, 'a second press made an error');
    // Someone else acknowledges the one now selected before this desk's a reaches the server: done, said, moved on.
    await selectCard(page, first);
    await page.context().setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await page.keyboard.press('a');
    await page.locator('[data-testid="queued-writes"]').waitFor({ timeout: 3000 });
    assert.equal((await api(`/api/incidents/${first}/acknowledge`, { method: 'POST', token, body: {} })).status, 200);
    await page.context().setOffline(false);
    await page.locator('[data-testid="desk-notice"]', { hasText: '已由他人确认' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('[data-testid="desk-notice"][data-kind="error"]').count(), 0, 'an acknowledgement someone else made first is no failure');
  } finally {
    await closeIncident(first);
    await closeIncident(second);
  }
});

test('a call on an acknowledged incident marks its card 新来电 and brings it to the top of the acknowledged', async (page) => {
  if (!KEY_119) return;
  const token = await apiToken('duty1');
  const busy = await openTestIncident('new-call-busy', '新来电测试路 1 号');
  const quiet = await openTestIncident('new-call-quiet', '新来电测试路 2 号');
  try {
    // Acknowledged in this order, the quiet one (opened later) is above the busy one until a call comes in.
    for (const id of [busy, quiet]) assert.equal((await api(`/api/incidents/${id}/acknowledge`, { method: 'POST', token, body: {} })).status, 200);
    await login(page);
    const card = (id) => incidentCard(page, id);
    await card(busy).waitFor({ timeout: 10_000 });
    const ackedOrder = () => page.locator('[data-testid="incident-card"][data-acked="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-incident-id')));
    const before = await ackedOrder();
    assert.ok(before.indexOf(quiet) < before.indexOf(busy), `the newer incident first while neither is called about: ${before}`);
    assert.equal(await card(busy).locator('[data-testid="new-call"]').count(), 0);
    const at = (await api(`/api/incidents/${busy}`, { token })).body.location;
    const again = await api('/api/intake/calls', {
      method: 'POST', headers: { 'X-Api-Key': KEY_119 },
      body: { source: '119', externalId: `bt-new-call-${randomUUID()}`, receivedAt: new Date().toISOString(), location: at, category: 'NATURAL', type: 'geological', description: '又有人被困', casualties: { trapped: 2 } },
    });
    assert.equal(again.body.incidentId, busy, 'the call links to the busy incident');
    await card(busy).locator('[data-testid="new-call"]').waitFor({ timeout: 3000 });
    assert.match(await card(busy).locator('[data-testid="new-call"]').innerText(), /新来电/);
    await within(3000, async () => {
      const now = await ackedOrder();
      return now.indexOf(busy) < now.indexOf(quiet);
    }, 'the incident called about moves above the quiet one');
    await shot(page, 'new-call-on-acknowledged');
  } finally {
    await closeIncident(quiet);
    await closeIncident(busy);
  }
});

test("a console whose own clock is 3 minutes fast keeps the command center's time: full countdown, 新来电, and it says its clock is off", async (page) => {
  if (!KEY_119) return;
  const token = await apiToken('duty1');
  const incident = await openTestIncident('clock-skew', '时钟偏差测试路 1 号');
  try {
    // The page's Date runs 3 minutes ahead of the server (Playwright's clock flows at real speed).
    await page.clock.install({ time: Date.now() + 3 * 60_000 });
    await login(page);
    const card = incidentCard(page, incident);
    await card.waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="clock-skew"]').waitFor({ timeout: 5000 });
    assert.match(await page.locator('[data-testid="clock-skew"]').innerText(), /本机时钟快 3 分/);
    const shown = Date.parse(await page.locator('[data-testid="clock"]').getAttribute('datetime'));
    assert.ok(Math.abs(shown - Date.now()) < 5000, `the header clock shows the server's time, not the page's (off by ${shown - Date.now()} ms)`);
    // On the page's own clock three minutes less would be left (or it would read overdue).
    const deadline = Date.parse((await api(`/api/incidents/${incident}`, { token })).body.ackDeadlineAt);
    const left = await card.locator('[data-testid="ack-deadline"]').innerText();
    const [, m, sec] = /剩 (\d+):(\d\d)/.exec(left) ?? [];
    const expected = (deadline - Date.now()) / 1000;
    assert.ok(m !== undefined && Math.abs(Number(m) * 60 + Number(sec) - expected) < 5, `countdown from the server's time: "${left}", ${Math.round(expected)} s left`);
    await shot(page, 'clock-skew');

    assert.equal((await api(`/api/incidents/${incident}/acknowledge`, { method: 'POST', token, body: {} })).status, 200);
    const at = (await api(`/api/incidents/${incident}`, { token })).body.location;
    const again = await api('/api/intake/calls', {
      method: 'POST', headers: { 'X-Api-Key': KEY_119 },
      body: { source: '119', externalId: `bt-clock-skew-${randomUUID()}`, receivedAt: new Date().toISOString(), location: at, category: 'NATURAL', type: 'geological', description: '又一个来电' },
    });
    assert.equal(again.body.incidentId, incident);
    // Three minutes on the page's clock: without the server's time this call would already be too old to mark.
    await card.locator('[data-testid="new-call"]').waitFor({ timeout: 3000 });
  } finally {
    await closeIncident(incident);
  }
});

test('keyboard: a acknowledges and moves on to the next one waiting; / finds a merged incident by number, and its history links lead back and forth', async (page) => {
  if (!KEY_119) return;
  const token = await apiToken('duty1');
  const older = await openTestIncident('find-older', '查找测试路 1 号');
  const newer = await openTestIncident('find-newer', '查找测试路 2 号');
  try {
    await login(page);
    const card = (id) => incidentCard(page, id);
    await card(newer).waitFor({ timeout: 5000 });
    await selectCard(page, newer);
    // The next one waiting below it in the queue, as the desk shows it now.
    const expected = await page.evaluate((id) => {
      const cards = [...document.querySelectorAll('[data-testid="incident-card"]')];
      const at = cards.findIndex((c) => c.dataset.incidentId === id);
      return cards.slice(at + 1).find((c) => c.dataset.acked === 'false')?.dataset.incidentId ?? null;
    }, newer);
    assert.ok(expected, 'an unacknowledged incident below the selected one');
    await page.locator('body').press('a');
    await within(3000, async () => (await card(newer).getAttribute('data-acked')) === 'true', 'acknowledged');
    // A key acts on a card that may be out of view: what it did is said.
    const newerCode = (await api(`/api/incidents/${newer}`, { token })).body.code;
    await page.locator('[data-testid="desk-notice"]', { hasText: `已确认 ${newerCode}` }).waitFor({ timeout: 3000 });
    await within(3000, async () => (await card(expected).getAttribute('aria-selected')) === 'true', 'the selection moved to the next one waiting');
    assert.equal(await card(newer).getAttribute('aria-selected'), 'false');

    // The older one is merged into the newer: it leaves the queue, and is found by its number.
    const merged = await api(`/api/incidents/${older}/merge`, { method: 'POST', token, body: { targetIncidentId: newer, reason: '同一处塌方' } });
    assert.equal(merged.status, 200);
    await within(3000, async () => (await card(older).count()) === 0, 'the merged incident left the queue');
    await page.locator('body').press('/');
    const search = page.locator('input[name="incidentSearch"]');
    await within(2000, async () => page.evaluate(() => document.activeElement?.getAttribute('name') === 'incidentSearch'), '/ puts the cursor in the search');
    await search.fill(merged.body.code.split('-').pop());
    await page.locator(`[data-testid="search-result"][data-incident-id="${older}"]`).waitFor({ timeout: 3000 });
    await shot(page, 'search-merged');
    // A click elsewhere puts the results away (they covered the queue's first cards); back in the box, they show again.
    const mapBox = await page.locator('[data-testid="map"]').boundingBox();
    await page.mouse.click(mapBox.x + mapBox.width * 0.3, mapBox.y + mapBox.height * 0.8);
    await within(2000, async () => (await page.locator('[data-testid="search-result"]').count()) === 0, 'results put away by a click on the map');
    await search.click();
    await page.locator(`[data-testid="search-result"][data-incident-id="${older}"]`).waitFor({ timeout: 3000 });
    await search.fill(merged.body.code);
    await page.locator(`[data-testid="search-result"][data-incident-id="${older}"]`).waitFor({ timeout: 3000 });
    await search.press('Enter');
    const drawer = page.locator('[data-testid="incident-drawer"]');
    await page.locator(`[data-testid="incident-drawer"][data-incident-id="${older}"]`).waitFor({ timeout: 3000 });
    assert.equal(await search.inputValue(), '', 'picking a result clears the search');
    await drawer.locator('[data-testid="action-unmerge"]').waitFor({ timeout: 3000 });
    // Its history names where it went, as a link; the target's names where it came from.
    await drawer.locator(`[data-testid="history-incident-link"][data-incident-id="${newer}"]`).click();
    await page.locator(`[data-testid="incident-drawer"][data-incident-id="${newer}"]`).waitFor({ timeout: 3000 });
    // The call that came with the merge says so, and whose first call it was: not two "first calls".
    await drawer.locator('[data-testid="call-merged-from"]').waitFor({ timeout: 3000 });
    assert.match(await drawer.locator('[data-testid="call-merged-from"]').innerText(), new RegExp(`随 ${merged.body.code} 合并转入`));
    const marks = (await drawer.locator('.call-link.muted').allInnerTexts()).map((x) => x.trim()).sort();
    assert.deepEqual(marks, ['首次来电（立案）', '立案来电（所立警情后已合并至此）'].sort(), JSON.stringify(marks));
    await drawer.locator(`[data-testid="history-incident-link"][data-incident-id="${older}"]`).click();
    await page.locator(`[data-testid="incident-drawer"][data-incident-id="${older}"]`).waitFor({ timeout: 3000 });
  } finally {
    await closeIncident(newer);
  }
});

test('(d) the English switch changes the UI strings and is remembered', async (page) => {
  // An incident whose title Beacon derived (place + type, stored in Chinese): in English it names the type in English.
  const token = await apiToken('duty1');
  const jur = await api('/api/jurisdictions', { token });
  const district = jur.body.find((j) => j.level === 'district' && j.centroid) ?? jur.body.find((j) => j.centroid);
  const call = await api('/api/intake/calls', {
    method: 'POST',
    headers: { 'X-Api-Key': KEY_119 },
    body: { source: '119', externalId: `bt-en-${randomUUID()}`, receivedAt: new Date().toISOString(), location: { lng: district.centroid.lng + 0.013, lat: district.centroid.lat - 0.011 }, type: 'hazmat' },
  });
  assert.ok(call.status === 201 || call.status === 200, `intake: ${call.status} ${JSON.stringify(call.body)}`);
  const card = page.locator(`[data-testid="incident-card"][data-incident-id="${call.body.incidentId}"] [data-testid="incident-title"]`);
  await login(page);
  await page.locator('[data-testid="tab-intake"]').waitFor({ timeout: 10_000 });
  await card.waitFor({ timeout: 10_000 });
  assert.match(await card.innerText(), /危险化学品|危化/, 'the derived title in Chinese');
  assert.match(await page.locator('[data-testid="tab-intake"]').innerText(), /接警/);
  assert.match(await page.locator('[data-testid="logout"]').innerText(), /退出/);
  await page.locator('[data-testid="lang-switch"]').click();
  await within(2000, async () => /Intake/.test(await page.locator('[data-testid="tab-intake"]').innerText()), 'tab label in English');
  assert.match(await page.locator('[data-testid="logout"]').innerText(), /Sign out/);
  assert.match(await page.locator('[data-testid="tab-teams"]').innerText(), /Teams/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await within(2000, async () => /Hazardous|Hazmat/i.test(await card.innerText()), 'the derived title names the type in English');
  await shot(page, 'd-english');
  await page.reload();
  await page.locator('[data-testid="tab-intake"]').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('[data-testid="tab-intake"]').innerText(), /Intake/, 'English kept after reload');
  await page.locator('[data-testid="lang-switch"]').click();
  await within(2000, async () => /接警/.test(await page.locator('[data-testid="tab-intake"]').innerText()), 'back to Chinese');
  await closeIncident(call.body.incidentId);
});

test('(e) after a dropped link the console resyncs the events it missed', async (page) => {
  const token = await apiToken('duty1');
  await login(page);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="tab-teams"]').click();
  const team = (await api('/api/teams', { token })).body[1];
  const row = page.locator(`[data-testid="team-row"][data-id="${team.id}"] [data-testid="team-status"]`);
  await row.waitFor({ timeout: 5000 });
  // Drop the realtime link (no automatic reconnect), change the team meanwhile, then come back.
  await page.evaluate(() => window.__beaconSocket.disconnect());
  await page.locator('[data-testid="connection-status"]:not([data-state="connected"])').waitFor({ timeout: 3000 });
  const state = await page.locator('[data-testid="connection-status"]').getAttribute('data-state');
  assert.ok(['reconnecting', 'offline'].includes(state), `shows the link is down (${state})`);
  const next = team.status === 'unavailable' ? 'available' : 'unavailable';
  const patched = await api(`/api/teams/${team.id}`, { method: 'PATCH', token, body: { status: next } });
  assert.equal(patched.status, 200);
  await new Promise((r) => setTimeout(r, 700));
  assert.equal(await row.getAttribute('data-status'), team.status, 'no update while the link is down');
  await shot(page, 'e-link-down');
  await page.evaluate(() => window.__beaconSocket.connect());
  await within(5000, async () => (await row.getAttribute('data-status')) === next, 'missed team update applied after resync');
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 5000 });
  const resynced = page.locator('[data-testid="connection-resynced"]');
  await resynced.waitFor({ timeout: 3000 });
  assert.match(await resynced.innerText(), /[1-9]/, 'says how many events it caught up');
  await api(`/api/teams/${team.id}`, { method: 'PATCH', token, body: { status: team.status } });
});

test("a desk stays signed in past its token's life: the session renews, and a dropped link comes back with the new token", async (page) => {
  await login(page);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });
  const session = () => storedSession(page);
  const first = await session();
  const left = Date.parse(first.expiresAt) - Date.now();
  // The test product's tokens live 60 s (scripts/test.mjs); a product started by hand keeps 12 h ones.
  if (left > 120_000) {
    console.log(`    tokens live ${Math.round(left / 60_000)} min here: not waited for`);
    return;
  }
  await page.waitForTimeout(left + 3000);
  assert.equal(await page.locator('input[name="password"]').count(), 0, 'the desk was signed out when its first token expired');
  const renewed = await session();
  assert.notEqual(renewed.accessToken, first.accessToken, 'the session was not renewed');
  assert.ok(Date.parse(renewed.expiresAt) > Date.now(), 'the renewed token has expired too');
  // The first token has expired: a link dropped now must come back with the renewed one, and live.
  await page.evaluate(() => window.__beaconSocket.disconnect());
  await page.locator('[data-testid="connection-status"]:not([data-state="connected"])').waitFor({ timeout: 3000 });
  await page.evaluate(() => window.__beaconSocket.connect());
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
  if (KEY_119) {
    const incidentId = await openTestIncident('renew', '续期测试');
    try {
      await incidentCard(page, incidentId).waitFor({ timeout: 5000 });
    } finally {
      await closeIncident(incidentId);
    }
  }
});

test('the header warns in the last half hour of a sign-in, and signs in again from there', async (page) => {
  await login(page);
  const notice = page.locator('[data-testid="session-ends"]');
  // Signed in (the session is stored) before it is read.
  await page.locator('[data-testid="current-user"]').waitFor({ timeout: 10_000 });
  const ends = (await storedSession(page)).clientSessionEndsAt;
  // The test product's sign-ins last 20 min (scripts/test.mjs); a product started by hand keeps 36 h.
  if (Date.parse(ends) - Date.now() > 30 * 60_000) {
    assert.equal(await notice.count(), 0, 'a sign-in with hours left is warned of');
    return;
  }
  await notice.waitFor({ timeout: 10_000 });
  assert.match(await notice.innerText(), /到期/, 'the warning says when the sign-in ends');
  await shot(page, 'session-ends');
  await notice.click();
  await page.locator('input[name="password"]').waitFor({ timeout: 5000 });
});

test('mute is explicit, per user, visible, and survives a reload within the sign-in', async (page) => {
  await login(page);
  await page.locator('[data-testid="mute-toggle"]').waitFor({ timeout: 10_000 });
  // Software-rendered WebGL keeps the main thread busy until the first map frames are done.
  await waitForMapIdle(page);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
  // Make sure something is unacknowledged so the alarm is sounding.
  const created = KEY_119 ? await openTestIncident('mute', '静音测试') : null;
  if (created) {
    await page.locator('[data-testid="alarm-banner"][data-alarm="on"]').waitFor({ timeout: 10_000 });
    assert.notEqual(await page.locator('[data-testid="alarm-banner"]').getAttribute('data-sound'), 'none', 'alarm sounds');
  }
  const toggle = page.locator('[data-testid="mute-toggle"]');
  assert.equal(await toggle.getAttribute('data-muted'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('data-muted'), 'true');
  if (KEY_119) {
    await page.locator('[data-testid="banner-muted"]').waitFor({ timeout: 2000 });
    assert.equal(await page.locator('[data-testid="alarm-banner"]').getAttribute('data-sound'), 'none', 'muted: no sound');
  }
  await page.reload();
  await page.locator('[data-testid="mute-toggle"][data-muted="true"]').waitFor({ timeout: 10_000 });
  await page.locator('[data-testid="mute-toggle"]').click();
  await page.locator('[data-testid="mute-toggle"][data-muted="false"]').waitFor({ timeout: 2000 });
  // The desk's keys never press the toggle again: clicked with the mouse it lets go of focus (Enter
  // does nothing with no incident selected), and moving through the queue takes focus off a button
  // the keyboard left there, so Enter opens the incident.
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  assert.equal(await toggle.getAttribute('data-muted'), 'false', 'Enter after unmuting with the mouse muted the alarm again');
  if (created) {
    await toggle.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="incident-drawer"]').waitFor({ timeout: 3000 });
    assert.equal(await toggle.getAttribute('data-muted'), 'false', 'j then Enter pressed the focused mute toggle');
    await closeIncident(created);
  }
});

test('mute silences what sounds when muted, not a grade raise after it, and lasts for the sign-in only', async (page) => {
  if (!KEY_119) return;
  const token = await apiToken('duty1');
  const waiting = await openTestIncident('mute-lift', '静音解除测试');
  let raisedId = null;
  try {
    await login(page);
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="alarm-banner"][data-alarm="on"]').waitFor({ timeout: 10_000 });
    const toggle = page.locator('[data-testid="mute-toggle"]');
    await toggle.click();
    await page.locator('[data-testid="mute-toggle"][data-muted="true"]').waitFor({ timeout: 2000 });
    await page.waitForTimeout(500);
    assert.equal(await toggle.getAttribute('data-muted'), 'true', 'what was sounding stays muted');
    // A grade raised after muting sounds: the mute is lifted and the officer is told why.
    const jur = await api('/api/jurisdictions', { token });
    const c = (jur.body.find((j) => j.level === 'district' && j.centroid) ?? jur.body.find((j) => j.centroid)).centroid;
    const at = { lng: c.lng + (Math.random() - 0.5) * 0.03, lat: c.lat + (Math.random() - 0.5) * 0.03 };
    const post = (extra) => api('/api/intake/calls', {
      method: 'POST', headers: { 'X-Api-Key': KEY_119 },
      body: { source: '119', externalId: `bt-${randomUUID()}`, receivedAt: new Date().toISOString(), location: at, category: 'ACCIDENT', type: 'industrial', ...extra },
    });
    raisedId = (await post({ casualties: { injured: 1 } })).body.incidentId;
    assert.equal((await post({ casualties: { deaths: 3 } })).body.incidentId, raisedId, 'the second call links');
    await page.locator('[data-testid="mute-toggle"][data-muted="false"]').waitFor({ timeout: 5000 });
    await page.locator('[data-testid="desk-notice"]', { hasText: '已恢复警报声' }).waitFor({ timeout: 2000 });
    assert.equal(await page.locator('[data-testid="alarm-banner"]').getAttribute('data-sound'), 'loud');
    await page.locator(`[data-testid="loud-alert"][data-kind="grade_raised"][data-incident-id="${raisedId}"] [data-testid="raise-seen"]`).click();
    // Muted again and signed out: the next sign-in starts with sound.
    await toggle.click();
    await page.locator('[data-testid="mute-toggle"][data-muted="true"]').waitFor({ timeout: 2000 });
    await page.locator('[data-testid="logout"]').click();
    await login(page);
    await page.locator('[data-testid="mute-toggle"]').waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('[data-testid="mute-toggle"]').getAttribute('data-muted'), 'false', 'a mute carried into the next sign-in');
  } finally {
    await closeIncident(waiting);
    if (raisedId) await closeIncident(raisedId);
  }
});

test('a manual call that opens an incident is acknowledged from its result by the officer who took it', async (page) => {
  const token = await apiToken('duty1');
  const address = `人工接警确认测试路 ${randomUUID().slice(0, 8)} 号`;
  let id = null;
  try {
    await login(page);
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 10_000 });
    await page.locator('body').press('n');
    const form = page.locator('[data-testid="manual-call-form"]');
    await form.waitFor({ timeout: 3000 });
    await form.locator('input[name="address"]').fill(address);
    await form.locator('[data-testid="manual-call-submit"]').click();
    const result = form.locator('[data-testid="manual-call-result"][data-linked="false"]');
    await result.waitFor({ timeout: 5000 });
    id = (await api(`/api/incidents?q=${encodeURIComponent(address)}`, { token })).body[0]?.id ?? null;
    assert.ok(id, 'the manual call opened an incident');
    await result.locator('[data-testid="manual-call-ack"]').click();
    await within(3000, async () => (await api(`/api/incidents/${id}`, { token })).body.status === 'acknowledged', 'acknowledged from the result');
    await within(3000, async () => (await result.locator('[data-testid="manual-call-ack"]').count()) === 0, 'the button goes once acknowledged');
    // Opening the incident from the result puts its drawer up and the finished form away (it covered the drawer).
    await result.locator('button', { hasText: '打开警情' }).click();
    await page.locator(`[data-testid="incident-drawer"][data-incident-id="${id}"]`).waitFor({ timeout: 3000 });
    await within(2000, async () => (await form.count()) === 0, 'the form closed for the drawer');
  } finally {
    if (id) await closeIncident(id);
  }
});

test('keyboard: n opens the manual call form, a map click picks a location, Esc leaves a field, then closes asking first', async (page) => {
  await login(page);
  await waitForMapIdle(page);
  await page.locator('body').press('n');
  const form = page.locator('[data-testid="manual-call-form"]');
  await form.waitFor({ timeout: 3000 });
  const box = await page.locator('[data-testid="map"]').boundingBox();
  // A tap beyond the district's boundary (the overview's corner) is questioned, not refused.
  await page.mouse.click(box.x + box.width * 0.98, box.y + box.height * 0.03);
  await page.locator('[data-testid="location-outside"]').waitFor({ timeout: 3000 });
  assert.match(await page.locator('[data-testid="location-outside"]').innerText(), /辖区以外/);
  await page.locator('[data-testid="pick-hint"] button').click();
  await page.mouse.click(box.x + box.width * 0.65, box.y + box.height * 0.5);
  await page.locator('[data-testid="picked-location"]').waitFor({ timeout: 3000 });
  assert.equal(await page.locator('[data-testid="location-outside"]').count(), 0, 'a position inside the district is questioned');
  await page.locator('[data-testid="nearby-incidents"]').waitFor({ timeout: 3000 });
  await shot(page, 'e-manual-call');
  // Esc in a field only leaves it; n again changes nothing: what was typed and picked stays.
  const description = form.locator('textarea[name="description"]');
  await description.fill('三楼冒烟');
  await description.press('Escape');
  await page.locator('body').press('n');
  await page.waitForTimeout(200);
  if ((await form.count()) !== 1 || (await description.inputValue()) !== '三楼冒烟') throw new Error('Esc in a field or n again lost the call being taken');
  if ((await page.locator('[data-testid="picked-location"]').count()) !== 1) throw new Error('n again wiped the picked location');
  // Esc outside a field asks before an unsent call is discarded: declined, it stays; accepted, it closes.
  page.once('dialog', (d) => void d.dismiss());
  await page.locator('body').press('Escape');
  await page.waitForTimeout(200);
  if ((await description.inputValue()) !== '三楼冒烟') throw new Error('declining the discard lost the call');
  page.once('dialog', (d) => void d.accept());
  await page.locator('body').press('Escape');
  await within(2000, async () => (await form.count()) === 0, 'form closed');
});

test("a duty officer's tablet: the manual call form moves an open incident's drawer aside to leave the map for picking, and gives it back", async (page) => {
  if (!KEY_119) return;
  const id = await openTestIncident('tablet-manual', '平板人工接警测试');
  try {
    await login(page);
    const card = incidentCard(page, id);
    await card.waitFor({ timeout: 10_000 });
    await card.tap();
    const drawer = page.locator(`[data-testid="incident-drawer"][data-incident-id="${id}"]`);
    await drawer.waitFor({ timeout: 5000 });
    await page.locator('[data-testid="manual-call-button"]').tap();
    const form = page.locator('[data-testid="manual-call-form"]');
    await form.waitFor({ timeout: 3000 });
    assert.equal(await drawer.isVisible(), false, 'the drawer still covers the map beside the form');
    // The map to the form's right is free to pick on: a tap there picks the location.
    const formBox = await form.boundingBox();
    const mapBox = await page.locator('[data-testid="map"]').boundingBox();
    const free = mapBox.x + mapBox.width - (formBox.x + formBox.width);
    assert.ok(free > mapBox.width * 0.25, `only ${Math.round(free)} px of map beside the form`);
    await page.touchscreen.tap(formBox.x + formBox.width + free / 2, mapBox.y + mapBox.height * 0.5);
    await page.locator('[data-testid="picked-location"]').waitFor({ timeout: 3000 });
    await shot(page, 'tablet-manual-call');
    // An incident opened meanwhile comes to the front, the call being taken waits behind it as it was…
    await card.tap();
    await drawer.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await form.isVisible(), false, 'the form still covers the drawer opened after it');
    const back = page.locator('[data-testid="manual-call-button"]');
    assert.equal(await back.getAttribute('data-open'), 'true', 'the button says a call is being taken');
    // …and the button brings it back, with its picked location.
    await back.tap();
    await form.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await drawer.isVisible(), false);
    await page.locator('[data-testid="picked-location"]').waitFor({ timeout: 1000 });
    page.once('dialog', (d) => void d.accept());
    await form.locator('button', { hasText: '取消' }).tap();
    await within(2000, async () => (await form.count()) === 0, 'form closed');
    await drawer.waitFor({ state: 'visible', timeout: 2000 });
  } finally {
    await closeIncident(id);
  }
}, { ...TABLET, isMobile: true });

test("a commander's tablet offers only what a commander may do: no acknowledge, no manual call, no edits; the lifecycle stays", async (page) => {
  if (!KEY_119) return;
  const id = await openTestIncident('cmdr', '指挥官权限测试');
  try {
    await login(page, 'cmdr1');
    const card = incidentCard(page, id);
    await card.waitFor({ timeout: 10_000 });
    assert.equal(await card.locator('[data-testid="ack-button"]').count(), 0, 'a commander is offered 确认 on a card');
    assert.equal(await page.locator('[data-testid="manual-call-button"]').count(), 0, 'a commander is offered 人工接警');
    const keys = await page.locator('[data-testid="shortcut-hint"] kbd').allTextContents();
    assert.deepEqual(keys, ['j / k', 'Enter', '/', 'Esc'], 'the shortcut hint offers a commander only the keys that do something');
    // A touch screen has no keys to hint at: the hint's row goes to the queue.
    assert.equal(await page.locator('[data-testid="shortcut-hint"]').isVisible(), false, 'a tablet shows keyboard shortcuts');
    // The incident waits for the desk's acknowledgement, but the tablet neither rings nor flashes for it.
    assert.equal(await page.locator('[data-testid="app-root"]').getAttribute('data-alarm'), 'off', "a commander's tablet rings for the desk's queue");
    assert.equal(await page.locator('[data-testid="alarm-banner"]').getAttribute('data-sound'), 'none');
    assert.equal(await page.locator('[data-testid="unacked-banner"]').count(), 0, "a commander's banner shows the desk's queue");
    assert.equal(await page.locator('[data-testid="mute-toggle"]').count(), 0, 'a console that never sounds offers a mute');
    await card.click();
    const drawer = page.locator(`[data-testid="incident-drawer"][data-incident-id="${id}"]`);
    await drawer.waitFor({ timeout: 5000 });
    // Unacknowledged, its status moves only through the desk's acknowledgement: said, not offered as a status change bound to fail.
    await drawer.locator('[data-testid="waits-for-ack"]').waitFor({ timeout: 5000 });
    for (const hidden of ['drawer-ack-button', 'action-transition', 'action-grade', 'action-edit', 'action-merge']) {
      assert.equal(await drawer.locator(`[data-testid="${hidden}"]`).count(), 0, `a commander is offered ${hidden}`);
    }
    await shot(page, 'commander-drawer');
    // The desk's keys do nothing a commander may not: a sends no acknowledgement (the server would
    // refuse it anyway, so the request itself is what is watched), n opens no form.
    const acks = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/acknowledge')) acks.push(r.url());
    });
    await page.locator('body').press('a');
    await page.locator('body').press('n');
    await page.waitForTimeout(500);
    assert.deepEqual(acks, [], 'the a key sent an acknowledgement for a commander');
    assert.equal(await page.locator('[data-testid="manual-call-form"]').count(), 0, 'n opened the manual call form for a commander');
    const token = await apiToken('duty1');
    assert.equal((await api(`/api/incidents/${id}/acknowledge`, { method: 'POST', token, body: {} })).status, 200);
    await drawer.locator('[data-testid="action-transition"]').click();
    const form = drawer.locator('[data-testid="transition-form"]');
    const to = form.locator('select[name="to"]');
    assert.deepEqual(await to.locator('option').evaluateAll((os) => os.map((o) => o.value)), ['responding', 'closed']);
    await to.selectOption('closed');
    await form.locator('textarea, input[name="reason"]').first().fill('现场已处置完毕');
    // Meanwhile the desk moves it on: the commander's choice is no longer possible and is never sent as something else.
    assert.equal((await api(`/api/incidents/${id}/transition`, { method: 'POST', token, body: { to: 'responding', reason: '队伍已出动' } })).status, 200);
    await form.locator('[data-testid="transition-moved"]').waitFor({ timeout: 5000 });
    assert.equal(await to.inputValue(), '', 'the select shows a status the commander did not choose');
    assert.equal(await form.locator('button[type="submit"]').isDisabled(), true, 'a status nobody chose can be sent');
    await to.selectOption('controlled');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached', timeout: 5000 });
    assert.equal((await api(`/api/incidents/${id}`, { token })).body.status, 'controlled');
  } finally {
    await closeIncident(id);
  }
}, TABLET);

test("a leader sees the open incidents by grade and status at a glance, narrows the queue to one grade, and is told what waits outside it", async (page) => {
  if (!KEY_119) return;
  const token = await apiToken('duty1');
  const serious = await openTestIncident('situation-II', '态势测试路 1 号');
  const other = await openTestIncident('situation-other', '态势测试路 2 号');
  try {
    assert.equal((await api(`/api/incidents/${serious}/grade`, { method: 'POST', token, body: { grade: 'II', reason: '浏览器测试：研判为重大' } })).status, 200);
    const expected = (await api('/api/incidents', { token })).body;
    const count = (pred) => expected.filter(pred).length;
    await login(page, 'leader1');
    const chip = (grade) => page.locator(`[data-testid="situation-grade"][data-grade="${grade}"]`);
    await incidentCard(page, serious).waitFor({ timeout: 10_000 });
    await within(3000, async () => (await chip('II').getAttribute('data-count')) === String(count((i) => i.grade === 'II')), 'grade II counted');
    assert.equal(await chip('none').getAttribute('data-count'), String(count((i) => i.grade === null)));
    assert.equal(await page.locator('[data-testid="situation-status"][data-status="reported"]').getAttribute('data-count'), String(count((i) => i.status === 'reported')));
    await chip('II').click();
    const shownIds = () => page.locator('[data-testid="incident-card"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-incident-id')));
    await within(2000, async () => !(await shownIds()).includes(other), 'the ungraded one left the list');
    assert.ok((await shownIds()).includes(serious), 'the grade II incident is listed');
    assert.equal(await chip('II').getAttribute('aria-pressed'), 'true');
    // What the narrowing leaves out and still waits for acknowledgement is said, not hidden.
    assert.match(await page.locator('[data-testid="filter-hidden-unacked"]').innerText(), /未确认/);
    await shot(page, 'situation-filter');
    await page.locator('[data-testid="queue-filter-clear"]').click();
    await within(2000, async () => (await shownIds()).includes(other), 'everything shows again');
    assert.equal(await page.locator('[data-testid="queue-filter"]').count(), 0);
    // Narrowed again, an incident opened from outside the list (here a search) that it leaves out brings the whole queue back.
    await chip('II').click();
    await within(2000, async () => !(await shownIds()).includes(other), 'narrowed again');
    const code = expected.find((i) => i.id === other).code;
    await page.locator('input[name="incidentSearch"]').fill(code);
    await page.locator(`[data-testid="search-result"][data-incident-id="${other}"]`).click();
    await page.locator(`[data-testid="incident-drawer"][data-incident-id="${other}"]`).waitFor({ timeout: 3000 });
    await within(2000, async () => (await shownIds()).includes(other), 'its card is in the queue');
    assert.equal(await page.locator('[data-testid="queue-filter"]').count(), 0, 'the narrowing let go');
  } finally {
    await closeIncident(other);
    await closeIncident(serious);
  }
});

test('a leader\'s console does not ring for a new incident (the desk acknowledges it) but keeps its mute for escalations and raises', async (page) => {
  if (!KEY_119) return;
  const id = await openTestIncident('leader', '带班领导告警测试');
  try {
    await login(page, 'leader1');
    await incidentCard(page, id).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('[data-testid="unacked-banner"]').count(), 0, "a leader's banner rings for the desk's new incidents");
    assert.notEqual(await page.locator('[data-testid="alarm-banner"]').getAttribute('data-sound'), 'new', "a leader's console plays the new-incident sound");
    await page.locator('[data-testid="mute-toggle"]').waitFor({ timeout: 2000 });
    await shot(page, 'leader-new-incident');
  } finally {
    await closeIncident(id);
  }
});

test('a console whose account is deactivated goes back to the login page, which says the account is no longer active', async (page) => {
  // The account is switched off in the database (there is no user admin in the console yet).
  const db = await usersTable();
  if (!db) return;
  const setActive = (active) => db.query('UPDATE users SET active = $1 WHERE username = $2', [active, 'approver1']);
  try {
    await login(page, 'approver1');
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });
    await setActive(false);
    // The open link is checked every 3 × USER_CHECK_S (2 s in the test product, 10 s by default).
    const notice = page.locator('[data-testid="logout-reason"]');
    await notice.waitFor({ timeout: 45_000 });
    assert.match(await notice.innerText(), /已停用/, 'the login page does not say the account was deactivated');
    await shot(page, 'account-deactivated');
    // Signing in again is refused while the account stays off.
    await page.locator('input[name="username"]').fill('approver1');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-testid="login-error"]').waitFor({ timeout: 5000 });
    assert.equal(await page.locator('[data-testid="current-user"]').count(), 0, 'a deactivated account signed in again');
  } finally {
    await setActive(true);
    await db.end();
  }
});

test('a role taken away from an open console: the next refused action brings what the console offers in line', async (page) => {
  if (!KEY_119) return;
  const db = await usersTable();
  if (!db) return;
  const setRoles = (roles) => db.query('UPDATE users SET roles = $1 WHERE username = $2', [roles, 'shift1']);
  const id = await openTestIncident('role-taken', '角色收回测试');
  try {
    await login(page, 'shift1');
    const card = incidentCard(page, id);
    await card.locator('[data-testid="ack-button"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="manual-call-button"]').waitFor({ timeout: 2000 });
    // Off the desk: a leader now. The server knows within USER_CHECK_S (2 s in the test product, 10 s by default).
    const token = await apiToken('shift1');
    await setRoles(['leader']);
    await within(15_000, async () => (await api('/api/auth/me', { token })).body?.roles?.join() === 'leader', 'the server sees shift1 as a leader');
    await card.locator('[data-testid="ack-button"]').click();
    // Refused (403), the console renews its session at once and stops offering the desk's actions.
    await within(10_000, async () => (await page.locator('[data-testid="manual-call-button"]').count()) === 0, 'the manual call button is gone');
    assert.equal(await card.locator('[data-testid="ack-button"]').count(), 0, 'the acknowledge button is still offered');
    assert.equal(await card.getAttribute('data-acked'), 'false', 'a leader acknowledged the desk\'s incident');
    await shot(page, 'role-taken-away');
  } finally {
    await setRoles(['shift_leader', 'duty_officer']);
    await db.end();
    await closeIncident(id);
  }
});

// ---------- runner ----------

const only = (process.env.BROWSER_TESTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const selected = only.length ? tests.filter((t) => only.some((o) => t.name.includes(o))) : tests;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: !process.env.HEADED,
  args: LAUNCH_ARGS,
});

let passed = 0;
let failed = 0;
for (const t of selected) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...t.device });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  const started = Date.now();
  try {
    await t.fn(page);
    passed++;
    console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
  } catch (err) {
    failed++;
    console.log(`  ✗ ${t.name} (${Date.now() - started} ms)\n    ${String(err?.stack ?? err).split('\n').slice(0, 4).join('\n    ')}`);
    for (const p of problems.slice(0, 10)) console.log(`    | ${p}`);
    await page.screenshot({ path: path.join(SHOTS, `FAILED-${t.name.replace(/[^\w]+/g, '_').slice(0, 60)}.png`) }).catch(() => {});
  } finally {
    await context.close();
  }
}
await browser.close();
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
