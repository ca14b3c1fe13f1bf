import { Spine1732400000000 } from './1732400000000-spine.js';
import { Intake1732400000001 } from './1732400000001-intake.js';
import { IntakeSearchIndexes1732400000002 } from './1732400000002-intake-search-indexes.js';
import { CallsXrefIndexDirect1732400000003 } from './1732400000003-calls-xref-index-direct.js';
import { IncidentReachIndex1732400000004 } from './1732400000004-incident-reach-index.js';
import { IncidentsHotUpdates1732400000005 } from './1732400000005-incidents-hot-updates.js';
import { MergeTargetFigures1732400000006 } from './1732400000006-merge-target-figures.js';
import { GradeAlertsIndex1732400000007 } from './1732400000007-grade-alerts-index.js';
import { CallsReportedReceivedAt1732400000008 } from './1732400000008-calls-reported-received-at.js';
import { MergeTargetAck1732400000009 } from './1732400000009-merge-target-ack.js';

/** In order. A new migration is appended here; the drift test fails if entities and migrations disagree. */
export const MIGRATIONS = [
  Spine1732400000000, Intake1732400000001, IntakeSearchIndexes1732400000002, CallsXrefIndexDirect1732400000003, IncidentReachIndex1732400000004,
  IncidentsHotUpdates1732400000005, MergeTargetFigures1732400000006, GradeAlertsIndex1732400000007,
  CallsReportedReceivedAt1732400000008, MergeTargetAck1732400000009,
];
