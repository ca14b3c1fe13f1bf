import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/env.schema.js';
import type { UserPrincipal } from './principal.js';
import { UserStanding, isSessionEnded } from './user-standing.js';

type Row = { displayName: string; roles: string[]; jurisdictionId: string; teamId: string | null };

/**
 * The users table as UserStanding reads it, with a switch for the store being unreachable: the read's
 * timing (once a period, again at once after a failure) counted exactly. The same behaviour against
 * real Postgres, the table made unreadable, is user-standing.int-spec's.
 */
function usersTable() {
  const rows = new Map<string, Row & { active: boolean }>();
  const state = { reads: 0, down: false };
  const ds = {
    getRepository: () => ({
      findOne: async ({ where }: { where: { id: string; active: boolean } }) => {
        state.reads++;
        if (state.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        const row = rows.get(where.id);
        return row && row.active === where.active ? row : null;
      },
    }),
  } as unknown as DataSource;
  return { rows, state, ds };
}

const principal = (id: string): UserPrincipal => ({
  kind: 'user', id, username: id, displayName: 'as signed in', roles: ['duty_officer'], jurisdictionId: 'j-old', teamId: null, signedInAt: 0,
});

describe('UserStanding: the user as stored now, read once a period, kept through a store blip', () => {
  let clock: number;
  let table: ReturnType<typeof usersTable>;
  let standing: UserStanding;

  beforeEach(() => {
    clock = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => clock);
    table = usersTable();
    table.rows.set('u1', { displayName: '值班员 张伟', roles: ['duty_officer'], jurisdictionId: 'j1', teamId: null, active: true });
    standing = new UserStanding(table.ds, { USER_CHECK_S: 10 } as AppConfig);
  });
  afterEach(() => jest.restoreAllMocks());

  it('lets a request through as the user is stored, not as the token says', async () => {
    await expect(standing.current(principal('u1'))).resolves.toMatchObject({ id: 'u1', displayName: '值班员 张伟', jurisdictionId: 'j1' });
  });

  it('reads a user once per period however many requests come, and again after it', async () => {
    await Promise.all([standing.current(principal('u1')), standing.current(principal('u1')), standing.current(principal('u1'))]);
    clock += 9_999;
    await standing.current(principal('u1'));
    expect(table.state.reads).toBe(1);
    table.rows.get('u1')!.roles = ['shift_leader'];
    clock += 1;
    await expect(standing.current(principal('u1'))).resolves.toMatchObject({ roles: ['shift_leader'] });
    expect(table.state.reads).toBe(2);
  });

  it('ends a deactivated account\'s session (401 SESSION_ENDED) from the next period on', async () => {
    await standing.current(principal('u1'));
    table.rows.get('u1')!.active = false;
    clock += 10_000;
    const refused = await standing.current(principal('u1')).catch((err: unknown) => err);
    expect(isSessionEnded(refused)).toBe(true);
  });

  it('keeps a user seen before on the standing last read while the store cannot be reached, and reads again at once after', async () => {
    await standing.current(principal('u1'));
    table.state.down = true;
    clock += 10_000;
    await expect(standing.current(principal('u1'))).resolves.toMatchObject({ displayName: '值班员 张伟', jurisdictionId: 'j1' });
    // A failed read is not trusted for a period: the next request tries the store again.
    await expect(standing.current(principal('u1'))).resolves.toMatchObject({ jurisdictionId: 'j1' });
    expect(table.state.reads).toBe(3);
    table.state.down = false;
    table.rows.get('u1')!.jurisdictionId = 'j2';
    await expect(standing.current(principal('u1'))).resolves.toMatchObject({ jurisdictionId: 'j2' });
  });

  it('keeps a deactivation through a blip too: the last standing read was "no longer active"', async () => {
    table.rows.get('u1')!.active = false;
    await standing.current(principal('u1')).catch(() => undefined);
    table.state.down = true;
    clock += 10_000;
    const refused = await standing.current(principal('u1')).catch((err: unknown) => err);
    expect(isSessionEnded(refused)).toBe(true);
  });

  it('lets the store\'s error through for a user never seen (no standing to fall back on), not as an ended session', async () => {
    table.state.down = true;
    const failed = await standing.current(principal('u1')).catch((err: unknown) => err);
    expect(failed).toMatchObject({ code: 'ECONNREFUSED' });
    expect(isSessionEnded(failed)).toBe(false);
  });
});
