import type { Grade, IncidentCategory, IncidentFigures, IncidentType } from '../contracts/incidents.js';
import { emptyFigures } from './figures.js';
import { gradeIncident, gradeTableFor, evaluateGradeCriteria } from './grade-incident.js';
import { DECREE_493_TABLE, DEFAULT_GRADE_TABLES, type GradeTables } from './grade-tables.js';

const fig = (partial: Partial<IncidentFigures>): IncidentFigures => ({ ...emptyFigures(), ...partial });
const grade = (category: IncidentCategory | null, type: IncidentType | null, partial: Partial<IncidentFigures>) =>
  gradeIncident({ category, type, figures: fig(partial) });

describe('gradeTableFor', () => {
  it.each<[IncidentCategory | null, IncidentType | null, string | null]>([
    ['ACCIDENT', 'fire', 'decree_493'],
    ['ACCIDENT', 'road_traffic', 'decree_493'],
    ['ACCIDENT', 'nuclear_radiation', 'decree_493'],
    ['ACCIDENT', null, 'decree_493'],
    ['NATURAL', 'forest_fire', 'forest_fire'],
    ['NATURAL', 'earthquake', 'earthquake'],
    ['NATURAL', 'flood', 'natural_relief'],
    ['NATURAL', 'geological', 'natural_relief'],
    ['NATURAL', null, 'natural_relief'],
    ['HEALTH', 'epidemic', null],
    ['SOCIAL', 'terrorism', null],
    [null, 'fire', null],
    [null, null, null],
  ])('%s / %s → %s', (category, type, table) => {
    expect(gradeTableFor(category, type)).toBe(table);
  });
});

describe('Decree 493 (every ACCIDENT type)', () => {
  it.each<[number, Grade, string]>([
    [1, 'IV', 'deaths'],
    [2, 'IV', 'deaths'],
    [3, 'III', 'deaths'],
    [9, 'III', 'deaths'],
    [10, 'II', 'deaths'],
    [29, 'II', 'deaths'],
    [30, 'I', 'deaths'],
    [31, 'I', 'deaths'],
  ])('deaths %i → %s', (deaths, expected, criterion) => {
    const result = grade('ACCIDENT', 'industrial', { deaths });
    expect(result?.grade).toBe(expected);
    expect(result?.basis).toMatchObject({ table: 'decree_493', criterion, value: deaths });
  });

  it.each<[number, Grade]>([
    [1, 'IV'],
    [9, 'IV'],
    [10, 'III'],
    [49, 'III'],
    [50, 'II'],
    [99, 'II'],
    [100, 'I'],
  ])('serious injuries %i → %s', (seriousInjuries, expected) => {
    const result = grade('ACCIDENT', 'hazmat', { seriousInjuries });
    expect(result?.grade).toBe(expected);
    expect(result?.basis).toMatchObject({ criterion: 'seriousInjuries', value: seriousInjuries });
  });

  it.each<[number, Grade]>([
    [1, 'IV'],
    [9_999_999, 'IV'],
    [10_000_000, 'III'],
    [49_999_999, 'III'],
    [50_000_000, 'II'],
    [99_999_999, 'II'],
    [100_000_000, 'I'],
  ])('economic loss %i CNY → %s', (economicLossCny, expected) => {
    const result = grade('ACCIDENT', 'fire', { economicLossCny });
    expect(result?.grade).toBe(expected);
    expect(result?.basis).toMatchObject({ criterion: 'economicLossCny', value: economicLossCny });
  });

  it('grades an accident with nothing reported as IV on the default criterion', () => {
    expect(grade('ACCIDENT', 'road_traffic', {})).toEqual({
      grade: 'IV',
      basis: { table: 'decree_493', criterion: 'default', value: null, reason: '事故已发生，伤亡和损失未达到较大事故标准，按一般事故' },
    });
    expect(grade('ACCIDENT', 'fire', { economicLossCny: 0 })?.basis.criterion).toBe('default');
  });

  it('does not count minor injuries, trapped or missing people (not in the Decree 493 table)', () => {
    const result = grade('ACCIDENT', 'building_collapse', { injured: 200, trapped: 50, missing: 40 });
    expect(result).toMatchObject({ grade: 'IV', basis: { criterion: 'default' } });
  });

  it('words the reason with the figure and the band', () => {
    expect(grade('ACCIDENT', 'fire', { deaths: 3 })?.basis.reason).toBe('死亡3人，达到较大事故标准（3–9人）');
    expect(grade('ACCIDENT', 'fire', { deaths: 1 })?.basis.reason).toBe('死亡1人，达到一般事故标准（1–2人）');
    expect(grade('ACCIDENT', 'fire', { deaths: 30 })?.basis.reason).toBe('死亡30人，达到特别重大事故标准（30人及以上）');
    expect(grade('ACCIDENT', 'fire', { seriousInjuries: 50 })?.basis.reason).toBe('重伤50人，达到重大事故标准（50–99人）');
    expect(grade('ACCIDENT', 'fire', { economicLossCny: 12_000_000 })?.basis.reason).toBe(
      '直接经济损失1200万元，达到较大事故标准（1000万元以上5000万元以下）',
    );
    expect(grade('ACCIDENT', 'fire', { economicLossCny: 9_999_999 })?.basis.reason).toBe(
      '直接经济损失999.9999万元，达到一般事故标准（1000万元以下）',
    );
    // Fen below the threshold: cut, never rounded up to it.
    expect(grade('ACCIDENT', 'fire', { economicLossCny: 9_999_999.99 })?.basis.reason).toBe(
      '直接经济损失999.9999万元，达到一般事故标准（1000万元以下）',
    );
    expect(grade('ACCIDENT', 'fire', { economicLossCny: 33_000 })?.basis.reason).toMatch(/^直接经济损失3\.3万元/);
    expect(grade('ACCIDENT', 'fire', { economicLossCny: 150_000_000 })?.basis.reason).toBe(
      '直接经济损失1.5亿元，达到特别重大事故标准（1亿元以上）',
    );
  });
});

