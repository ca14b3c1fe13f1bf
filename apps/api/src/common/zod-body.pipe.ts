import type { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { validationFailed } from './api-error.js';

/** Zod's issues as the `field.path → message` map every 400 carries (the same shape as class-validator's). */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[at ? `${at}.${key}` : key] ??= `property ${key} should not exist`;
    } else {
      fields[at || '(body)'] ??= issue.message;
    }
  }
  return fields;
}

/**
 * Validates a body with a zod schema (the route's parameter is a plain type, so the global
 * class-validator pipe passes it by) and answers 400 with every offending field.
 */
export class ZodBody<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw validationFailed(zodFields(parsed.error));
  }
}

/** A zod schema as the OpenAPI document's schema of a request body. */
export function openApiSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' }) as Record<string, unknown>;
  return json;
}
