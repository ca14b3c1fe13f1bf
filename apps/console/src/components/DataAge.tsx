import { useTranslation } from 'react-i18next';
import { useNow } from '../lib/clock';
import { ageSeconds, formatClock } from '../lib/time';

/** "3 分钟前", turning visibly stale past `staleAfterS`. */
export function DataAge({ at, staleAfterS, prefix }: { at: string | null | undefined; staleAfterS?: number; prefix?: string }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const age = ageSeconds(at, now);
  if (age === null) return <span className="age age-unknown">{t('age.unknown')}</span>;
  const stale = staleAfterS !== undefined && age > staleAfterS;
  return (
    <span
      className={stale ? 'age age-stale' : 'age'}
      data-stale={stale ? 'true' : 'false'}
      title={`${formatClock(at, i18n.language)}${stale ? ` · ${t('age.staleHint')}` : ''}`}
    >
      {prefix}
      {formatAge(age, t)}
      {stale ? ` · ${t('age.stale')}` : ''}
    </span>
  );
}

export function formatAge(age: number, t: (key: string, opts?: Record<string, unknown>) => string): string {
  if (age < 10) return t('age.justNow');
  if (age < 60) return t('age.seconds', { count: age });
  if (age < 3600) return t('age.minutes', { count: Math.floor(age / 60) });
  if (age < 86400) return t('age.hours', { count: Math.floor(age / 3600) });
  return t('age.days', { count: Math.floor(age / 86400) });
}
