import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  announcementActions,
  announcementDirection,
  assertAnnouncementAction,
  decodeAnnouncementCursor,
  encodeAnnouncementCursor,
  normaliseBody,
  readPercent,
  trackingRootPath,
} from './announcement.js';

describe('announcement actions', () => {
  it('offers edit, publish and withdraw on a draft, only withdraw once published, nothing after', () => {
    expect(announcementActions('draft', true)).toEqual(['edit', 'publish', 'withdraw']);
    expect(announcementActions('published', true)).toEqual(['withdraw']);
    expect(announcementActions('withdrawn', true)).toEqual([]);
    expect(announcementActions('draft', false)).toEqual([]);
  });

  it('refuses publishing twice, editing a published one and withdrawing twice as conflicts', () => {
    expect(() => assertAnnouncementAction('draft', 'publish')).not.toThrow();
    for (const [status, action] of [
      ['published', 'publish'],
      ['published', 'edit'],
      ['withdrawn', 'withdraw'],
      ['withdrawn', 'publish'],
    ] as const) {
      try {
        assertAnnouncementAction(status, action);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('conflict');
      }
    }
  });
});

describe('read share', () => {
  it('rounds to whole percent and is 0 without an audience', () => {
    expect(readPercent(1, 3)).toBe(33);
    expect(readPercent(2, 3)).toBe(67);
    expect(readPercent(0, 0)).toBe(0);
    expect(readPercent(5, 4)).toBe(100);
  });
});

describe('body text', () => {
  it('keeps line breaks, drops trailing spaces and outer blank lines, keeps markup as text', () => {
    expect(normaliseBody('\r\n  Dòng 1  \r\nDòng 2\r\n\r\n\r\n\r\n\r\nDòng 3\n\n')).toBe(
      '  Dòng 1\nDòng 2\n\n\nDòng 3',
    );
    expect(normaliseBody('<b>x</b>')).toBe('<b>x</b>');
    expect(normaliseBody('Thanh nie\u0302n')).toBe('Thanh niên');
  });
});

describe('tracking root and direction', () => {
  it('takes the deeper of the asked and issuing units, null when apart', () => {
    expect(trackingRootPath('a.b.c', 'a.b')).toBe('a.b.c');
    expect(trackingRootPath('a', 'a.b')).toBe('a.b');
    expect(trackingRootPath('a.c', 'a.b')).toBeNull();
    expect(trackingRootPath('a.bb', 'a.b')).toBeNull();
  });

  it('is sent from the unit or below it, received from above', () => {
    expect(announcementDirection('a.b', 'a.b')).toBe('sent');
    expect(announcementDirection('a.b.c', 'a.b')).toBe('sent');
    expect(announcementDirection('a', 'a.b')).toBe('received');
  });
});

describe('cursor', () => {
  it('round-trips and rejects forged values', () => {
    const id = '0b6c3f0e-8a4e-4f53-9a55-2b7f1c3d9e10';
    const c = encodeAnnouncementCursor('2026-11-20 01:00:00.123456+00', id);
    expect(decodeAnnouncementCursor(c)).toEqual({ sortAt: '2026-11-20 01:00:00.123456+00', id });
    expect(decodeAnnouncementCursor('abc')).toBeNull();
    expect(decodeAnnouncementCursor(encodeAnnouncementCursor("1'; drop table x", id))).toBeNull();
  });
});
