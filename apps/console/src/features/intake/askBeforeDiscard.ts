import i18n from '../../i18n';
import { writeKey } from '../connection/pendingActions';
import { pushNotice } from '../notices/noticeStore';
import { requestCloseManualCall } from './manualCallStore';

/** Asks the officer before an unsent manual call is thrown away (the form's close buttons and Esc alike). */
export function askBeforeDiscard(): boolean {
  return window.confirm(i18n.t('intake.discardConfirm'));
}

/** Closes the manual call form as every close does: asking before an unsent call is lost, saying so when a sent one still goes. */
export function closeManualCallAsking(): boolean {
  return requestCloseManualCall(askBeforeDiscard, (externalId) => pushNotice('info', i18n.t('intake.closedQueued'), writeKey('manualCall', { externalId })));
}
