import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/http';

/** Any error as the officer reads it: the API code's message in the UI language (the server's text if unknown) and the code, or a generic line for other failures. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return t('errors.network');
    if (error.code === 'CLIENT_VALIDATION') return error.message;
    // Known codes in the officer's language, with the fields' own words (a field the form does not
    // show cannot be marked on it); the server's message for unknown codes.
    return `${error.code ? t(`errors.code.${error.code}`, { defaultValue: error.message }) : error.message}${fieldsText(error.fields)}${error.code ? ` (${error.code})` : ''}`;
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

/** Message for one field path from a 400's `fields`, matching the path or any child of it. */
export function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError) || !error.fields) return undefined;
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
