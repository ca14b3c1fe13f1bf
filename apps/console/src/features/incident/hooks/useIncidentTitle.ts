import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useJurisdictions } from '../../basemap/api/basemapQueries';
import { incidentTitleText } from '../incidentTitleText';

/** A function giving an incident's title in the console's language (incidentTitleText). */
export function useIncidentTitle() {
  const { i18n } = useTranslation();
  const { data: jurisdictions } = useJurisdictions();
  const language = i18n.language;
  return useCallback((incident: Parameters<typeof incidentTitleText>[0]) => incidentTitleText(incident, language, jurisdictions), [language, jurisdictions]);
}
