import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CALL_SOURCES, type CallSource, type Role } from '@beacon/domain';
import { createDataSource } from '../data-source.js';
import { hashPassword } from '../../modules/auth/password.js';
import { hashIntakeKey } from '../../modules/auth/intake-key.hash.js';
import { generateDemoDistrict } from './demo/index.js';

export interface SeedResult {
  seeded: boolean;
  summary: string;
  intakeKeys: Record<CallSource, string>;
  districtId: string;
}

const DEMO_USERS: Array<{ username: string; displayName: string; roles: Role[] }> = [
  { username: 'duty1', displayName: '值班员 张伟', roles: ['duty_officer'] },
  { username: 'shift1', displayName: '值班长 李娜', roles: ['shift_leader', 'duty_officer'] },
  { username: 'leader1', displayName: '带班领导 王强', roles: ['leader'] },
  { username: 'cmdr1', displayName: '现场指挥 刘洋', roles: ['commander'] },
  { username: 'team1', displayName: '消防员 陈磊', roles: ['team_member'] },
  { username: 'drafter1', displayName: '信息员 赵敏', roles: ['release_drafter'] },
  { username: 'approver1', displayName: '审核人 孙丽', roles: ['release_approver'] },
  { username: 'admin1', displayName: '系统管理员 周杰', roles: ['admin'] },
];

/** Demo intake keys are derived from the demo password so they can be printed on every start. */
export function demoIntakeKey(source: CallSource, demoPassword: string): string {
  const tag = createHash('sha256').update(`beacon-demo-intake:${demoPassword}`).digest('hex').slice(0, 24);
  return `bk_demo_${source}_${tag}`;
}

/** Seeds the demo district (idempotent: the world is generated once, users and keys are upserted). */
export async function seedDemo(url: string, demoPassword: string): Promise<SeedResult> {
  const ds = createDataSource(url, 2);
  await ds.initialize();
  try {
    return await ds.transaction(async (m) => {
      const existing = await m.query(`SELECT id FROM jurisdictions WHERE level = 'district' ORDER BY code LIMIT 1`);
      const world = generateDemoDistrict();
      let seeded = false;
      if (existing.length === 0) {
        await insertWorld(m, world);
        seeded = true;
      }
      const districtId: string = existing[0]?.id ?? world.district.id;
      const fireTeam = world.teams.find((t) => t.kind === 'fire_rescue');
      const hash = await hashPassword(demoPassword);
      for (const u of DEMO_USERS) {
        await m.query(
          `INSERT INTO users (username, display_name, password_hash, roles, jurisdiction_id, team_id)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles`,
          [u.username, u.displayName, hash, u.roles, districtId, u.username === 'team1' ? (fireTeam?.id ?? null) : null],
        );
      }
      const intakeKeys = {} as Record<CallSource, string>;
      for (const source of CALL_SOURCES.filter((s) => s !== 'manual')) {
        const key = demoIntakeKey(source, demoPassword);
        intakeKeys[source] = key;
        await m.query(
          `INSERT INTO intake_keys (source, label, key_hash, key_prefix, jurisdiction_id)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key_hash) DO NOTHING`,
          [source, `demo-${source}`, hashIntakeKey(key), key.slice(0, 14), districtId],
        );
      }
      const summary = [
        seeded ? '[beacon] demo district seeded' : '[beacon] demo district already present',
        `[beacon] demo users (password "${demoPassword}"): ${DEMO_USERS.map((u) => u.username).join(', ')}`,
        `[beacon] demo intake keys (X-Api-Key): ${Object.entries(intakeKeys).map(([s, k]) => `${s}=${k}`).join('  ')}`,
      ].join('\n');
      return { seeded, summary, intakeKeys, districtId };
    });
  } finally {
    await ds.destroy();
  }
}

type World = ReturnType<typeof generateDemoDistrict>;
type Manager = EntityManager;

async function insertWorld(m: Manager, w: World): Promise<void> {
  const jurisdictions = [w.city, w.district, ...w.towns];
  for (const j of jurisdictions) {
    await m.query(
      `INSERT INTO jurisdictions (id, code, name, level, parent_id, geometry, centroid) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
      [j.id, j.code, j.name, j.level, j.parentId, JSON.stringify(j.geometry), JSON.stringify(j.centroid)],
    );
  }
  await bulkInsert(m, 'road_segments', ['id', 'road_class', 'name', 'speed_kmh', 'geometry'], w.roads.map((r) => [
    r.id, r.roadClass, r.name, r.speedKmh, JSON.stringify({ type: 'LineString', coordinates: r.coordinates }),
  ]));
  const now = new Date();
  await bulkInsert(m, 'teams', ['id', 'name', 'kind', 'specialty', 'rating', 'capabilities', 'headcount', 'jurisdiction_id', 'status', 'lng', 'lat', 'home_lng', 'home_lat', 'updated_at'],
    w.teams.map((t) => [t.id, t.name, t.kind, t.specialty, t.rating, t.capabilities, t.headcount, t.jurisdictionId, t.status, t.location.lng, t.location.lat, t.homeStation.lng, t.homeStation.lat, now]));
  await bulkInsert(m, 'warehouses', ['id', 'name', 'jurisdiction_id', 'lng', 'lat', 'updated_at'],
    w.warehouses.map((x) => [x.id, x.name, x.jurisdictionId, x.location.lng, x.location.lat, now]));
  await bulkInsert(m, 'stock_lines', ['warehouse_id', 'code', 'name', 'unit', 'quantity'],
    w.warehouses.flatMap((x) => x.stock.map((s) => [x.id, s.code, s.name, s.unit, s.quantity])));
  await bulkInsert(m, 'shelters', ['id', 'name', 'shelter_class', 'jurisdiction_id', 'lng', 'lat', 'area_m2', 'physical_capacity', 'staffed_capacity', 'occupancy', 'status', 'updated_at'],
    w.shelters.map((s) => [s.id, s.name, s.shelterClass, s.jurisdictionId, s.location.lng, s.location.lat, s.areaM2, s.physicalCapacity, s.staffedCapacity, s.occupancy, s.status, now]));
}

async function bulkInsert(m: Manager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const chunk = Math.max(1, Math.floor(20000 / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const values: unknown[] = [];
    const tuples = part.map((row, r) => `(${row.map((v, c) => { values.push(v); return `$${r * columns.length + c + 1}`; }).join(', ')})`);
    await m.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}