describe('highest criterion wins', () => {
  it('takes the most severe grade across criteria', () => {
    const result = grade('ACCIDENT', 'industrial', { deaths: 3, seriousInjuries: 55, economicLossCny: 100_000_000 });
    expect(result).toMatchObject({ grade: 'I', basis: { criterion: 'economicLossCny', value: 100_000_000 } });
  });

  it('takes a lower-listed criterion when it is more severe', () => {
    expect(grade('ACCIDENT', 'fire', { deaths: 2, seriousInjuries: 10 })).toMatchObject({
      grade: 'III',
      basis: { criterion: 'seriousInjuries' },
    });
  });

  it('names the earlier criterion on a tie', () => {
    expect(grade('ACCIDENT', 'fire', { deaths: 3, seriousInjuries: 10 })?.basis.criterion).toBe('deaths');
  });

  it('lists every criterion reached', () => {
    const hits = evaluateGradeCriteria(DECREE_493_TABLE, fig({ deaths: 3, seriousInjuries: 60 }));
    expect(hits.map((h) => [h.criterion, h.grade])).toEqual([
      ['deaths', 'III'],
      ['seriousInjuries', 'II'],
    ]);
  });
});

describe('forest fire table (NATURAL forest_fire)', () => {
  it.each<[number, Grade]>([
    [0.01, 'IV'],
    [0.99, 'IV'],
    [1, 'III'],
    [99.99, 'III'],
    [100, 'II'],
    [999.9, 'II'],
    [1000, 'I'],
  ])('burned area %f ha → %s', (burnedAreaHa, expected) => {
    const result = grade('NATURAL', 'forest_fire', { burnedAreaHa });
    expect(result?.grade).toBe(expected);
    expect(result?.basis).toMatchObject({ table: 'forest_fire', criterion: 'burnedAreaHa', value: burnedAreaHa });
  });

  it.each<[number, Grade]>([
    [2, 'IV'],
    [3, 'III'],
    [9, 'III'],
    [10, 'II'],
    [29, 'II'],
    [30, 'I'],
  ])('deaths %i → %s', (deaths, expected) => {
    expect(grade('NATURAL', 'forest_fire', { deaths })).toMatchObject({ grade: expected, basis: { criterion: 'deaths' } });
  });

  it.each<[number, Grade]>([
    [9, 'IV'],
    [10, 'III'],
    [49, 'III'],
    [50, 'II'],
    [99, 'II'],
    [100, 'I'],
  ])('serious injuries %i → %s', (seriousInjuries, expected) => {
    expect(grade('NATURAL', 'forest_fire', { seriousInjuries })).toMatchObject({ grade: expected, basis: { criterion: 'seriousInjuries' } });
  });

  it('treats a reported forest fire with no figures yet as IV', () => {
    expect(grade('NATURAL', 'forest_fire', {})).toMatchObject({ grade: 'IV', basis: { table: 'forest_fire', criterion: 'default', value: null } });
    expect(grade('NATURAL', 'forest_fire', { burnedAreaHa: 0 })?.basis.criterion).toBe('default');
  });

  it('words area bands in the legal 以上/以下 form', () => {
    expect(grade('NATURAL', 'forest_fire', { burnedAreaHa: 120 })?.basis.reason).toBe('受害森林面积120公顷，达到重大森林火灾标准（100公顷以上1000公顷以下）');
    expect(grade('NATURAL', 'forest_fire', { burnedAreaHa: 0.99 })?.basis.reason).toBe('受害森林面积0.99公顷，达到一般森林火灾标准（1公顷以下）');
  });
});

