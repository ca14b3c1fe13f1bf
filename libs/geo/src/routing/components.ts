import type { Csr } from './csr.js';

export interface Components {
  count: number;
  /** Component number of each node; components are numbered by first node, 0-based. */
  componentOf: Int32Array;
  /** Node count of each component. */
  sizes: number[];
}

/** Connected components of the graph (iterative flood fill). */
export function connectedComponents(csr: Csr): Components {
  const n = csr.lng.length;
  const componentOf = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const stack: number[] = [];
  for (let start = 0; start < n; start++) {
    if (componentOf[start] !== -1) continue;
    const c = sizes.length;
    let size = 0;
    componentOf[start] = c;
    stack.push(start);
    while (stack.length > 0) {
      const node = stack.pop() as number;
      size++;
      for (let e = csr.offsets[node]; e < csr.offsets[node + 1]; e++) {
        const next = csr.targets[e];
        if (componentOf[next] === -1) {
          componentOf[next] = c;
          stack.push(next);
        }
      }
    }
    sizes.push(size);
  }
  return { count: sizes.length, componentOf, sizes };
}
