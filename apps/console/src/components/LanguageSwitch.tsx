import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { releaseFocusAfterPointer } from './releaseFocusAfterPointer';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const isEn = i18n.language === 'en';
  return (
    <button
      type="button"
      className="btn btn-ghost lang-switch"
      data-testid="lang-switch"
      title={t('header.language')}
      onClick={(e) => {
        setLanguage(isEn ? 'zh-CN' : 'en');
        releaseFocusAfterPointer(e);
      }}
    >
      {isEn ? '中文' : 'English'}
    </button>
  );
}
