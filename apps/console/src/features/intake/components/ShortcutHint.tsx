import { useTranslation } from 'react-i18next';
import { useMay } from '../../auth/session';

export function ShortcutHint() {
  const { t } = useTranslation();
  const mayAck = useMay('acknowledge');
  const mayEnterCalls = useMay('manualCall');
  // Only the keys that do something for this user.
  const keys: [string, string][] = [
    ['j / k', t('shortcuts.move')],
    ...(mayAck ? [['a', t('shortcuts.ack')] as [string, string]] : []),
    ['Enter', t('shortcuts.open')],
    ...(mayEnterCalls ? [['n', t('shortcuts.manual')] as [string, string]] : []),
    ['/', t('shortcuts.find')],
    ['Esc', t('shortcuts.close')],
  ];
  return (
    <div className="shortcut-hint" data-testid="shortcut-hint">
      {keys.map(([k, label]) => (
        <span key={k}>
          <kbd>{k}</kbd> {label}
        </span>
      ))}
    </div>
  );
}
