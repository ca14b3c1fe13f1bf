import 'reflect-metadata';
import { getMetadataArgsStorage } from 'typeorm';
import { INCIDENT_ROW } from '../modules/incidents/incident-row.js';
import { IncidentEntity } from '../modules/incidents/incident.entity.js';
import { CALL_ROW } from '../modules/intake/call-row.js';
import { CallEntity } from '../modules/intake/call.entity.js';
import { RowShape } from './row-shape.js';

class Thing {
  id!: string;
  seenAt!: Date;
  lastSeenAt!: Date | null;
  tags!: string[];
  note!: string | null;
}

describe('RowShape', () => {
  const shape = new RowShape<Thing>('id uuid, seen_at timestamptz, last_seen_at timestamptz, tags text[], note text', () => new Thing());

  it('names columns in snake_case and reads camelCase properties, dates as ISO strings', () => {
    const thing = Object.assign(new Thing(), { id: 'a', seenAt: new Date('2026-11-24T01:02:03.000Z'), lastSeenAt: null, tags: ['x'], note: undefined });
    expect(shape.columns).toEqual(['id', 'seen_at', 'last_seen_at', 'tags', 'note']);
    expect(shape.toRow(thing)).toEqual({ id: 'a', seen_at: '2026-11-24T01:02:03.000Z', last_seen_at: null, tags: ['x'], note: null });
  });

  it('builds the entity back from a to_jsonb row (timestamps as strings) or a driver row (Dates)', () => {
    const fromJson = shape.fromRow({ id: 'a', seen_at: '2026-11-24T01:02:03+00:00', last_seen_at: null, tags: [], note: 'n' });
    expect(fromJson).toBeInstanceOf(Thing);
    expect(fromJson).toEqual(Object.assign(new Thing(), { id: 'a', seenAt: new Date('2026-11-24T01:02:03.000Z'), lastSeenAt: null, tags: [], note: 'n' }));
    const at = new Date();
    expect(shape.fromRow({ id: 'b', seen_at: at, tags: [] }).seenAt).toEqual(at);
  });

  // The shapes are hand-declared SQL: they must name exactly the entities' columns and properties.
  it.each([
    ['incidents', INCIDENT_ROW, IncidentEntity],
    ['calls', CALL_ROW, CallEntity],
  ] as const)('%s: the row shape covers every entity column under its property name', (_, rowShape, entity) => {
    const columns = getMetadataArgsStorage().columns.filter((c) => c.target === entity);
    const expected = columns.map((c) => [c.options.name ?? c.propertyName, c.propertyName]).sort();
    const actual = rowShape.columns.map((c) => [c, c.replace(/_([a-z])/g, (_m, x: string) => x.toUpperCase())]).sort();
    expect(actual).toEqual(expected);
  });
});
