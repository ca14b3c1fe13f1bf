import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeWrite } from '../describeWrite';
import { useQueuedWrites, withdrawQueued } from '../pendingActions';

/**
 * Writes waiting for the network, in the header: how many, and on a click which, each withdrawable.
 * Nothing done offline waits unseen.
 */
export function QueuedWrites() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const writes = useQueuedWrites();
  const [open, setOpen] = useState(false);
  if (writes.length === 0) return null;
  return (
    <div className="queued-writes" data-testid="queued-writes" data-count={writes.length}>
      <button type="button" className="btn btn-sm btn-warn" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('queued.count', { count: writes.length })}
      </button>
      {open && (
        <div className="queued-list" role="dialog" aria-label={t('queued.title')}>
          <div className="muted small">{t('queued.hint')}</div>
          <ul>
            {writes.map((m) => (
              <li key={m.mutationId} data-testid="queued-write">
                <span>{describeWrite(t, qc, m)}</span>
                <button type="button" className="btn btn-xs" data-testid="withdraw-write" onClick={() => withdrawQueued(qc, m)}>
                  {t('queued.withdraw')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
