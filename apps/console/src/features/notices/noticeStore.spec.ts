import { clearNotices, noticeStore, pushNotice } from './noticeStore';

describe('desk notices', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    clearNotices();
  });
  afterEach(() => jest.useRealTimers());

  it('lets the rest fade, and keeps a failure until dismissed', () => {
    pushNotice('info', 'queued');
    pushNotice('error', 'refused');
    jest.advanceTimersByTime(60_000);
    expect(noticeStore.get().map((n) => n.text)).toEqual(['refused']);
  });

  it('replaces a notice about the same write ("queued", then "sent")', () => {
    pushNotice('info', 'ack queued', 'acknowledge:a');
    pushNotice('info', 'other', 'acknowledge:b');
    pushNotice('success', 'ack sent', 'acknowledge:a');
    expect(noticeStore.get().map((n) => n.text)).toEqual(['other', 'ack sent']);
  });

  it('drops the oldest notice that is not a failure when too many are shown, never a failure', () => {
    pushNotice('error', 'refused 1');
    for (let i = 0; i < 6; i++) pushNotice('success', `sent ${i}`);
    pushNotice('error', 'refused 2');
    expect(noticeStore.get().map((n) => n.text)).toEqual(['refused 1', 'sent 3', 'sent 4', 'sent 5', 'refused 2']);
    for (let i = 0; i < 6; i++) pushNotice('error', `more ${i}`);
    expect(noticeStore.get().filter((n) => n.kind === 'error')).toHaveLength(8);
  });
});
