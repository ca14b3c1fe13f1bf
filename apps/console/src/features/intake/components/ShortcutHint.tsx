import { useTranslation } from 'react-i18next';

export function ShortcutHint() {
  const { t } = useTranslation();
  const keys: [string, string][] = [
    ['j / k', t('shortcuts.move')],
    ['a', t('shortcuts.ack')],
    ['Enter', t('shortcuts.open')],
    ['n', t('shortcuts.manual')],
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
