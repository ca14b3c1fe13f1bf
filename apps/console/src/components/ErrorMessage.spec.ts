import type { TFunction } from 'i18next';
import { ApiError } from '../lib/http';
import { errorText, fieldError } from './ErrorMessage';

const known: Record<string, string> = { 'errors.code.USE_ACKNOWLEDGE': '请使用“确认”操作', 'errors.code.VALIDATION_FAILED': '输入有误，请检查标出的字段', 'errors.network': '网络错误' };
// A t() as i18next's: the key's text, else the defaultValue given.
const t = ((key: string, opts?: { defaultValue?: string }) => known[key] ?? opts?.defaultValue ?? key) as unknown as TFunction;

describe('errorText', () => {
  it("says a refusal in the officer's language without the server's English field words", () => {
    const e = new ApiError(400, { code: 'USE_ACKNOWLEDGE', message: 'acknowledge with POST', fields: { to: 'use the acknowledge action' } });
    expect(errorText(t, e)).toBe('请使用“确认”操作 (USE_ACKNOWLEDGE)');
  });

  it('keeps the fields of a validation failure: they may name a field the form does not show', () => {
    const e = new ApiError(400, { code: 'VALIDATION_FAILED', message: 'invalid', fields: { 'location.lat': 'must be ≤ 90' } });
    expect(errorText(t, e)).toBe('输入有误，请检查标出的字段 — location.lat: must be ≤ 90 (VALIDATION_FAILED)');
  });

  it("falls back to the server's message and fields for a code the console does not know", () => {
    const e = new ApiError(409, { code: 'SOMETHING_NEW', message: 'a new refusal', fields: { x: 'why' } });
    expect(errorText(t, e)).toBe('a new refusal — x: why (SOMETHING_NEW)');
  });

  it('says a network failure plainly', () => {
    expect(errorText(t, new ApiError(0, { code: 'NETWORK', message: 'Failed to fetch' }))).toBe('网络错误');
  });
});

describe('fieldError', () => {
  it("marks a field for the form's own and the server's validation failures", () => {
    expect(fieldError(new ApiError(400, { code: 'CLIENT_VALIDATION', message: 'x', fields: { reason: '请填写理由' } }), 'reason')).toBe('请填写理由');
    expect(fieldError(new ApiError(400, { code: 'VALIDATION_FAILED', message: 'x', fields: { 'location.lat': 'must be ≤ 90' } }), 'location')).toBe('must be ≤ 90');
  });

  it("does not put a refusal's English field words under a field: its summary says it", () => {
    expect(fieldError(new ApiError(409, { code: 'ILLEGAL_TRANSITION', message: 'x', fields: { to: 'cannot change status from acknowledged to responding' } }), 'to')).toBeUndefined();
  });
});
