import type { IncidentDto } from '@beacon/domain';
import { pointFeature } from '../map/geojson';
import { isAckOverdue, isUnacked } from './model';

/** What the map's incident layers read (layers.ts): grade colour, pulse, overdue ring, label. */
export function incidentFeature(
  i: IncidentDto,
  { title, selected, overdueLabel }: { title: string; selected: boolean; overdueLabel: (title: string) => string },
) {
  if (!i.location) return null;
  const unacked = isUnacked(i);
  const overdue = isAckOverdue(i);
  return pointFeature(i.id, i.location, {
    code: i.code,
    title,
    label: overdue ? overdueLabel(title) : title,
    grade: i.grade ?? 'none',
    unacked,
    overdue,
    selected,
  });
}
