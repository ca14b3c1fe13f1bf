import type { Grade } from '../contracts/incidents.js';
import { gradeTableProblems } from './grade-table-validation.js';
import { DEFAULT_GRADE_TABLES, type GradeCriterionRule, type GradeTable, type GradeTableId, type GradeTables } from './grade-tables.js';

/**
 * The tables a bureau may configure: those domain-rules §2 marks [secondary] ("encode as configuration,
 * not as a constant") — the earthquake plan (its population column, the provincial-GDP loss criterion)
 * and the relief levels below level 1. Decree 493 and the forest-fire regulation are statute text.
 */
export const CONFIGURABLE_GRADE_TABLES = ['earthquake', 'natural_relief'] as const satisfies readonly GradeTableId[];
export type ConfigurableGradeTable = (typeof CONFIGURABLE_GRADE_TABLES)[number];

/** One configured table, as the configuration file gives it (its shape checked where the file is read). */
export interface GradeTableConfig {
  criteria: GradeCriterionRule[];
  floor?: Grade | null;
  floorReason?: string;
  /** Defaults to the shipped table's. */
  source?: string;
  noun?: string;
}

/** The configuration document: `{ "earthquake": { "criteria": [...], "floor": null }, "note": "…" }`. */
export type GradeTablesConfig = Partial<Record<ConfigurableGradeTable, GradeTableConfig>> & { note?: string };

export type GradeTablesConfigResult = { tables: GradeTables; problems: [] } | { tables: null; problems: string[] };

/**
 * The tables in force from a configuration document, each table given replacing the shipped one
 * whole (its `source` and `noun` kept unless given), and checked as a grading table must be
 * (gradeTableProblems: bands from most to least severe, and so on). Returns the tables, or every
 * problem found, each naming where it is.
 */
export function gradeTablesFromConfig(config: GradeTablesConfig, base: GradeTables = DEFAULT_GRADE_TABLES): GradeTablesConfigResult {
  const problems: string[] = [];
  const tables: Record<GradeTableId, GradeTable> = { ...base };
  for (const id of CONFIGURABLE_GRADE_TABLES) {
    const given = config[id];
    if (given === undefined) continue;
    const table: GradeTable = {
      id,
      source: given.source ?? base[id].source,
      noun: given.noun ?? base[id].noun,
      criteria: given.criteria,
      floor: given.floor ?? null,
      ...(given.floorReason === undefined ? {} : { floorReason: given.floorReason }),
    };
    problems.push(...gradeTableProblems(table));
    tables[id] = table;
  }
  return problems.length ? { tables: null, problems } : { tables, problems: [] };
}
