import { describe, expect, it } from 'vitest';
import {
  attendanceCounts,
  attendanceOpen,
  attendanceRate,
  heldDateProblem,
  hostedOn,
  meetingInterval,
  meetsToday,
  periodsDue,
  periodsToPlan,
  plannedDate,
} from './meeting-rules.js';

const rule = { regularEveryMonths: 1, remoteEveryMonths: 3 };

describe('meeting periods', () => {
  it('meets monthly, or quarterly when remote', () => {
    expect(meetingInterval(rule, false)).toBe(1);
    expect(meetingInterval(rule, true)).toBe(3);
  });

  it('plans only the periods without a meeting', () => {
    expect(periodsToPlan(2025, 1, ['2025-01', '2025-03'])).toHaveLength(10);
    expect(periodsToPlan(2025, 3, ['2025-04'])).toEqual(['2025-01', '2025-07', '2025-10']);
    expect(periodsToPlan(2025, 3, periodsToPlan(2025, 3, []))).toEqual([]);
  });

  it('dates a planned meeting inside its month', () => {
    expect(plannedDate('2025-02', 31)).toBe('2025-02-28');
    expect(plannedDate('2024-02', 30)).toBe('2024-02-29');
    expect(plannedDate('2025-04', 5)).toBe('2025-04-05');
  });

  it('counts the periods that have passed by today', () => {
    expect(periodsDue(2025, 1, '2025-03-10')).toEqual(['2025-01', '2025-02']);
    expect(periodsDue(2025, 3, '2025-05-01')).toEqual(['2025-01']);
    expect(periodsDue(2024, 1, '2025-05-01')).toHaveLength(12);
    expect(periodsDue(2026, 1, '2025-05-01')).toEqual([]);
  });
});

describe('held meetings and attendance', () => {
  it('never records a meeting held in the future', () => {
    expect(heldDateProblem('2025-05-02', '2025-05-01')).toBe('Ngày sinh hoạt không được sau hôm nay.');
    expect(heldDateProblem(null, '2025-05-01')).toMatch(/ngày sinh hoạt/);
    expect(heldDateProblem('2025-05-01', '2025-05-01')).toBeNull();
  });

  it('opens attendance for held meetings and those taking place today', () => {
    const today = '2025-05-01';
    expect(attendanceOpen({ status: 'held', heldOn: '2025-04-01', plannedOn: null }, today)).toBe(true);
    expect(attendanceOpen({ status: 'planned', heldOn: null, plannedOn: today }, today)).toBe(true);
    expect(attendanceOpen({ status: 'planned', heldOn: null, plannedOn: '2025-05-02' }, today)).toBe(false);
    expect(attendanceOpen({ status: 'cancelled', heldOn: null, plannedOn: today }, today)).toBe(false);
    expect(meetsToday({ status: 'held', heldOn: '2025-04-01', plannedOn: today }, today)).toBe(false);
  });

  it('counts attendance and its rate', () => {
    expect(attendanceCounts(5, ['present', 'present', 'excused', 'absent'])).toEqual({
      expectedCount: 5,
      presentCount: 2,
      excusedCount: 1,
      absentCount: 1,
    });
    expect(attendanceRate(2, 3)).toBe(66.7);
    expect(attendanceRate(0, 0)).toBeNull();
  });

  it('hosts a member under temporary participation only while it runs', () => {
    const t = { status: 'accepted', startsOn: '2025-02-01', acceptedOn: '2025-01-20', endsOn: null };
    expect(hostedOn(t, '2025-02-01')).toBe(true);
    expect(hostedOn(t, '2025-01-31')).toBe(false);
    expect(hostedOn({ ...t, status: 'ended', endsOn: '2025-03-01' }, '2025-02-28')).toBe(true);
    expect(hostedOn({ ...t, status: 'ended', endsOn: '2025-03-01' }, '2025-03-01')).toBe(false);
    expect(hostedOn({ ...t, status: 'sent' }, '2025-02-10')).toBe(false);
    expect(hostedOn({ ...t, startsOn: null }, '2025-01-20')).toBe(true);
  });
});
