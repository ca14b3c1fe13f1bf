import type { TFunction } from 'i18next';

/**
 * Who did it, as an officer reads it: a person by name; a call centre's integration as its source and
 * key label (the API names it `119:<label>`); Beacon itself (a timer, an escalation) as 系统.
 */
export function actorText(t: TFunction, actor: { type: string; name: string | null }): string {
  if (actor.type === 'system') return t('actor.system');
  if (actor.type === 'integration') {
    const [source, ...label] = (actor.name ?? '').split(':');
    return source ? t('actor.integrationNamed', { source: t(`source.${source}`, { defaultValue: source }), label: label.join(':') || source }) : t('actor.integration');
  }
  return actor.name ?? t('actor.user');
}
