import type { LngLat } from '@beacon/geo';
import { toLngLat, type Vec } from './local-frame.js';

export const DEMO_LANDMARK_KEYS = [
  'chemicalPlant',
  'riverbank',
  'expresswayInterchange',
  'forestPark',
  'oldTown',
  'school',
] as const;
export type DemoLandmarkKey = (typeof DEMO_LANDMARK_KEYS)[number];

export interface DemoLandmark extends LngLat {
  name: string;
  /** The kind of scenario the landmark is meant for. */
  hazard: 'hazmat' | 'flood' | 'traffic' | 'forest_fire' | 'building_collapse' | 'crowd';
}

/**
 * Landmark positions in metres from the district origin. They are fixed (seed-independent) and well inside
 * the smallest district the generator can draw; the generator routes a road through each of them, so every
 * landmark is a road node for any seed (the interchange is where the expressway meets an arterial).
 */
export const LANDMARK_OFFSETS_M: Readonly<Record<DemoLandmarkKey, Vec>> = {
  chemicalPlant: [8000, 5500],
  riverbank: [4600, -1500],
  expresswayInterchange: [-3000, 7000],
  forestPark: [-2500, -8500],
  oldTown: [-1200, 900],
  school: [1500, -2200],
};

const META: Readonly<Record<DemoLandmarkKey, Omit<DemoLandmark, 'lng' | 'lat'>>> = {
  chemicalPlant: { name: '齐都化工园区', hazard: 'hazmat' },
  riverbank: { name: '淄河东岸齐都段堤防', hazard: 'flood' },
  expresswayInterchange: { name: '青银高速齐都互通立交', hazard: 'traffic' },
  forestPark: { name: '牛山国有林场', hazard: 'forest_fire' },
  oldTown: { name: '稷下老城区居民片区', hazard: 'building_collapse' },
  school: { name: '齐都实验中学', hazard: 'crowd' },
};

/** Named points the scenario player uses; inside the demo district and on its road network for every seed. */
export const DEMO_LANDMARKS: Readonly<Record<DemoLandmarkKey, DemoLandmark>> = Object.freeze(
  Object.fromEntries(
    DEMO_LANDMARK_KEYS.map((key) => [key, Object.freeze({ ...toLngLat(LANDMARK_OFFSETS_M[key]), ...META[key] })]),
  ) as Record<DemoLandmarkKey, DemoLandmark>,
);
