import { alarmAudience, hearsAlarms } from '@beacon/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { SessionEndNotice } from '../../features/auth/components/SessionEndNotice';
import { endSession, useRequiredSession } from '../../features/auth/session';
import { ConnectionIndicator } from '../../features/connection/components/ConnectionIndicator';
import { QueuedWrites } from '../../features/connection/components/QueuedWrites';
import { queuedWrites } from '../../features/connection/pendingActions';
import { MuteToggle } from '../../features/intake/components/MuteToggle';
import { closeManualCallAsking } from '../../features/intake/askBeforeDiscard';
import { Clock } from './Clock';

/** The seat this console is, by the user's first role that has one (a commander's tablet is no duty desk). */
const SEATS = ['duty_officer', 'shift_leader', 'leader', 'commander'] as const;

export function Header() {
  const { t } = useTranslation();
  const { user } = useRequiredSession();
  const queryClient = useQueryClient();
  const seat = SEATS.find((r) => user.roles.includes(r));
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          ◆
        </span>
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-sub">{seat ? t(`app.deskFor.${seat}`) : t('app.desk')}</span>
      </div>
      <Clock />
      <div className="header-spacer" />
      <SessionEndNotice />
      <ConnectionIndicator />
      <QueuedWrites />
      {/* A console that never sounds (a commander's tablet) offers no mute. */}
      {hearsAlarms(alarmAudience(user)) && <MuteToggle />}
      <LanguageSwitch />
      <div className="user" data-testid="current-user">
        <span className="user-name">{user.displayName}</span>
        <span className="user-role">{user.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(' / ')}</span>
      </div>
      <button type="button" className="btn btn-ghost btn-sm" data-testid="logout" onClick={() => {
          // An unsent manual call is asked about first, as when its form is closed; so are writes waiting for the network (signing out drops them).
          if (!closeManualCallAsking()) return;
          const waiting = queuedWrites(queryClient).length;
          if (waiting > 0 && !window.confirm(t('queued.logoutConfirm', { count: waiting }))) return;
          endSession();
        }}>
        {t('header.logout')}
      </button>
    </header>
  );
}
