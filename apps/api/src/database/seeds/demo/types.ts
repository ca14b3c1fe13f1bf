import type { JurisdictionDto, LngLat, RoadClass, ShelterDto, TeamDto, WarehouseDto } from '@beacon/domain';
import type { DemoLandmark, DemoLandmarkKey } from './landmarks.js';

/** A team as seeded: TeamDto minus the fields the database owns (updatedAt, version). */
export type DemoTeam = Omit<TeamDto, 'updatedAt' | 'version'>;
/** A warehouse with its stock lines, minus updatedAt. */
export type DemoWarehouse = Omit<WarehouseDto, 'updatedAt'>;
/** A shelter, minus updatedAt. */
export type DemoShelter = Omit<ShelterDto, 'updatedAt'>;

/** One road polyline; the properties of a RoadFeature plus its [lng, lat] coordinates. */
export interface DemoRoad {
  id: string;
  roadClass: RoadClass;
  name: string | null;
  speedKmh: number;
  coordinates: [number, number][];
}

/** A town's centre: the street-grid vertex at its seat (a road node, so routable). */
export interface DemoTownCentre {
  jurisdictionId: string;
  code: string;
  name: string;
  location: LngLat;
}

export interface DemoLandmarkPlacement extends DemoLandmark {
  key: DemoLandmarkKey;
  /** The town the landmark falls in for this seed. */
  jurisdictionId: string;
}

export interface DemoDistrict {
  seed: number;
  city: JurisdictionDto;
  district: JurisdictionDto;
  towns: JurisdictionDto[];
  townCentres: DemoTownCentre[];
  roads: DemoRoad[];
  teams: DemoTeam[];
  warehouses: DemoWarehouse[];
  shelters: DemoShelter[];
  landmarks: DemoLandmarkPlacement[];
  /** Scenery for the map (not a road, not routable): the river the riverbank landmark sits on. */
  river: { name: string; coordinates: [number, number][] };
}
