import type { TFunction } from 'i18next';
import { causeOfReason, isOfficerBasis, type GradeBasis, type LinkReason } from '@beacon/domain';

// What the server records in zh-CN (link reasons, grade bases, reasons around an officer's words),
// shown in the UI's language: the console words the structured parts itself.

/**
 * The server words a link reason in zh-CN; the console words its rule, distance and time itself. In
 * another language the server's sentence is left out, except an officer's, which carries their reason.
 */
export function showsReasonDetail(reason: Pick<LinkReason, 'rule' | 'detail'>, language: string): boolean {
  return Boolean(reason.detail) && (language.startsWith('zh') || reason.rule === 'officer');
}

/** A link reason's rule, distance and time, worded in the UI's language. */
export function linkReasonParts(t: TFunction, reason: Pick<LinkReason, 'rule' | 'distanceM' | 'minutes'>): string[] {
  const parts = [t(`linkRule.${reason.rule}`)];
  if (reason.distanceM !== undefined) parts.push(t('call.distance', { m: Math.round(reason.distanceM) }));
  if (reason.minutes !== undefined) parts.push(t('call.minutes', { min: Math.round(reason.minutes * 10) / 10 }));
  return parts;
}

/** A link reason in one line: linkReasonParts, then the server's sentence where showsReasonDetail allows it. */
export function linkReasonText(t: TFunction, language: string, reason: LinkReason): string {
  const parts = linkReasonParts(t, reason);
  if (showsReasonDetail(reason, language)) parts.push(recordedReasonText(t, language, reason.detail));
  return parts.join(' · ');
}

/** The server words a grade basis in zh-CN: shown in zh-CN, and an officer's reason in any language. */
export function showsBasisReason(basis: GradeBasis, language: string): boolean {
  return Boolean(basis.reason) && (language.startsWith('zh') || isOfficerBasis(basis));
}

/**
 * A grade's basis in one line, in the UI's language: the server's statute sentence in Chinese; in
 * another language the criterion and its figure, worded here. An officer's reason shows in any language.
 */
export function gradeBasisText(t: TFunction, language: string, basis: GradeBasis): string | null {
  if (showsBasisReason(basis, language)) return basis.reason;
  if (!basis.criterion || basis.criterion === 'officer') return null;
  const criterion = criterionLabel(t, basis.criterion);
  return basis.value === null ? criterion : `${criterion} = ${basis.value.toLocaleString(language)}`;
}

/** A grading criterion's name: its own, else the figure it reads. */
export function criterionLabel(t: TFunction, criterion: string): string {
  return t(`criterion.${criterion}`, { defaultValue: t(`figures.${criterion}`, { defaultValue: criterion }) });
}

/**
 * A recorded reason in the UI's language: as recorded in Chinese; elsewhere the action the server
 * named in Chinese around the officer's words (撤销合并：…) worded here, the officer's words as given.
 */
export function recordedReasonText(t: TFunction, language: string, recorded: string): string {
  if (language.startsWith('zh')) return recorded;
  const { cause, reason } = causeOfReason(recorded);
  return cause ? t(`reasonCause.${cause}`, { reason }) : recorded;
}
