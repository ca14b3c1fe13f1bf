import type { LinkReason } from '@beacon/domain';

/**
 * The server words a link reason in zh-CN; the console words its rule, distance and time itself. In
 * another language the server's sentence is left out, except an officer's, which carries their reason.
 */
export function showsReasonDetail(reason: Pick<LinkReason, 'rule' | 'detail'>, language: string): boolean {
  return Boolean(reason.detail) && (language.startsWith('zh') || reason.rule === 'officer');
}
