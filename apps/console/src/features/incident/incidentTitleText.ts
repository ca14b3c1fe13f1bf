import { hasDerivedTitle, incidentTitle, type IncidentDto, type JurisdictionDto } from '@beacon/domain';

type Titled = Pick<IncidentDto, 'title' | 'type' | 'category' | 'address' | 'jurisdictionId'>;

/**
 * The incident's title as this console shows it. Beacon stores the title it derives in Chinese; in
 * another language a title still as derived names what happened in that language (the place stays as
 * reported). An officer's own title is shown as written.
 */
export function incidentTitleText(incident: Titled, language: string, jurisdictions: ReadonlyArray<Pick<JurisdictionDto, 'id' | 'name'>> | undefined): string {
  if (language.startsWith('zh')) return incident.title;
  const placeName = jurisdictions?.find((j) => j.id === incident.jurisdictionId)?.name ?? null;
  return hasDerivedTitle(incident.title, incident, placeName) ? incidentTitle(incident, placeName, 'en') : incident.title;
}
