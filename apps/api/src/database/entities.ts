import { EventEntity } from '../modules/events/event.entity.js';
import { JurisdictionEntity } from '../modules/jurisdictions/jurisdiction.entity.js';
import { UserEntity } from '../modules/auth/user.entity.js';
import { TeamEntity } from '../modules/resources/team.entity.js';
import { WarehouseEntity } from '../modules/resources/warehouse.entity.js';
import { StockLineEntity } from '../modules/resources/stock-line.entity.js';
import { ShelterEntity } from '../modules/resources/shelter.entity.js';
import { RoadSegmentEntity } from '../modules/resources/road-segment.entity.js';
import { TimerEntity } from '../jobs/timer.entity.js';
import { IntakeKeyEntity } from '../modules/intake/intake-key.entity.js';
import { CallEntity } from '../modules/intake/call.entity.js';
import { IncidentEntity } from '../modules/incidents/incident.entity.js';
import { IncidentMergeEntity } from '../modules/incidents/incident-merge.entity.js';

/** Every entity, listed once: the data source and the schema-drift test both read this. */
export const ENTITIES = [
  EventEntity,
  JurisdictionEntity,
  UserEntity,
  TeamEntity,
  WarehouseEntity,
  StockLineEntity,
  ShelterEntity,
  RoadSegmentEntity,
  TimerEntity,
  IntakeKeyEntity,
  CallEntity,
  IncidentEntity,
  IncidentMergeEntity,
];
