import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/http';

/** Codes whose fields say what to fix where (the rest are refusals their code explains). */
const FIELD_PROBLEM_CODES = new Set(['VALIDATION_FAILED', 'INVALID_FIGURES', 'INVALID_LOCATION', 'MALFORMED_JSON']);

/** Any error as the officer reads it: the API code's message in the UI language (the server's text if unknown) and the code, or a generic line for other failures. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return t('errors.network');
    if (error.code === 'CLIENT_VALIDATION') return error.message;
    // Known codes in the officer's language; the server's message for unknown codes. The fields' own
    // words (the server's, in English) only where they say what to fix: a validation failure may name
    // a field the form does not show, while a refusal's code already says it all.
    const translated = error.code ? t(`errors.code.${error.code}`, { defaultValue: '' }) : '';
    const known = translated !== '';
    const text = known ? translated : error.message;
    const fields = !known || FIELD_PROBLEM_CODES.has(error.code) ? fieldsText(error.fields) : '';
    return `${text}${fields}${error.code ? ` (${error.code})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Shows any error visibly (errorText). */
export function ErrorMessage({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="error-message" role="alert" data-testid={testId ?? 'error-message'}>
      {errorText(t, error)}
    </div>
  );
}

function fieldsText(fields: Record<string, string> | undefined): string {
  const entries = Object.entries(fields ?? {});
  return entries.length ? ` — ${entries.map(([path, problem]) => `${path}: ${problem}`).join('; ')}` : '';
}

/**
 * Message for one field path from a 400's `fields`, matching the path or any child of it: for failures
 * whose fields say what to fix (the form's own, validation). A refusal's fields are the server's English
 * words about it; its summary already says it in the officer's language.
 */
export function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError) || !error.fields) return undefined;
  if (error.code !== 'CLIENT_VALIDATION' && !FIELD_PROBLEM_CODES.has(error.code)) return undefined;
  const direct = error.fields[path];
  if (direct) return direct;
  const child = Object.entries(error.fields).find(([k]) => k.startsWith(`${path}.`) || k.startsWith(`${path}[`));
  return child ? child[1] : undefined;
}

export function FieldError({ error, path }: { error: unknown; path: string }) {
  const msg = fieldError(error, path);
  if (!msg) return null;
  return (
    <span className="field-error" role="alert" data-field={path}>
      {msg}
    </span>
  );
}
