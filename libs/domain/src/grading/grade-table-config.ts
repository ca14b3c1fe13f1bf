import { GRADES, type Grade } from '../contracts/incidents.js';
import { GRADE_CRITERIA, type GradeCriterion } from './grade-criteria.js';
import { gradeTableProblems } from './grade-table-validation.js';
import { DEFAULT_GRADE_TABLES, type GradeCriterionRule, type GradeTable, type GradeTableId, type GradeTables, type GradeThreshold } from './grade-tables.js';

/**
 * The tables a bureau may configure: those domain-rules §2 marks [secondary] ("encode as configuration,
 * not as a constant") — the earthquake plan (its population column, the provincial-GDP loss criterion)
 * and the relief levels below level 1. Decree 493 and the forest-fire regulation are statute text.
 */
export const CONFIGURABLE_GRADE_TABLES = ['earthquake', 'natural_relief'] as const satisfies readonly GradeTableId[];
type ConfigurableTable = (typeof CONFIGURABLE_GRADE_TABLES)[number];

export type GradeTablesConfigResult = { tables: GradeTables; problems: [] } | { tables: null; problems: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The tables in force from a configuration document — `{ "earthquake": { "criteria": [...], "floor": null },
 * "note": "…" }` — each table given replacing the shipped one whole (its `source` and `noun` kept unless
 * given). Returns the tables, or every problem found, each naming where it is.
 */
export function gradeTablesFromConfig(doc: unknown, base: GradeTables = DEFAULT_GRADE_TABLES): GradeTablesConfigResult {
  if (!isObject(doc)) return { tables: null, problems: ['the grade tables configuration must be a JSON object keyed by table id'] };
  const problems: string[] = [];
  const tables: Record<GradeTableId, GradeTable> = { ...base };
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'note') continue;
    if (!(CONFIGURABLE_GRADE_TABLES as readonly string[]).includes(key)) {
      problems.push(`${key}: not a configurable table (configurable: ${CONFIGURABLE_GRADE_TABLES.join(', ')}; the others are statute text)`);
      continue;
    }
    const table = tableFrom(key as ConfigurableTable, value, base[key as ConfigurableTable], problems);
    if (table) {
      problems.push(...gradeTableProblems(table));
      tables[table.id] = table;
    }
  }
  return problems.length ? { tables: null, problems } : { tables, problems: [] };
}

function tableFrom(id: ConfigurableTable, value: unknown, shipped: GradeTable, problems: string[]): GradeTable | null {
  if (!isObject(value)) {
    problems.push(`${id}: must be an object with criteria`);
    return null;
  }
  const known = ['criteria', 'floor', 'floorReason', 'source', 'noun'];
  for (const key of Object.keys(value)) if (!known.includes(key)) problems.push(`${id}.${key}: unknown field (known: ${known.join(', ')})`);
  if (!Array.isArray(value.criteria)) {
    problems.push(`${id}.criteria: must be a list`);
    return null;
  }
  const floor = value.floor === undefined ? null : value.floor;
  if (floor !== null && !(GRADES as readonly unknown[]).includes(floor)) problems.push(`${id}.floor: must be one of ${GRADES.join(', ')} or null`);
  for (const text of ['floorReason', 'source', 'noun'] as const) {
    if (value[text] !== undefined && typeof value[text] !== 'string') problems.push(`${id}.${text}: must be text`);
  }
  const criteria = value.criteria.map((rule, i) => ruleFrom(`${id}.criteria[${i}]`, rule, problems));
  if (criteria.some((c) => c === null)) return null;
  return {
    id,
    source: typeof value.source === 'string' ? value.source : shipped.source,
    noun: typeof value.noun === 'string' ? value.noun : shipped.noun,
    criteria: criteria as GradeCriterionRule[],
    floor: (GRADES as readonly unknown[]).includes(floor) ? (floor as Grade) : null,
    ...(typeof value.floorReason === 'string' ? { floorReason: value.floorReason } : {}),
  };
}

function ruleFrom(where: string, rule: unknown, problems: string[]): GradeCriterionRule | null {
  if (!isObject(rule)) {
    problems.push(`${where}: must be an object { criterion, thresholds, qualifier? }`);
    return null;
  }
  if (!(GRADE_CRITERIA as readonly unknown[]).includes(rule.criterion)) {
    problems.push(`${where}.criterion: must be one of ${GRADE_CRITERIA.join(', ')}`);
    return null;
  }
  if (rule.qualifier !== undefined && typeof rule.qualifier !== 'string') problems.push(`${where}.qualifier: must be text`);
  if (!Array.isArray(rule.thresholds)) {
    problems.push(`${where}.thresholds: must be a list of { grade, min, minExclusive? }`);
    return null;
  }
  const thresholds: GradeThreshold[] = [];
  rule.thresholds.forEach((t: unknown, i) => {
    const at = `${where}.thresholds[${i}]`;
    if (!isObject(t) || !(GRADES as readonly unknown[]).includes(t.grade) || typeof t.min !== 'number') {
      problems.push(`${at}: must be { grade: ${GRADES.join('|')}, min: number, minExclusive?: boolean }`);
      return;
    }
    if (t.minExclusive !== undefined && typeof t.minExclusive !== 'boolean') problems.push(`${at}.minExclusive: must be true or false`);
    thresholds.push({ grade: t.grade as Grade, min: t.min, ...(t.minExclusive === true ? { minExclusive: true } : {}) });
  });
  return {
    criterion: rule.criterion as GradeCriterion,
    thresholds,
    ...(typeof rule.qualifier === 'string' ? { qualifier: rule.qualifier } : {}),
  };
}
