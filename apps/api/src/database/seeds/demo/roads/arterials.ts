import { LANDMARK_OFFSETS_M } from '../landmarks.js';
import type { Rng } from '../prng.js';
import { sampleCurve, wobble } from './curves.js';
import type { RawRoad } from './raw-road.js';

const SPAN = 21_000;
const STEP = 200;

/**
 * The expressway (east–west across the north, grade-separated) and four primary arterials. The expressway
 * and 稷下大道 both pass exactly through the interchange landmark, so they meet there.
 */
export function layoutArterials(rng: Rng): RawRoad[] {
  const [ix, iy] = LANDMARK_OFFSETS_M.expresswayInterchange;
  const expressWobble = wobble(rng, rng.range(400, 800), rng.range(14_000, 22_000));
  const jixiaWobble = wobble(rng, rng.range(150, 350), rng.range(8_000, 14_000));
  const eastWest = (name: string, baseY: number, amp: number): RawRoad => {
    const w = wobble(rng, amp, rng.range(9_000, 16_000));
    return { roadClass: 'primary', name, speedKmh: 60, points: sampleCurve((x) => [x, baseY + w(x)], -SPAN, SPAN, STEP) };
  };
  const northSouth = (name: string, baseX: number, amp: number): RawRoad => {
    const w = wobble(rng, amp, rng.range(9_000, 16_000));
    return { roadClass: 'primary', name, speedKmh: 60, points: sampleCurve((y) => [baseX + w(y), y], -SPAN, SPAN, STEP) };
  };
  return [
    {
      roadClass: 'primary',
      name: '青银高速',
      speedKmh: 100,
      gradeSeparated: true,
      points: sampleCurve((x) => [x, iy + expressWobble(x - ix) - expressWobble(0)], -SPAN, SPAN, 250, ix),
    },
    {
      roadClass: 'primary',
      name: '稷下大道',
      speedKmh: 60,
      points: sampleCurve((y) => [ix + jixiaWobble(y - iy) - jixiaWobble(0), y], -SPAN, SPAN, STEP, iy),
    },
    eastWest('齐都大道', rng.range(-700, 700), rng.range(150, 400)),
    eastWest('南环路', rng.range(-6_800, -5_200), rng.range(200, 500)),
    northSouth('桓公路', rng.range(5_800, 7_000), rng.range(200, 500)),
  ];
}
