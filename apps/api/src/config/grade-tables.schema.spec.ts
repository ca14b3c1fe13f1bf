import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseGradeTablesConfig } from './grade-tables.schema.js';

const example = path.resolve(__dirname, '../../../../docs/examples/grade-tables.dense-population.json');

describe('parseGradeTablesConfig', () => {
  it('reads the shipped example whole', () => {
    const doc = JSON.parse(readFileSync(example, 'utf8')) as unknown;
    const result = parseGradeTablesConfig(doc);
    expect(result.problems).toEqual([]);
    expect(result.config).toEqual(doc);
  });

  it.each<[unknown, string]>([
    [[], '(the file): must be a JSON object keyed by table id'],
    ['earthquake', '(the file): must be a JSON object keyed by table id'],
    [{ decree_493: { criteria: [] } }, 'decree_493: not a configurable table (configurable: earthquake, natural_relief; the others are statute text)'],
    [{ earthquake: { criteria: [], floor: null }, forest_fire: {} }, 'forest_fire: not a configurable table'],
    [{ earthquake: 'strict' }, 'earthquake: Invalid input: expected object'],
    [{ earthquake: { floor: null } }, 'earthquake.criteria: Invalid input: expected array'],
    [{ earthquake: { criteria: [{ criterion: 'aftershocks', thresholds: [] }] } }, 'earthquake.criteria[0].criterion: Invalid option'],
    [{ earthquake: { criteria: [{ criterion: 'magnitude', thresholds: [{ grade: 'I', min: '6' }] }] } }, 'earthquake.criteria[0].thresholds[0].min: Invalid input: expected number'],
    [{ earthquake: { criteria: [{ criterion: 'magnitude', thresholds: [{ grade: 'V', min: 6 }] }] } }, 'earthquake.criteria[0].thresholds[0].grade: Invalid option'],
    [{ earthquake: { criteria: [{ criterion: 'magnitude', thresholds: [{ grade: 'I', min: 6, minExclusive: 'yes' }] }] } }, 'earthquake.criteria[0].thresholds[0].minExclusive: Invalid input: expected boolean'],
    [{ earthquake: { criteria: [], floor: 'V' } }, 'earthquake.floor: Invalid option'],
    [{ natural_relief: { criteria: [], floorr: 'IV' } }, 'natural_relief.floorr: unknown field (known: criteria, floor, floorReason, source, noun)'],
    [{ note: 42 }, 'note: Invalid input: expected string'],
  ])('refuses %j, saying where', (doc, problem) => {
    const result = parseGradeTablesConfig(doc);
    expect(result.config).toBeNull();
    expect(result.problems.join('\n')).toContain(problem);
  });

  it('names every problem at once', () => {
    const result = parseGradeTablesConfig({ earthquake: { criteria: [], floor: 'V', noun: 7 }, decree_493: {} });
    expect(result.problems).toHaveLength(3);
  });
});