describe('earthquake table (NATURAL earthquake)', () => {
  it.each<[number, number, Grade]>([
    [1, 0, 'IV'],
    [5, 4, 'IV'],
    [6, 4, 'III'],
    [49, 0, 'III'],
    [0, 50, 'II'],
    [299, 0, 'II'],
    [200, 100, 'I'],
  ])('deaths %i + missing %i → %s', (deaths, missing, expected) => {
    const result = grade('NATURAL', 'earthquake', { deaths, missing });
    expect(result?.grade).toBe(expected);
    expect(result?.basis).toMatchObject({ table: 'earthquake', criterion: 'deathsAndMissing', value: deaths + missing });
  });

  it.each<[number, Grade | null]>([
    [3.9, null],
    [4.0, 'IV'],
    [4.9, 'IV'],
    [5.0, 'III'],
    [5.9, 'III'],
    [6.0, 'II'],
    [6.9, 'II'],
    [7.0, 'I'],
    [8.1, 'I'],
  ])('preliminary magnitude %f → %s', (magnitude, expected) => {
    const result = grade('NATURAL', 'earthquake', { magnitude });
    expect(result?.grade ?? null).toBe(expected);
    if (expected !== null) expect(result?.basis).toMatchObject({ criterion: 'magnitude', value: magnitude });
  });

  it('is ungraded with nothing reported (no floor grade)', () => {
    expect(grade('NATURAL', 'earthquake', {})).toBeNull();
    expect(grade('NATURAL', 'earthquake', { injured: 5 })).toBeNull();
  });

  it('takes the casualty grade over a weaker magnitude grade', () => {
    expect(grade('NATURAL', 'earthquake', { magnitude: 4.5, deaths: 12 })).toMatchObject({ grade: 'III', basis: { criterion: 'deathsAndMissing' } });
  });

  it('names the population column in the magnitude reason', () => {
    expect(grade('NATURAL', 'earthquake', { magnitude: 6 })?.basis.reason).toBe('初判震级6.0级，达到重大地震灾害标准（人口较密集地区6.0级以上7.0级以下）');
    expect(grade('NATURAL', 'earthquake', { deaths: 3, missing: 7 })?.basis.reason).toBe('死亡（含失踪）10人，达到较大地震灾害标准（10–49人）');
  });
});

