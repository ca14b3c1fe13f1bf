import { useTranslation } from 'react-i18next';
import { useLocalNow } from '../../../lib/clock';
import { formatClock } from '../../../lib/time';
import { sessionEndsSoon } from '../renewal';
import { endSession, useRequiredSession } from '../session';

/**
 * In the last half hour of a sign-in (renewals stop at its longest life), the header says when it ends.
 * Clicking signs out to the login page at once, so the officer signs in again while watching, instead
 * of the desk falling silent at the end.
 */
export function SessionEndNotice() {
  const { t, i18n } = useTranslation();
  const { clientSessionEndsAt } = useRequiredSession();
  const now = useLocalNow();
  if (!sessionEndsSoon(clientSessionEndsAt, now)) return null;
  return (
    <button type="button" className="chip chip-warn" data-testid="session-ends" title={t('login.sessionEndsHint')} onClick={() => endSession()}>
      {t('login.sessionEnds', { at: formatClock(clientSessionEndsAt, i18n.language) })}
    </button>
  );
}
