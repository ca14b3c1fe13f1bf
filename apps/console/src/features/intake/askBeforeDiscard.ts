import i18n from '../../i18n';

/** Asks the officer before an unsent manual call is thrown away (the form's close buttons and Esc alike). */
export function askBeforeDiscard(): boolean {
  return window.confirm(i18n.t('intake.discardConfirm'));
}
