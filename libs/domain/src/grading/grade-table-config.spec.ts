import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncidentFigures } from '../contracts/incidents.js';
import { absorbCall } from '../incident/absorb-call.js';
import { emptyFigures } from './figures.js';
import { gradeIncident } from './grade-incident.js';
import { gradeTablesFromConfig, type GradeTablesConfig } from './grade-table-config.js';
import { DEFAULT_GRADE_TABLES, type GradeTables } from './grade-tables.js';

// The example shipped in docs/, so it cannot rot (its shape is checked where the API reads the file:
// apps/api/src/config/grade-tables.schema.ts, whose spec loads it too).
const EXAMPLE = JSON.parse(readFileSync(path.join(__dirname, '../../../../docs/examples/grade-tables.dense-population.json'), 'utf8')) as GradeTablesConfig;

function denseTables(): GradeTables {
  const result = gradeTablesFromConfig(EXAMPLE);
  if (!result.tables) throw new Error(result.problems.join('; '));
  return result.tables;
}

const quake = (partial: Partial<IncidentFigures>, tables?: GradeTables) =>
  gradeIncident({ category: 'NATURAL', type: 'earthquake', figures: { ...emptyFigures(), ...partial } }, tables);

describe('gradeTablesFromConfig', () => {
  it('loads the dense-population example: the earthquake table replaced, every other table as shipped', () => {
    const result = gradeTablesFromConfig(EXAMPLE);
    expect(result.problems).toEqual([]);
    expect(result.tables!.decree_493).toBe(DEFAULT_GRADE_TABLES.decree_493);
    expect(result.tables!.natural_relief).toBe(DEFAULT_GRADE_TABLES.natural_relief);
    expect(result.tables!.earthquake.source).toBe(DEFAULT_GRADE_TABLES.earthquake.source);
  });

  it.each<[number, string | null, string | null]>([
    [3.9, null, null],
    [4.0, 'III', 'IV'],
    [4.9, 'III', 'IV'],
    [5.0, 'II', 'III'],
    [5.9, 'II', 'III'],
    [6.0, 'I', 'II'],
    [6.9, 'I', 'II'],
    [7.0, 'I', 'I'],
  ])('magnitude %f: the dense column gives %s, the shipped (relatively dense) one %s', (magnitude, dense, shipped) => {
    expect(quake({ magnitude }, denseTables())?.grade ?? null).toBe(dense);
    expect(quake({ magnitude })?.grade ?? null).toBe(shipped);
  });

  it('names the population column it graded by', () => {
    expect(quake({ magnitude: 6.2 }, denseTables())?.basis.reason).toBe('初判震级6.2级，达到特别重大地震灾害标准（人口密集地区6.0级以上）');
  });

  it('adds the provincial-GDP loss criterion of grade I, boundary included', () => {
    expect(quake({ economicLossCny: 98_566_000_000 }, denseTables())).toMatchObject({ grade: 'I', basis: { criterion: 'economicLossCny' } });
    expect(quake({ economicLossCny: 98_565_999_999 }, denseTables())).toBeNull();
    expect(quake({ economicLossCny: 98_566_000_000 })).toBeNull();
  });

  it('grades calls with the configured tables when they are passed on', () => {
    const incident = {
      category: 'NATURAL' as const, type: 'earthquake' as const, figures: emptyFigures(), grade: null, gradeBasis: null, title: '', address: null,
      callCount: 1, sources: ['110' as const], firstCallAt: new Date(0), lastCallAt: new Date(0), lng: 118.3, lat: 36.8, locationAccuracyM: 10,
    };
    const call = { source: '119' as const, receivedAt: new Date(60_000), lng: 118.3, lat: 36.8, accuracyM: 10, address: null, category: 'NATURAL' as const, type: 'earthquake' as const, figures: { magnitude: 5.5 } };
    expect(absorbCall(incident, call, null, denseTables()).raise).toMatchObject({ from: null, to: 'II' });
    expect(absorbCall(incident, call, null).raise).toMatchObject({ from: null, to: 'III' });
  });

  it.each<[string, GradeTablesConfig, string]>([
    ['grades out of order', { earthquake: { criteria: [{ criterion: 'magnitude', thresholds: [{ grade: 'III', min: 4 }, { grade: 'I', min: 6 }] }] } }, 'earthquake.magnitude[1]: grades must run from most to least severe'],
    ['a band not below the one above', { earthquake: { criteria: [{ criterion: 'magnitude', thresholds: [{ grade: 'I', min: 6 }, { grade: 'II', min: 6 }] }] } }, 'earthquake.magnitude[1]: min must be below the band above it'],
    ['a negative threshold', { natural_relief: { criteria: [{ criterion: 'deathsAndMissing', thresholds: [{ grade: 'I', min: -1 }] }] } }, 'natural_relief.deathsAndMissing[0]: min must be a finite number ≥ 0'],
    ['a table that grades nothing', { natural_relief: { criteria: [], floor: null } }, 'natural_relief: no criteria and no floor grade'],
  ])('refuses %s, saying where', (_what, config, problem) => {
    const result = gradeTablesFromConfig(config);
    expect(result.tables).toBeNull();
    expect(result.problems).toContain(problem);
  });

  it('keeps the shipped source and noun unless the file gives its own, and the floor it gives', () => {
    const result = gradeTablesFromConfig({ natural_relief: { criteria: [], floor: 'IV', floorReason: '按一般自然灾害', noun: '灾害' } });
    expect(result.tables!.natural_relief).toEqual({
      id: 'natural_relief', source: DEFAULT_GRADE_TABLES.natural_relief.source, noun: '灾害', criteria: [], floor: 'IV', floorReason: '按一般自然灾害',
    });
  });
});
