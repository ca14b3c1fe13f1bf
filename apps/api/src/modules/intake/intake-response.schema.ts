import { z } from 'zod';
import type { ErrorBody, IntakeCallResponse } from '@beacon/domain';

/**
 * What the intake route answers, for the OpenAPI document (a call center's integration is written
 * against it). The types in libs/domain are the contract; these must say the same (checked below).
 */
export const linkReasonSchema = z.object({
  rule: z.enum(['external_reference', 'proximity', 'officer']).meta({ description: 'Which rule linked the call: a shared case id, nearness in space, time and nature, or an officer' }),
  distanceM: z.number().optional().meta({ description: 'Metres between the call and the incident (proximity)' }),
  minutes: z.number().optional().meta({ description: "Minutes since the incident's last call (proximity)" }),
  detail: z.string().meta({ description: 'The reason in words (zh-CN)', example: '距离 50 米，间隔 3 分钟，类型相同（火灾）' }),
});

export const intakeCallResponseSchema = z.object({
  callId: z.uuid().meta({ description: "Beacon's id of the stored call" }),
  incidentId: z.uuid().meta({ description: 'The incident the call opened or joined' }),
  linked: z.boolean().meta({ description: 'true: joined an open incident (linkReason says why); false: opened a new one' }),
  linkReason: linkReasonSchema.optional(),
});

export const errorBodySchema = z.object({
  code: z.string().meta({ description: 'Stable error code', example: 'VALIDATION_FAILED' }),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional().meta({ description: 'Offending field path → what is wrong with it', example: { 'location.lat': 'lat must be a latitude between -90 and 90' } }),
});

// The wire contracts in libs/domain and these schemas must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameResponse: Same<z.infer<typeof intakeCallResponseSchema>, IntakeCallResponse> = true;
const sameError: Same<z.infer<typeof errorBodySchema>, ErrorBody> = true;
void sameResponse;
void sameError;
