import { alarmAudience, hearsAlarms } from '@beacon/domain';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { SessionEndNotice } from '../../features/auth/components/SessionEndNotice';
import { endSession, useRequiredSession } from '../../features/auth/session';
import { ConnectionIndicator } from '../../features/connection/components/ConnectionIndicator';
import { MuteToggle } from '../../features/intake/components/MuteToggle';
import { askBeforeDiscard } from '../../features/intake/askBeforeDiscard';
import { requestCloseManualCall } from '../../features/intake/manualCallStore';
import { Clock } from './Clock';

export function Header() {
  const { t } = useTranslation();
  const { user } = useRequiredSession();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          ◆
        </span>
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-sub">{t('app.desk')}</span>
      </div>
      <Clock />
      <div className="header-spacer" />
      <SessionEndNotice />
      <ConnectionIndicator />
      {/* A console that never sounds (a commander's tablet) offers no mute. */}
      {hearsAlarms(alarmAudience(user)) && <MuteToggle />}
      <LanguageSwitch />
      <div className="user" data-testid="current-user">
        <span className="user-name">{user.displayName}</span>
        <span className="user-role">{user.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(' / ')}</span>
      </div>
      <button type="button" className="btn btn-ghost btn-sm" data-testid="logout" onClick={() => {
          // An unsent manual call is asked about first, as when its form is closed.
          if (requestCloseManualCall(askBeforeDiscard)) endSession();
        }}>
        {t('header.logout')}
      </button>
    </header>
  );
}
