import type { JurisdictionDto, MultiPolygon, Polygon } from '@beacon/domain';
import { interiorPoint } from '@beacon/geo';
import { toPosition } from './local-frame.js';
import { DEMO_CITY, DEMO_DISTRICT } from './names.js';
import { stableUuid } from './stable-id.js';
import type { PlanarPolygon, Territory } from './territory.js';

/** GeoJSON geometry (closed rings, WGS-84) of one or more planar polygons. */
export function toGeometry(polygons: readonly PlanarPolygon[]): Polygon | MultiPolygon {
  const rings = polygons.map((polygon) =>
    polygon.map((ring) => {
      const positions = ring.map(toPosition);
      return [...positions, positions[0]];
    }),
  );
  return rings.length === 1 ? { type: 'Polygon', coordinates: rings[0] } : { type: 'MultiPolygon', coordinates: rings };
}

export interface DemoJurisdictions {
  city: JurisdictionDto;
  district: JurisdictionDto;
  towns: JurisdictionDto[];
}

export function buildJurisdictions(seed: number, territory: Territory): DemoJurisdictions {
  const make = (code: string, name: string, level: JurisdictionDto['level'], parentId: string | null, polygons: PlanarPolygon[]): JurisdictionDto => {
    const geometry = toGeometry(polygons);
    return { id: stableUuid(seed, 'jurisdiction', code), code, name, level, parentId, geometry, centroid: interiorPoint(geometry) };
  };
  const city = make(DEMO_CITY.code, DEMO_CITY.name, 'city', null, [territory.city]);
  const district = make(DEMO_DISTRICT.code, DEMO_DISTRICT.name, 'district', city.id, territory.district);
  const towns = territory.seeds.map((s, i) => make(`${DEMO_DISTRICT.code}${s.spec.suffix}`, s.spec.name, 'town', district.id, territory.towns[i]));
  return { city, district, towns };
}
