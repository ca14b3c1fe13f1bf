import type { IncidentCategory, IncidentType } from '../contracts/incidents.js';
import { INCIDENT_CATEGORY_LABELS, INCIDENT_TYPE_LABELS } from './incident-labels.js';

export interface TitledIncident {
  type: IncidentType | null;
  category: IncidentCategory | null;
  address: string | null;
}

/**
 * The title Beacon gives an incident: where (the address reported, else the jurisdiction's name) and
 * what (its type, else its category, else 警情), e.g. "化工园区东门 火灾". Stored in Chinese; a console
 * in another language shows the same title with `what` in its language (the place stays as reported).
 */
export function incidentTitle(incident: TitledIncident, placeName: string | null | undefined, lang: TitleLanguage = 'zh-CN'): string {
  const what = incident.type
    ? INCIDENT_TYPE_LABELS[incident.type][lang]
    : incident.category ? INCIDENT_CATEGORY_LABELS[incident.category][lang] : UNTYPED[lang];
  const where = incident.address ?? placeName ?? '';
  if (!where) return what;
  // Chinese puts the place first (东城区 火灾); English says what happened, then where.
  return lang === 'en' ? `${what} at ${where}` : `${where} ${what}`;
}

export type TitleLanguage = 'zh-CN' | 'en';

const UNTYPED: Record<TitleLanguage, string> = { 'zh-CN': '警情', en: 'Incident' };

/**
 * True while the title is the one Beacon derived, so it may follow new facts; an officer's own title
 * is never overwritten.
 */
export function hasDerivedTitle(title: string, incident: TitledIncident, placeName: string | null | undefined): boolean {
  return title === '' || title === incidentTitle(incident, placeName);
}
