import { figureErrors, isPeopleCount, MAX_MAGNITUDE, type IncidentFigures } from '@beacon/domain';

export type FigureInput = { value: number } | { problem: 'badNumber' | 'badCount' | 'magnitudeMax' };

/**
 * A typed figure read as the API will judge it, so the officer reads the rule in the UI's language
 * before the server answers in its own: the domain's figureErrors (whole counts of people, a magnitude
 * of at most MAX_MAGNITUDE), and no negative figure (the API's forms take none, a magnitude included).
 */
export function readFigureInput(field: keyof IncidentFigures, raw: string): FigureInput {
  const text = raw.trim();
  const n = Number(text);
  if (text !== '' && Number.isFinite(n) && n >= 0 && !figureErrors({ [field]: n })) return { value: n };
  if (field === 'magnitude' && n > MAX_MAGNITUDE) return { problem: 'magnitudeMax' };
  return { problem: isPeopleCount(field) ? 'badCount' : 'badNumber' };
}
