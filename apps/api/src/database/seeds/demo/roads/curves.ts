import type { Vec } from '../local-frame.js';
import { add, dist, lerp } from '../planar.js';
import type { Rng } from '../prng.js';

/**
 * Samples `curve` over [from, to] every `step`, aligned so that parameter `anchor` is sampled exactly
 * (a road forced through a landmark keeps that exact vertex).
 */
export function sampleCurve(curve: (s: number) => Vec, from: number, to: number, step: number, anchor = from): Vec[] {
  const first = Math.ceil((from - anchor) / step);
  const last = Math.floor((to - anchor) / step);
  const out: Vec[] = [];
  for (let k = first; k <= last; k++) out.push(curve(anchor + k * step));
  return out;
}

/** A sine wobble with random phase: a smooth offset function of distance along a road. */
export function wobble(rng: Rng, amplitude: number, wavelength: number): (s: number) => number {
  const phase = rng.range(0, 2 * Math.PI);
  const phase2 = rng.range(0, 2 * Math.PI);
  const k = (2 * Math.PI) / wavelength;
  return (s) => amplitude * (0.75 * Math.sin(k * s + phase) + 0.25 * Math.sin(2.7 * k * s + phase2));
}

/** A gently bent road from a to b (exact endpoints), bulging sideways by up to `bend` × its length. */
export function bentLine(rng: Rng, a: Vec, b: Vec, bend: number, step: number): Vec[] {
  const length = dist(a, b);
  const n = Math.max(1, Math.ceil(length / step));
  const normal: Vec = [-(b[1] - a[1]) / length, (b[0] - a[0]) / length];
  const amp = rng.range(-bend, bend) * length;
  const amp2 = rng.range(-bend, bend) * length * 0.3;
  const out: Vec[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const off = amp * Math.sin(Math.PI * t) + amp2 * Math.sin(2 * Math.PI * t);
    out.push(i === 0 ? a : i === n ? b : add(lerp(a, b, t), [normal[0] * off, normal[1] * off]));
  }
  return out;
}
