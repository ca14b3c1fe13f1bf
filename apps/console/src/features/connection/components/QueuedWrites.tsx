import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeWrite } from '../describeWrite';
import { mayWithdraw, useQueuedWrites, withdrawQueued } from '../pendingActions';

/**
 * Writes waiting for the network, in the header: how many, and on a click which, each withdrawable
 * unless it may already have reached the server. Nothing done offline waits unseen.
 */
export function QueuedWrites() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const writes = useQueuedWrites();
  const [open, setOpen] = useState(false);
  const empty = writes.length === 0;
  // Emptied, the list closes: the next write queued shows the count, not the list.
  useEffect(() => {
    if (empty) setOpen(false);
  }, [empty]);
  if (empty) return null;
  return (
    <div className="queued-writes" data-testid="queued-writes" data-count={writes.length}>
      <button type="button" className="btn btn-sm btn-warn" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('queued.count', { count: writes.length })}
      </button>
      {open && (
        <div className="queued-list" role="region" aria-label={t('queued.title')} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <div className="muted small">{t('queued.hint')}</div>
          <ul>
            {writes.map((m) => (
              <li key={m.mutationId} data-testid="queued-write">
                <span>{describeWrite(t, qc, m)}</span>
                {mayWithdraw(m) ? (
                  <button type="button" className="btn btn-xs" data-testid="withdraw-write" onClick={() => withdrawQueued(qc, m)}>
                    {t('queued.withdraw')}
                  </button>
                ) : (
                  <span className="muted small" title={t('queued.maybeSentHint')}>
                    {t('queued.maybeSent')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
