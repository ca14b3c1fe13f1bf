/**
 * PostgreSQL can store the NUL character (U+0000) neither in text nor in jsonb, so a body carrying one
 * would pass validation and then fail on INSERT as a 500. JSON can only carry it escaped, as \u0000:
 * the raw text is tested first (cheap, and almost never true), the parsed body walked only then.
 */
const ESCAPED_NUL = /\\u0000/i;

/** A value still to look at, with the way back to the body's root (its path is built only for a hit). */
interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

/** The dotted path of the first string (or key) in `body` holding U+0000, or null; `raw` is the JSON text it was parsed from. */
export function pathOfNulCharacter(raw: string, body: unknown): string | null {
  if (!ESCAPED_NUL.test(raw)) return null;
  // Iterative, without copying paths: a deeply nested body (the 1 MB limit allows ~500,000 levels)
  // costs one visit per value, not a stack overflow or a copy of the path at every level.
  const stack: Visit[] = [{ value: body, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (typeof visit.value === 'string') {
      if (visit.value.includes('\u0000')) return pathOf(visit);
      continue;
    }
    if (typeof visit.value !== 'object' || visit.value === null) continue;
    const entries = Object.entries(visit.value);
    // Pushed in reverse, so the first field is looked at first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const next: Visit = { value: child, key, parent: visit };
      if (key.includes('\u0000')) return pathOf(next);
      stack.push(next);
    }
  }
  return null;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at !== null && at.key !== null; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.') || 'body';
}
