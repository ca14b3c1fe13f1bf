import type { IncidentCategory, IncidentDto, IncidentFigures, IncidentType, LngLat, UpdateIncidentRequest } from '@beacon/domain';
import { formatLngLat } from '../map/geojson';
import { FIGURE_FIELDS, NULLABLE_FIGURES } from './components/drawer/figureFields';
import { readFigureInput, type FigureProblem } from './figureInput';

export type FigureDraft = Record<keyof IncidentFigures, string>;

/** What the officer has in the edit form. */
export interface IncidentEditDraft {
  category: IncidentCategory | '';
  type: IncidentType | '';
  title: string;
  address: string;
  /** A position picked on the map, or null to keep the incident's. */
  location: LngLat | null;
  figures: FigureDraft;
  reason: string;
}

/** Why a field cannot be sent: a bad figure (an i18n key under errors.*), or another officer changed it since the form opened (its value now). */
export type EditProblem = ({ kind: 'figure' } & FigureProblem) | { kind: 'changedMeanwhile'; now: string };

export type EditOutcome = { body: UpdateIncidentRequest } | { problems: Record<string, EditProblem> };

export function figureDraft(f: IncidentFigures): FigureDraft {
  const out = {} as FigureDraft;
  for (const k of FIGURE_FIELDS) out[k] = f[k] === null || f[k] === undefined ? '' : String(f[k]);
  return out;
}

export function editDraft(incident: IncidentDto): IncidentEditDraft {
  return {
    category: incident.category ?? '',
    type: incident.type ?? '',
    title: incident.title,
    address: incident.address ?? '',
    location: null,
    figures: figureDraft(incident.figures),
    reason: '',
  };
}

/** A value as the conflict message shows it: a position as the form does (lng, lat to 5 places); category and type codes are translated by the form. */
function shown(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object' && 'lng' in v && 'lat' in v) return formatLngLat(v as LngLat);
  return String(v);
}

/**
 * The PATCH for what the officer changed since the form opened (`opened`): only those fields, so a
 * field someone else changed meanwhile is never written back with the value the form was opened with.
 * A field both changed is refused as `changedMeanwhile` with its value now (`current`); the form then
 * shows it and takes the officer's next submit as deliberate (withOthersChanges).
 */
export function incidentUpdate(opened: IncidentDto, current: IncidentDto, draft: IncidentEditDraft): EditOutcome {
  const body: UpdateIncidentRequest = {};
  const problems: Record<string, EditProblem> = {};
  const changedMeanwhile = (path: string, before: unknown, now: unknown) => {
    if (JSON.stringify(before ?? null) !== JSON.stringify(now ?? null)) problems[path] = { kind: 'changedMeanwhile', now: shown(now) };
  };

  if (draft.category && draft.category !== opened.category) {
    body.category = draft.category;
    changedMeanwhile('category', opened.category, current.category);
  }
  if (draft.type && draft.type !== opened.type) {
    body.type = draft.type;
    changedMeanwhile('type', opened.type, current.type);
  }
  const title = draft.title.trim();
  if (title && title !== opened.title) {
    body.title = title;
    changedMeanwhile('title', opened.title, current.title);
  }
  const address = draft.address.trim();
  if (address !== (opened.address ?? '')) {
    body.address = address;
    changedMeanwhile('address', opened.address, current.address);
  }
  if (draft.location) {
    body.location = { lng: draft.location.lng, lat: draft.location.lat };
    changedMeanwhile('location', opened.location, current.location);
  }
  const figures: Partial<Record<keyof IncidentFigures, number | null>> = {};
  for (const k of FIGURE_FIELDS) {
    const raw = draft.figures[k].trim();
    const before = opened.figures[k];
    let value: number | null;
    if (raw === '') {
      if (before === null) continue;
      // Emptied: an optional figure is cleared. A count has no "unknown": the officer is asked for 0 rather than have the field silently ignored.
      if (!NULLABLE_FIGURES.has(k)) {
        problems[`figures.${k}`] = { kind: 'figure', problem: 'emptyCount' };
        continue;
      }
      value = null;
    } else {
      const read = readFigureInput(k, raw);
      if ('problem' in read) {
        problems[`figures.${k}`] = { kind: 'figure', ...read };
        continue;
      }
      value = read.value;
    }
    if (value === before) continue;
    figures[k] = value;
    changedMeanwhile(`figures.${k}`, before, current.figures[k]);
  }
  if (Object.keys(figures).length > 0) body.figures = figures as Partial<IncidentFigures>;
  if (draft.reason.trim()) body.reason = draft.reason.trim();
  return Object.keys(problems).length > 0 ? { problems } : { body };
}

/**
 * The form's baseline once the officer was shown what others changed in `paths`: those fields as they
 * are now, every other field as the form opened (so a field the officer left alone is still not sent).
 */
export function withOthersChanges(opened: IncidentDto, current: IncidentDto, paths: readonly string[]): IncidentDto {
  const next: IncidentDto = { ...opened, figures: { ...opened.figures } };
  for (const path of paths) {
    if (path.startsWith('figures.')) {
      const k = path.slice('figures.'.length) as keyof IncidentFigures;
      next.figures = { ...next.figures, [k]: current.figures[k] };
    } else if (path === 'category') next.category = current.category;
    else if (path === 'type') next.type = current.type;
    else if (path === 'title') next.title = current.title;
    else if (path === 'address') next.address = current.address;
    else if (path === 'location') next.location = current.location;
  }
  return next;
}

/**
 * The form once the incident moved on while it is open: each field the officer has not touched shows
 * the incident as it is now (and counts from there), each field they typed in keeps their value and
 * the baseline it was typed against, so incidentUpdate still sees a change both made.
 */
export function followUntouched(
  opened: IncidentDto,
  current: IncidentDto,
  draft: IncidentEditDraft,
): { opened: IncidentDto; draft: IncidentEditDraft; followed: string[] } {
  const was = editDraft(opened);
  const now = editDraft(current);
  const nextOpened: IncidentDto = { ...opened };
  const nextDraft: IncidentEditDraft = { ...draft, figures: { ...draft.figures } };
  // Fields whose shown value moved: the form says so, so a value changing under the officer's eyes is explained.
  const followed: string[] = [];
  for (const k of ['category', 'type', 'title', 'address'] as const) {
    if (draft[k] !== was[k]) continue;
    Object.assign(nextOpened, { [k]: current[k] });
    Object.assign(nextDraft, { [k]: now[k] });
    if (now[k] !== was[k]) followed.push(k);
  }
  // No position picked: the form shows the incident's own, as it is now.
  if (draft.location === null) {
    nextOpened.location = current.location;
    if (JSON.stringify(current.location) !== JSON.stringify(opened.location)) followed.push('location');
  }
  for (const k of FIGURE_FIELDS) {
    if (draft.figures[k] !== was.figures[k]) continue;
    nextOpened.figures = { ...nextOpened.figures, [k]: current.figures[k] };
    nextDraft.figures[k] = now.figures[k];
    if (now.figures[k] !== was.figures[k]) followed.push(`figures.${k}`);
  }
  return { opened: nextOpened, draft: nextDraft, followed };
}
