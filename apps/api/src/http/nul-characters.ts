/**
 * PostgreSQL can store the NUL character (U+0000) neither in text nor in jsonb, so a body carrying one
 * would pass validation and then fail on INSERT as a 500. JSON can only carry it escaped, as \u0000:
 * the raw text is tested first (cheap, and almost never true), the parsed body walked only then.
 */
const ESCAPED_NUL = /\\u0000/i;

/** The dotted path of the first string (or key) in `body` holding U+0000, or null; `raw` is the JSON text it was parsed from. */
export function pathOfNulCharacter(raw: string, body: unknown): string | null {
  if (!ESCAPED_NUL.test(raw)) return null;
  return find(body, []);
}

function find(value: unknown, path: string[]): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || 'body' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, key];
    if (key.includes('\u0000')) return at.join('.');
    const found = find(child, at);
    if (found !== null) return found;
  }
  return null;
}
