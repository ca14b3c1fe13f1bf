import type { JurisdictionDto } from '@beacon/domain';
import type { Vec } from './local-frame.js';
import type { TownSpec } from './names.js';

/** What facility builders need to know about the generated district. */
export interface WorldContext {
  seed: number;
  district: JurisdictionDto;
  /** Towns in generation order: 4 urban sub-districts (the seat first), then 6 rural towns N, NE, SE, S, SW, NW. */
  towns: readonly JurisdictionDto[];
  townSpecs: readonly TownSpec[];
  /** Town centres (grid vertices at the seats), local metres, same order as `towns`. */
  hubs: readonly Vec[];
}
