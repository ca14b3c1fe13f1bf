import { ApiError } from '../../common/api-error.js';
import { ZodBody, openApiSchemaOf } from '../../common/zod-body.pipe.js';
import { callBodySchema, intakeCallSchema } from './intake-call.schema.js';

const valid = {
  source: '119',
  externalId: '119-20261123-000123',
  receivedAt: '2026-11-23T22:41:07+08:00',
  caller: { phone: '138 0000 0000', name: '王先生' },
  location: { lng: 118.3, lat: 36.8, accuracyM: 30 },
  address: '临淄区齐鲁化学工业区东门',
  category: 'ACCIDENT',
  type: 'fire',
  description: '化工厂起火',
  casualties: { deaths: 0, seriousInjuries: 2, injured: 5, missing: 0, trapped: 1 },
  economicLossCny: 10_000_000,
  burnedAreaHa: 0,
  magnitude: 0,
  relatedExternalIds: ['110-1'],
};

/** The 400's field map for a body, or null when it is accepted. */
function refusal(body: unknown, pipe: ZodBody<typeof intakeCallSchema | typeof callBodySchema> = new ZodBody(intakeCallSchema)): Record<string, string> | null {
  try {
    pipe.transform(body);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    const res = (err as ApiError).getResponse() as { code: string; message: string; fields: Record<string, string> };
    expect((err as ApiError).getStatus()).toBe(400);
    expect(res.code).toBe('VALIDATION_FAILED');
    expect(res.message).toContain(Object.keys(res.fields)[0]);
    return res.fields;
  }
}

describe('intake call schema', () => {
  it('accepts a complete call and returns it as sent', () => {
    expect(refusal(valid)).toBeNull();
    expect(new ZodBody(intakeCallSchema).transform(valid)).toEqual(valid);
  });

  it.each([
    ['2026-11-23T22:41:07+08:00', true],
    ['2026-11-23T22:41:07.123+08:00', true],
    ['2026-11-23T14:41:07Z', true],
    ['2026-11-23T22:41:07+0800', true],
    ['2026-11-23T22:41+08:00', true],
    ['2024-02-29T08:00:00+08:00', true],
    ['2026-11-23T22:41:07', false],
    ['2026-11-23 22:41:07+08:00', false],
    ['yesterday', false],
    ['2026-02-29T08:00:00+08:00', false],
    ['2026-02-30T08:00:00+08:00', false],
    ['2026-13-01T08:00:00+08:00', false],
    ['2026-11-23T24:00:00+08:00', false],
    ['2026-11-23T22:60:00+08:00', false],
    ['2026-11-23T22:41:07+08:60', false],
  ])('receivedAt %s accepted: %s', (receivedAt, ok) => {
    const fields = refusal({ ...valid, receivedAt });
    if (ok) expect(fields).toBeNull();
    else expect(Object.keys(fields ?? {})).toEqual(['receivedAt']);
  });

  it.each([
    [{ location: { lng: 180.0001, lat: 36 } }, 'location.lng', 'lng must be a longitude between -180 and 180'],
    [{ location: { lng: 118, lat: -90.5 } }, 'location.lat', 'lat must be a latitude between -90 and 90'],
    [{ location: { lng: 118 } }, 'location.lat', undefined],
    [{ location: { lng: 118, lat: 36, accuracyM: -1 } }, 'location.accuracyM', 'accuracyM must not be negative'],
    [{ casualties: { deaths: -1 } }, 'casualties.deaths', 'deaths must not be negative'],
    [{ casualties: { injured: 1.5 } }, 'casualties.injured', 'injured must be a whole number'],
    [{ economicLossCny: -0.01 }, 'economicLossCny', 'economicLossCny must not be negative'],
    [{ economicLossCny: 1e15 }, 'economicLossCny', 'economicLossCny must be at most 99999999999999'],
    [{ magnitude: 10.1 }, 'magnitude', 'magnitude must be at most 10'],
    [{ magnitude: -3.5 }, 'magnitude', 'magnitude must be at least -3'],
    [{ casualties: { trapped: Number.MAX_SAFE_INTEGER } }, 'casualties.trapped', 'trapped must be at most 100000000'],
    [{ casualties: { trapped: 2 ** 53 } }, 'casualties.trapped', undefined],
    [{ casualties: { deaths: 100_000_001 } }, 'casualties.deaths', 'deaths must be at most 100000000'],
    [{ burnedAreaHa: 3e8 + 1 }, 'burnedAreaHa', 'burnedAreaHa must be at most 300000000'],
    [{ category: 'OTHER' }, 'category', 'category must be one of NATURAL, ACCIDENT, HEALTH, SOCIAL'],
    [{ type: 'volcano' }, 'type', 'type must be a sub-type code from the category table'],
    [{ source: '999' }, 'source', 'source must be one of 110, 119, 120, manual'],
    [{ externalId: '' }, 'externalId', 'externalId must not be empty'],
    [{ externalId: '  \t ' }, 'externalId', 'externalId must not be blank'],
    [{ externalId: 'x'.repeat(129) }, 'externalId', 'externalId must be at most 128 characters'],
    [{ caller: { phone: 'call me' } }, 'caller.phone', 'phone must be 3–32 digits'],
    [{ relatedExternalIds: Array(21).fill('a') }, 'relatedExternalIds', 'at most 20 related ids'],
    [{ relatedExternalIds: ['x'.repeat(129)] }, 'relatedExternalIds.0', 'each id must be at most 128 characters'],
    [{ secret: 1 }, 'secret', 'property secret should not exist'],
    [{ location: { lng: 118, lat: 36, alt: 3 } }, 'location.alt', 'property alt should not exist'],
    [{ economicLossCny: '100' }, 'economicLossCny', undefined],
    [{ location: { lng: Number.NaN, lat: 36 } }, 'location.lng', undefined],
  ])('refuses %j naming %s', (change, field, message) => {
    const fields = refusal({ ...valid, ...change });
    expect(fields).not.toBeNull();
    expect(Object.keys(fields!)).toContain(field);
    if (message) expect(fields![field]).toBe(message);
  });

  it('takes each figure up to its bound: a micro-quake\'s negative magnitude, the most people a figure counts', () => {
    expect(refusal({ ...valid, magnitude: -3, casualties: { deaths: 100_000_000 }, burnedAreaHa: 3e8 })).toBeNull();
  });

  it('names every offending field at once, and a missing required one', () => {
    const { externalId: _, ...withoutId } = valid;
    expect(Object.keys(refusal({ ...withoutId, source: 'x', magnitude: -4 })!).sort()).toEqual(['externalId', 'magnitude', 'source']);
    expect(refusal('not an object')).toEqual({ '(body)': expect.any(String) });
  });

  it('takes no source on the manual form (the route sets it)', () => {
    const { source: _, ...body } = valid;
    expect(refusal(body, new ZodBody(callBodySchema))).toBeNull();
    expect(refusal(valid, new ZodBody(callBodySchema))).toEqual({ source: 'property source should not exist' });
  });

  it('documents the body for OpenAPI: required fields, limits, enums', () => {
    const doc = openApiSchemaOf(intakeCallSchema) as { required: string[]; properties: Record<string, Record<string, unknown>>; additionalProperties: boolean };
    expect(doc.required.sort()).toEqual(['externalId', 'receivedAt', 'source']);
    expect(doc.additionalProperties).toBe(false);
    expect(doc.properties.source!.enum).toEqual(['110', '119', '120', 'manual']);
    expect(doc.properties.externalId).toMatchObject({ maxLength: 128, description: "The call center's own case/call id" });
    expect(doc).not.toHaveProperty('$schema');
  });
});
