import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import { ackDeadlineText, mmss } from './ackDeadlineText';

const NOW = Date.parse('2026-11-24T08:00:00.000Z');
const at = (secondsFromNow: number) => new Date(NOW + secondsFromNow * 1000).toISOString();

describe('ackDeadlineText (the incident card against its acknowledgement SLA)', () => {
  it('counts down the time left before the first deadline', () => {
    expect(ackDeadlineText(at(59.6), 0, NOW)).toEqual({ key: 'incident.ackLeft', time: '1:00', overdue: false });
    expect(ackDeadlineText(at(0), 0, NOW)).toEqual({ key: 'incident.ackLeft', time: '0:00', overdue: false });
  });

  it('says how late once the first deadline has passed and nobody has been told yet', () => {
    expect(ackDeadlineText(at(-75), 0, NOW)).toEqual({ key: 'incident.ackOverdueBy', time: '1:15', overdue: true });
  });

  it('after the first escalation says the shift leader was told and when the leader will be', () => {
    expect(ackDeadlineText(at(84), 1, NOW)).toEqual({ key: 'incident.ackEscalatedNext', who: 'shiftLeader', next: 'leader', time: '1:24', overdue: true });
  });

  it('once the second deadline has passed says who was told, with no figure that could read as time left', () => {
    expect(ackDeadlineText(at(-3), 1, NOW)).toEqual({ key: 'incident.ackEscalated', who: 'shiftLeader', overdue: true });
    expect(ackDeadlineText(at(-3), 2, NOW)).toEqual({ key: 'incident.ackEscalated', who: 'leader', overdue: true });
    expect(ackDeadlineText(at(30), 2, NOW)).toEqual({ key: 'incident.ackEscalated', who: 'leader', overdue: true });
  });

  it('shows nothing without a usable deadline', () => {
    expect(ackDeadlineText(null, 0, NOW)).toBeNull();
    expect(ackDeadlineText('not a time', 1, NOW)).toBeNull();
  });

  it('formats m:ss', () => {
    expect(mmss(0)).toBe('0:00');
    expect(mmss(-61.4)).toBe('1:01');
    expect(mmss(3600)).toBe('60:00');
  });

  it.each([['zh-CN', zhCN], ['en', en]] as const)('has every wording it can choose in %s, with the placeholders it fills', (_lang, bundle) => {
    const strings = bundle as unknown as { incident: Record<string, unknown> & { escalated: Record<string, string> } };
    const placeholders: Record<string, string[]> = {
      ackLeft: ['time'], ackOverdueBy: ['time'], ackEscalatedNext: ['who', 'next', 'time'], ackEscalated: ['who'],
    };
    for (const [key, names] of Object.entries(placeholders)) {
      const text = strings.incident[key];
      expect(typeof text).toBe('string');
      for (const name of names) expect({ key, text }).toEqual({ key, text: expect.stringContaining(`{{${name}}}`) });
    }
    expect(Object.keys(strings.incident.escalated).sort()).toEqual(['leader', 'shiftLeader']);
  });
});
