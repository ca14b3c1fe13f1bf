export { DEFAULT_DEMO_SEED, generateDemoDistrict, toRoadNetworkDto } from './generate-demo-district.js';
export { DEMO_LANDMARK_KEYS, DEMO_LANDMARKS, type DemoLandmark, type DemoLandmarkKey } from './landmarks.js';
export { DEMO_CITY, DEMO_DISTRICT } from './names.js';
export type {
  DemoDistrict,
  DemoLandmarkPlacement,
  DemoRoad,
  DemoShelter,
  DemoTeam,
  DemoTownCentre,
  DemoWarehouse,
} from './types.js';
