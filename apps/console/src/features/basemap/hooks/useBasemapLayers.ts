import { useEffect, useMemo, useRef } from 'react';
import type { Feature, FeatureCollection, JurisdictionDto, LngLat } from '@beacon/domain';
import { useJurisdictions, useRoads } from '../api/basemapQueries';
import { useSession } from '../../auth/session';
import { useGeoJsonLayers } from '../../map/hooks/useGeoJsonLayers';
import { useMap } from '../../map/hooks/useMap';
import { ROAD_LAYERS, ROADS_SOURCE, TOWN_LABEL_LAYERS, TOWN_LABELS_SOURCE, TOWN_LAYERS, TOWNS_SOURCE } from '../layers';
import { collection, pointFeature } from '../../map/geojson';

function jurisdictionFeatures(list: JurisdictionDto[]): FeatureCollection {
  // Districts first, towns after: towns draw over the district fill.
  const rank = { province: 0, city: 1, district: 2, town: 3 } as const;
  const features: Feature[] = [...list]
    .filter((j) => j.geometry)
    .sort((a, b) => rank[a.level] - rank[b.level])
    .flatMap((j) =>
      j.geometry
        ? [{ type: 'Feature' as const, id: j.id, geometry: j.geometry, properties: { id: j.id, name: j.name, level: j.level, code: j.code } }]
        : [],
    );
  return { type: 'FeatureCollection', features };
}

function extendBounds(b: [number, number, number, number], coords: unknown): void {
  if (Array.isArray(coords) && typeof coords[0] === 'number' && typeof coords[1] === 'number') {
    b[0] = Math.min(b[0], coords[0]);
    b[1] = Math.min(b[1], coords[1]);
    b[2] = Math.max(b[2], coords[0]);
    b[3] = Math.max(b[3], coords[1]);
    return;
  }
  if (Array.isArray(coords)) for (const c of coords) extendBounds(b, c);
}

/** The part of the map the user works in: the towns of their jurisdiction, else it, else everything. */
function focusArea(list: JurisdictionDto[], jurisdictionId: string | undefined): JurisdictionDto[] {
  const own = list.find((j) => j.id === jurisdictionId);
  if (!own) return list;
  const children = list.filter((j) => j.parentId === own.id && (j.geometry || j.centroid));
  return children.length > 0 ? children : [own];
}

export function jurisdictionBounds(list: JurisdictionDto[]): [number, number, number, number] | null {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const j of list) {
    if (j.geometry) extendBounds(b, j.geometry.coordinates);
    else if (j.centroid) extendBounds(b, [j.centroid.lng, j.centroid.lat]);
  }
  return Number.isFinite(b[0]) ? b : null;
}

/** Towns (fill, outline, Chinese label) and roads by class; fits the view to the jurisdiction once. */
export function useBasemapLayers(): { center: LngLat | null } {
  const map = useMap();
  const jurisdictions = useJurisdictions();
  const roads = useRoads();
  const towns = useMemo(() => (jurisdictions.data ? jurisdictionFeatures(jurisdictions.data) : null), [jurisdictions.data]);
  const labels = useMemo(
    () =>
      jurisdictions.data
        ? collection(jurisdictions.data.filter((j) => j.level === 'town' && j.centroid).flatMap((j) => (j.centroid ? [pointFeature(j.id, j.centroid, { name: j.name })] : [])))
        : null,
    [jurisdictions.data],
  );
  const roadData = roads.data as FeatureCollection | undefined;

  useGeoJsonLayers({ sourceId: TOWNS_SOURCE, group: 'towns', data: towns, layers: TOWN_LAYERS });
  useGeoJsonLayers({ sourceId: TOWN_LABELS_SOURCE, group: 'towns', data: labels, layers: TOWN_LABEL_LAYERS });
  useGeoJsonLayers({ sourceId: ROADS_SOURCE, group: 'roads', data: roadData, layers: ROAD_LAYERS });

  const fitted = useRef(false);
  const jurisdictionId = useSession()?.user.jurisdictionId;
  const bounds = useMemo(
    () => (jurisdictions.data ? jurisdictionBounds(focusArea(jurisdictions.data, jurisdictionId)) : null),
    [jurisdictions.data, jurisdictionId],
  );
  useEffect(() => {
    if (!map || !bounds || fitted.current) return;
    fitted.current = true;
    map.fitBounds(bounds, { padding: 40, duration: 0 });
  }, [map, bounds]);

  return { center: bounds ? { lng: (bounds[0] + bounds[2]) / 2, lat: (bounds[1] + bounds[3]) / 2 } : null };
}
