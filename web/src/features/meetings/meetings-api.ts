import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type {
  Calendar,
  InvitableCadre,
  MeetingAttendance,
  MeetingDetail,
  MeetingList,
} from '../../../../src/contracts/meetings';
import { api } from '../../lib/api';

/** The meetings of a branch, or the branches of a higher unit, for a year (one page). */
export const meetingListOptions = (unitId: string, year: number, after?: string) =>
  queryOptions({
    queryKey: ['meetings', 'list', unitId, year, after ?? null],
    queryFn: () => api.get<MeetingList>('/meetings', { unitId, year, after, limit: 50 }),
    enabled: Boolean(unitId),
  });

/** One meeting. */
export const meetingOptions = (id: string) =>
  queryOptions({ queryKey: ['meetings', 'one', id], queryFn: () => api.get<MeetingDetail>(`/meetings/${id}`) });

/** The roster of a meeting with attendance (polled while the QR code is shown). */
export const attendanceOptions = (id: string, poll: boolean) =>
  queryOptions({
    queryKey: ['meetings', 'attendance', id],
    queryFn: () => api.get<MeetingAttendance>(`/meetings/${id}/attendance`),
    refetchInterval: poll ? 5000 : false,
  });

/** Superior cadres who may be invited. */
export const invitableOptions = (id: string, enabled: boolean) =>
  queryOptions({
    queryKey: ['meetings', 'invitable', id],
    queryFn: () => api.get<{ items: InvitableCadre[] }>(`/meetings/${id}/invitable`),
    enabled,
  });

/** The account's calendar between two dates. */
export const calendarOptions = (from: string, to: string) =>
  queryOptions({
    queryKey: ['meetings', 'calendar', from, to],
    queryFn: () => api.get<Calendar>('/me/calendar', { from, to }),
  });

/** Refreshes everything about meetings after a change. */
export function useRefreshMeetings() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['meetings'] });
}