describe('natural relief figures (other NATURAL types)', () => {
  it.each<[number, Grade]>([
    [50, 'III'],
    [99, 'III'],
    [100, 'II'],
    [199, 'II'],
    [200, 'I'],
  ])('dead + missing %i → %s', (missing, expected) => {
    expect(grade('NATURAL', 'flood', { missing })).toMatchObject({ grade: expected, basis: { table: 'natural_relief', criterion: 'deathsAndMissing' } });
  });

  it('counts the dead with the missing at the level-3 boundary', () => {
    expect(grade('NATURAL', 'flood', { deaths: 30, missing: 19 })).toBeNull();
    expect(grade('NATURAL', 'flood', { deaths: 30, missing: 20 })).toMatchObject({ grade: 'III', basis: { value: 50 } });
  });

  it.each<[number, Grade]>([
    [500_000, 'III'],
    [999_999, 'III'],
    [1_000_000, 'II'],
    [1_999_999, 'II'],
    [2_000_000, 'I'],
  ])('relocated %i → %s', (relocated, expected) => {
    expect(grade('NATURAL', 'meteorological', { relocated })).toMatchObject({ grade: expected, basis: { criterion: 'relocated', value: relocated } });
  });

  // Below relief level 3 the plan gives no level, and it does not count injuries, the trapped or
  // losses at all: the officer's judgement (domain-rules §1), not an invented IV.
  it.each<Partial<IncidentFigures>>([
    { deaths: 1 },
    { missing: 49 },
    { relocated: 1 },
    { relocated: 499_999 },
    { seriousInjuries: 500 },
    { injured: 1000 },
    { trapped: 40 },
    { economicLossCny: 1e9 },
  ])('%o below relief level 3, or not a relief figure, computes no grade', (partial) => {
    expect(grade('NATURAL', 'geological', partial)).toBeNull();
    expect(grade('NATURAL', 'flood', partial)).toBeNull();
  });

  it('is ungraded when nothing happened, or type is unknown and nothing happened', () => {
    expect(grade('NATURAL', 'flood', {})).toBeNull();
    expect(grade('NATURAL', 'flood', { relocated: 0, economicLossCny: 0 })).toBeNull();
    expect(grade('NATURAL', null, {})).toBeNull();
    expect(grade('NATURAL', null, { deaths: 60 })?.grade).toBe('III');
  });

  it('words large counts in 万', () => {
    expect(grade('NATURAL', 'flood', { relocated: 1_200_000 })?.basis.reason).toBe('紧急转移安置120万人，达到重大自然灾害标准（100万人以上200万人以下）');
  });
});

describe('ungraded categories', () => {
  it.each<[IncidentCategory | null, IncidentType | null]>([
    ['SOCIAL', 'terrorism'],
    ['SOCIAL', 'mass_incident'],
    ['HEALTH', 'epidemic'],
    ['HEALTH', 'food_safety'],
    [null, null],
  ])('%s / %s has no computed grade even with mass casualties', (category, type) => {
    expect(grade(category, type, { deaths: 100, seriousInjuries: 500 })).toBeNull();
  });
});

describe('tables as configuration', () => {
  it('grades with a table passed in instead of the default', () => {
    const strict: GradeTables = {
      ...DEFAULT_GRADE_TABLES,
      decree_493: {
        ...DECREE_493_TABLE,
        criteria: [{ criterion: 'deaths', thresholds: [{ grade: 'I', min: 5 }, { grade: 'II', min: 1 }] }],
      },
    };
    expect(gradeIncident({ category: 'ACCIDENT', type: 'fire', figures: fig({ deaths: 5 }) }, strict)?.grade).toBe('I');
    expect(gradeIncident({ category: 'ACCIDENT', type: 'fire', figures: fig({ deaths: 1 }) }, strict)?.grade).toBe('II');
    expect(gradeIncident({ category: 'ACCIDENT', type: 'fire', figures: fig({ deaths: 5 }) })?.grade).toBe('III');
  });

  it('ignores a non-finite figure instead of grading on it', () => {
    expect(grade('ACCIDENT', 'fire', { economicLossCny: Number.NaN })?.basis.criterion).toBe('default');
  });
});
