import type { Feature, FeatureCollection, LineString, LngLat, MultiPolygon, Polygon } from './geo.js';
import type { JurisdictionLevel } from './identity.js';

export interface JurisdictionDto {
  id: string;
  /** GB/T 2260-style division code: 6 digits for county level and up, 9 for towns. */
  code: string;
  name: string;
  level: JurisdictionLevel;
  parentId: string | null;
  geometry: Polygon | MultiPolygon | null;
  centroid: LngLat | null;
}

/** §7 rescue-force kinds. */
export const TEAM_KINDS = ['fire_rescue', 'professional', 'social', 'grassroots', 'medical'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const TEAM_STATUSES = ['available', 'dispatched', 'en_route', 'on_scene', 'returning', 'unavailable'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export interface TeamDto {
  id: string;
  name: string;
  kind: TeamKind;
  /** e.g. 'flood', 'forest_fire', 'collapsed_structure', 'hazmat', 'water_rescue', 'medical', 'mountain' */
  specialty: string;
  /** Social forces are rated 1–3 (1 highest); null for others. */
  rating: number | null;
  capabilities: string[];
  headcount: number;
  jurisdictionId: string;
  status: TeamStatus;
  location: LngLat;
  homeStation: LngLat;
  /** When status or location last changed: the console shows data age. */
  updatedAt: string;
  version: number;
}

export interface UpdateTeamRequest {
  status?: TeamStatus;
  location?: LngLat;
}

export interface StockLineDto {
  /** GB/T 38565-2020 7-digit code. */
  code: string;
  name: string;
  unit: string;
  quantity: number;
}

export interface WarehouseDto {
  id: string;
  name: string;
  jurisdictionId: string;
  location: LngLat;
  stock: StockLineDto[];
  updatedAt: string;
}

export const SHELTER_CLASSES = ['immediate', 'short_term', 'medium_term', 'long_term', 'central'] as const;
export type ShelterClass = (typeof SHELTER_CLASSES)[number];

export interface ShelterDto {
  id: string;
  name: string;
  shelterClass: ShelterClass;
  jurisdictionId: string;
  location: LngLat;
  areaM2: number;
  physicalCapacity: number;
  staffedCapacity: number;
  occupancy: number;
  status: 'closed' | 'open' | 'full';
  updatedAt: string;
}

export type RoadClass = 'primary' | 'secondary' | 'tertiary' | 'residential';
export type RoadFeature = Feature<LineString, { id: string; roadClass: RoadClass; name: string | null; speedKmh: number }>;
export type RoadNetworkDto = FeatureCollection<LineString, RoadFeature['properties']>;
