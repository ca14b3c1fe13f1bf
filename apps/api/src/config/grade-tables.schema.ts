import { z } from 'zod';
import { CONFIGURABLE_GRADE_TABLES, GRADE_CRITERIA, GRADES, type GradeTablesConfig } from '@beacon/domain';

const threshold = z.strictObject({ grade: z.enum(GRADES), min: z.number(), minExclusive: z.boolean().optional() });

const rule = z.strictObject({ criterion: z.enum(GRADE_CRITERIA), qualifier: z.string().optional(), thresholds: z.array(threshold) });

const TABLE_FIELDS = {
  criteria: z.array(rule),
  floor: z.enum(GRADES).nullable().optional(),
  floorReason: z.string().optional(),
  source: z.string().optional(),
  noun: z.string().optional(),
};

const table = z.strictObject(TABLE_FIELDS, {
  error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field (known: ${Object.keys(TABLE_FIELDS).join(', ')})` : undefined),
});

/**
 * The shape of GRADE_TABLES_FILE (docs/examples/grade-tables.dense-population.json). Only the
 * [secondary] tables may be given: a statute table named here is refused, not ignored, so a bureau
 * never believes it changed Decree 493.
 */
export const gradeTablesConfigSchema = z.strictObject(
  { note: z.string().optional(), earthquake: table.optional(), natural_relief: table.optional() },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `not a configurable table (configurable: ${CONFIGURABLE_GRADE_TABLES.join(', ')}; the others are statute text)`;
      if (issue.code === 'invalid_type') return 'must be a JSON object keyed by table id';
      return undefined;
    },
  },
) satisfies z.ZodType<GradeTablesConfig>;

/** The document, or every problem in it as `where: what`. */
export function parseGradeTablesConfig(doc: unknown): { config: GradeTablesConfig; problems: [] } | { config: null; problems: string[] } {
  const parsed = gradeTablesConfigSchema.safeParse(doc);
  if (parsed.success) return { config: parsed.data, problems: [] };
  return { config: null, problems: parsed.error.issues.map(problemOf) };
}

function problemOf(issue: z.core.$ZodIssue): string {
  const where = issue.path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)), '');
  // An unknown key is reported on its parent; name the key itself.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => (where ? `${where}.${k}` : k)).join(', ') : where;
  return `${keys || '(the file)'}: ${issue.message}`;
}
