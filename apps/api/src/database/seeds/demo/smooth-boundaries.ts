import { cellId, MAX_OFFSET, nominalVertex, vertexId, type Lattice } from './lattice.js';

/**
 * Softens the staircase of cell-built boundaries: every vertex at a plain corner (three cells of one
 * label, one of another) moves `lambda` of the way to the midpoint of its two boundary neighbours
 * (0.5 turns a 45° staircase into a straight line). Moving a shared vertex moves it for every region that
 * uses it, and offsets are clamped to MAX_OFFSET, so the tiling stays exact and every cell stays simple.
 */
export function smoothCorners(l: Lattice, labels: Int16Array, lambda = 0.5): void {
  const nextX = l.vx.slice();
  const nextY = l.vy.slice();
  const limit = MAX_OFFSET * l.spacing;
  for (let j = 1; j < l.ny; j++) {
    for (let i = 1; i < l.nx; i++) {
      const sw = labels[cellId(l, i - 1, j - 1)];
      const se = labels[cellId(l, i, j - 1)];
      const ne = labels[cellId(l, i, j)];
      const nw = labels[cellId(l, i - 1, j)];
      // Boundary edges leaving this vertex, towards S, E, N, W.
      const edges = [sw !== se, se !== ne, ne !== nw, nw !== sw];
      const count = edges.filter(Boolean).length;
      if (count !== 2 || (edges[0] && edges[2]) || (edges[1] && edges[3])) continue;
      const neighbourIds = [vertexId(l, i, j - 1), vertexId(l, i + 1, j), vertexId(l, i, j + 1), vertexId(l, i - 1, j)].filter(
        (_, k) => edges[k],
      );
      const v = vertexId(l, i, j);
      const mx = (l.vx[neighbourIds[0]] + l.vx[neighbourIds[1]]) / 2;
      const my = (l.vy[neighbourIds[0]] + l.vy[neighbourIds[1]]) / 2;
      const [nx0, ny0] = nominalVertex(l, i, j);
      const x = l.vx[v] + lambda * (mx - l.vx[v]);
      const y = l.vy[v] + lambda * (my - l.vy[v]);
      nextX[v] = Math.min(nx0 + limit, Math.max(nx0 - limit, x));
      nextY[v] = Math.min(ny0 + limit, Math.max(ny0 - limit, y));
    }
  }
  l.vx.set(nextX);
  l.vy.set(nextY);
}
