import type { MeetingSummary } from '../../contracts/meetings.js';
import type { MeetingForm, MeetingStatus } from '../../domain/branch-life/meeting-rules.js';
import type { MeetingRow } from './meetings.queries.js';

/** A meeting row as listed. */
export function toSummary(m: MeetingRow): MeetingSummary {
  return {
    id: m.id,
    unitId: m.unitId,
    period: m.period,
    status: m.status as MeetingStatus,
    plannedOn: m.plannedOn,
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    place: m.place,
    form: m.form as MeetingForm,
    topic: m.topic,
    expectedCount: m.expectedCount,
    presentCount: m.presentCount,
    excusedCount: m.excusedCount,
    absentCount: m.absentCount,
    version: m.version,
  };
}
