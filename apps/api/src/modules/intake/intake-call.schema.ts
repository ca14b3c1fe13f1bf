import { z } from 'zod';
import {
  CALLER_PHONE_PATTERN, CALL_SOURCES, INCIDENT_CATEGORIES, INCIDENT_TYPES, figureBounds, type IncidentFigures, type IncidentType, type IntakeCallRequest,
} from '@beacon/domain';

/**
 * The intake call body, declared once with zod: it validates every call (the machine-to-machine
 * route and the officers' manual form) and is the OpenAPI schema of both. Zod rather than the
 * class-validator DTOs used elsewhere because this is the surge path: class-transformer and
 * class-validator cost ~8 % of the API's CPU per call there (looking up every DTO class's metadata
 * on each nested object), zod a fraction of that.
 */

const ALL_TYPES = Object.values(INCIDENT_TYPES).flat() as [IncidentType, ...IncidentType[]];
const finite = () => z.number({ error: 'must be a number' });
/** A figure within the domain's bounds (figureBounds): the same for intake, officers' corrections and the console. */
const figure = (name: keyof IncidentFigures) => {
  const { min, max, whole } = figureBounds(name);
  const n = whole ? z.number({ error: 'must be a number' }).int({ error: `${name} must be a whole number` }) : finite();
  return n.min(min, { error: min === 0 ? `${name} must not be negative` : `${name} must be at least ${min}` }).max(max, { error: `${name} must be at most ${max}` }).optional();
};

/** ISO 8601 date and time with its UTC offset, extended (+08:00) or basic (+0800), as call centres send it. */
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/** Calendar and clock in range (Date.parse would roll 2026-02-30 over into March). */
function isRealInstant(value: string): boolean {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second = 0, offH = 0, offM = 0] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day && hour! < 24 && minute! < 60 && second < 60 && offH < 24 && offM < 60;
}

const caller = z.strictObject({
  phone: z.string().regex(CALLER_PHONE_PATTERN, { error: 'phone must be 3–32 digits' }).optional(),
  name: z.string().max(64, { error: 'name must be at most 64 characters' }).optional(),
});

const location = z.strictObject({
  lng: finite().min(-180, { error: 'lng must be a longitude between -180 and 180' }).max(180, { error: 'lng must be a longitude between -180 and 180' }),
  lat: finite().min(-90, { error: 'lat must be a latitude between -90 and 90' }).max(90, { error: 'lat must be a latitude between -90 and 90' }),
  accuracyM: finite().min(0, { error: 'accuracyM must not be negative' }).max(100_000, { error: 'accuracyM must be at most 100000' }).optional(),
});

const casualties = z.strictObject({
  deaths: figure('deaths'),
  // Decree 493 Art. 3 counts acute industrial poisoning as serious injury: the grade reads it from here.
  seriousInjuries: figure('seriousInjuries').meta({ description: 'Seriously injured, including acute (industrial) poisoning, as Decree 493 Art. 3 counts them' }),
  injured: figure('injured'),
  missing: figure('missing'),
  trapped: figure('trapped'),
});

/** Everything but `source`: the manual form posts this, the integration adds its source. */
export const callBodySchema = z.strictObject({
  externalId: z.string().min(1, { error: 'externalId must not be empty' }).max(128, { error: 'externalId must be at most 128 characters' })
    .regex(/\S/, { error: 'externalId must not be blank' })
    .meta({ description: "The call center's own case/call id", example: '119-20261123-000123' }),
  receivedAt: z.string()
    .regex(ISO_WITH_OFFSET, { error: 'receivedAt must be an ISO 8601 timestamp with a UTC offset (e.g. 2026-11-23T22:41:07+08:00)' })
    .refine(isRealInstant, { error: 'receivedAt is not a real date and time' })
    .meta({
      description: "When the call center received the call: ISO 8601 with an explicit offset. A time more than INTAKE_CLOCK_TOLERANCE_S (60 s) ahead of Beacon's clock, or more than 7 days behind it (no late delivery is that late), is kept as the time Beacon received it, with the source's own in the call's reportedReceivedAt; the call is never refused for its time",
      example: '2026-11-23T22:41:07+08:00',
    }),
  caller: caller.optional(),
  location: location.optional().meta({ description: 'Where the caller is; accuracyM is the position accuracy radius in metres' }),
  address: z.string().min(1, { error: 'address must not be empty' }).max(500, { error: 'address must be at most 500 characters' }).optional()
    .meta({ example: '临淄区齐鲁化学工业区东门' }),
  category: z.enum(INCIDENT_CATEGORIES, { error: `category must be one of ${INCIDENT_CATEGORIES.join(', ')}` }).optional(),
  type: z.enum(ALL_TYPES, { error: 'type must be a sub-type code from the category table' }).optional(),
  description: z.string().max(4000, { error: 'description must be at most 4000 characters' }).optional(),
  casualties: casualties.optional(),
  // The column is numeric(16,2): the bound keeps anything larger from failing in Postgres after validation passed.
  economicLossCny: figure('economicLossCny'),
  burnedAreaHa: figure('burnedAreaHa')
    .meta({ description: 'Damaged forest area (受害森林面积) in hectares, the figure 森林防火条例 Art. 40 grades forest fires by; not the whole burned-over area (过火面积), which also counts land that is not forest' }),
  magnitude: figure('magnitude'),
  relatedExternalIds: z.array(z.string().max(128, { error: 'each id must be at most 128 characters' }))
    .max(20, { error: 'at most 20 related ids' }).optional()
    .meta({ description: "Other sources' case ids for the same event" }),
});

export const intakeCallSchema = callBodySchema.extend({
  source: z.enum(CALL_SOURCES, { error: `source must be one of ${CALL_SOURCES.join(', ')}` }),
});

export type CallBody = z.infer<typeof callBodySchema>;
export type IntakeCall = z.infer<typeof intakeCallSchema>;

// The wire contract in libs/domain and this schema must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsContract: Same<IntakeCall, IntakeCallRequest> = true;
void sameAsContract;
