import { groupRings, ringPositions, traceRings } from './boundary-trace.js';
import { cleanLabels, labelCells, OUTSIDE } from './cell-labels.js';
import { cityOutline, districtMask, MAX_RADIUS, SEMI_X, SEMI_Y, townAssigner, townSeeds, type TownSeed } from './district-shape.js';
import { cellCenter, createLattice } from './lattice.js';
import type { Vec } from './local-frame.js';
import { dist, pointInRings } from './planar.js';
import type { Rng } from './prng.js';
import { smoothCorners } from './smooth-boundaries.js';

/** Polygon rings in local metres: outer ring first, then holes; rings are not closed. */
export type PlanarPolygon = Vec[][];

export interface Territory {
  city: PlanarPolygon;
  district: PlanarPolygon[];
  /** Same order as `seeds`. */
  towns: PlanarPolygon[][];
  /** Town seeds, each seat moved inside its own town if the warped partition left it outside. */
  seeds: TownSeed[];
}

const CELL_M = 300;
const JITTER = 0.2;

/**
 * District and town boundaries: cells of a jittered lattice are labelled by the district mask and the
 * town assignment, repaired (single pieces, no pinches), corner-smoothed, then traced. Towns are unions of
 * cells, so they tile the district exactly: every district point is in exactly one town.
 */
export function buildTerritory(rng: Rng): Territory {
  const lattice = createLattice(rng.fork('lattice'), SEMI_X * MAX_RADIUS + 2 * CELL_M, SEMI_Y * MAX_RADIUS + 2 * CELL_M, CELL_M, JITTER);
  const seeds = townSeeds(rng.fork('seeds'));
  const labels = labelCells(lattice, districtMask(rng.fork('mask')), townAssigner(rng.fork('towns'), seeds));
  cleanLabels(lattice, labels);
  smoothCorners(lattice, labels);

  const trace = (member: (cell: number) => boolean): PlanarPolygon[] =>
    groupRings(traceRings(lattice, member).map((ids) => ringPositions(lattice, ids)));
  const district = trace((c) => labels[c] !== OUTSIDE);
  const towns = seeds.map((_, t) => trace((c) => labels[c] === t));

  const placedSeeds = seeds.map((seed, t) => {
    if (towns[t].some((polygon) => pointInRings(seed.seat, polygon))) return seed;
    let best: Vec = seed.seat;
    let bestD = Infinity;
    for (let j = 0; j < lattice.ny; j++) {
      for (let i = 0; i < lattice.nx; i++) {
        if (labels[j * lattice.nx + i] !== t) continue;
        const c = cellCenter(lattice, i, j);
        const d = dist(c, seed.seat);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
    }
    return { ...seed, seat: best };
  });

  return { city: [cityOutline(rng.fork('city'))], district, towns, seeds: placedSeeds };
}
