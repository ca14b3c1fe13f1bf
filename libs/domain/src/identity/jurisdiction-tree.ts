import type { JurisdictionLevel } from '../contracts/identity.js';
import type { OwnerLevel } from '../grading/response-level.js';

export interface JurisdictionNode {
  id: string;
  parentId: string | null;
}

export interface LeveledJurisdictionNode extends JurisdictionNode {
  level: JurisdictionLevel;
}

/** The root itself and every jurisdiction below it. Cycles in bad data cannot loop forever. */
export function jurisdictionDescendants(tree: readonly JurisdictionNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const node of tree) {
    if (node.parentId === null) continue;
    const list = children.get(node.parentId);
    if (list) list.push(node.id);
    else children.set(node.parentId, [node.id]);
  }
  const seen = new Set<string>([rootId]);
  const queue = [rootId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return seen;
}

/** The jurisdiction itself, then its parent, up to the root; empty when the id is unknown. */
export function jurisdictionAncestors<N extends JurisdictionNode>(tree: readonly N[], id: string): N[] {
  const byId = new Map(tree.map((node) => [node.id, node]));
  const chain: N[] = [];
  const seen = new Set<string>();
  for (let node = byId.get(id); node !== undefined && !seen.has(node.id); node = node.parentId === null ? undefined : byId.get(node.parentId)) {
    seen.add(node.id);
    chain.push(node);
  }
  return chain;
}

// Smaller is higher up; 'national' sits above every node Beacon holds.
const RANK: Readonly<Record<OwnerLevel | JurisdictionLevel, number>> = { national: 0, province: 1, city: 2, district: 3, town: 4 };

/**
 * The jurisdiction that owns an incident at `ownerLevel`: the nearest ancestor (or the incident's
 * own jurisdiction) at that level or above. When the tree stops short (no province node, or
 * 'national'), the topmost known ancestor owns it. Null when the id is unknown.
 */
export function ownerJurisdictionId(tree: readonly LeveledJurisdictionNode[], incidentJurisdictionId: string, ownerLevel: OwnerLevel): string | null {
  const chain = jurisdictionAncestors(tree, incidentJurisdictionId);
  const owner = chain.find((node) => RANK[node.level] <= RANK[ownerLevel]) ?? chain[chain.length - 1];
  return owner?.id ?? null;
}
