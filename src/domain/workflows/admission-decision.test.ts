import { describe, expect, it } from 'vitest';
import { decidingUnit, grassrootsOf, signerBlock, type ChainUnit } from './admission-deciding.js';
import { batchDecision, singleDecision, type DecisionCandidate } from './admission-decision.js';

const unit = (id: string, kind: string, powers: string[] = []): ChainUnit => ({ id, name: id, kind, powers });
const centre = unit('TW', 'centre');
const province = unit('DNG', 'province');

describe('the deciding unit', () => {
  it('is the đoàn cơ sở when it holds the power, else the level above it', () => {
    const withPower = [centre, province, unit('NTH', 'grassroots', ['approves_admission']), unit('T1', 'branch')];
    expect(decidingUnit(withPower)?.id).toBe('NTH');
    const without = [centre, province, unit('HCH', 'grassroots'), unit('TDP1', 'branch')];
    expect(decidingUnit(without)?.id).toBe('DNG');
    const district = [
      centre,
      unit('LDG', 'province'),
      unit('HDDT', 'district'),
      unit('HT', 'grassroots'),
      unit('B', 'branch'),
    ];
    expect(decidingUnit(district)?.id).toBe('HDDT');
  });

  it('looks through a liên chi đoàn to the đoàn cơ sở', () => {
    const chain = [
      centre,
      province,
      unit('DHBK', 'grassroots', ['approves_admission']),
      unit('LCD', 'sub_grassroots'),
      unit('CNTT1', 'branch'),
    ];
    expect(grassrootsOf(chain)?.id).toBe('DHBK');
    expect(decidingUnit(chain)?.id).toBe('DHBK');
  });

  it('treats a chi đoàn cơ sở as its own đoàn cơ sở', () => {
    expect(decidingUnit([centre, province, unit('BV', 'grassroots_branch')])?.id).toBe('DNG');
    expect(decidingUnit([centre, province, unit('BV', 'grassroots_branch', ['approves_admission'])])?.id).toBe('BV');
  });

  it('falls back to the branch parent when no kind on the path is a đoàn cơ sở', () => {
    expect(decidingUnit([centre, unit('X', 'district'), unit('B', 'branch')])?.id).toBe('TW');
    expect(decidingUnit([unit('B', 'branch')])).toBeNull();
  });

  it('signs for the executive committee at the grassroots, the standing committee above', () => {
    expect(signerBlock('grassroots')).toEqual({ on: 'TM. BAN CHẤP HÀNH', position: 'BÍ THƯ' });
    expect(signerBlock('province').on).toBe('TM. BAN THƯỜNG VỤ');
  });
});

const candidate = (over: Partial<DecisionCandidate> = {}): DecisionCandidate => ({
  fullName: 'Phạm Thị Hoa',
  birthDate: '2007-05-19',
  source: 'youth',
  branchName: 'Chi đoàn Tổ dân phố 1',
  meetingOn: '2026-04-10',
  grassrootsId: 'HCH',
  grassrootsName: 'Đoàn phường Hải Châu',
  ...over,
});
const issuer = { id: 'DNG', name: 'Thành đoàn Đà Nẵng', kind: 'province', ceremonyWithinMonths: 1 };

describe('the approval decision', () => {
  it('writes the administrative wording for one candidate', () => {
    const d = singleDecision(issuer, candidate());
    expect(d.subject).toBe('Chuẩn y kết nạp đoàn viên đối với thanh niên Phạm Thị Hoa');
    expect(d.signerTitle).toBe('TM. BAN THƯỜNG VỤ\nBÍ THƯ');
    expect(d.data.body).toEqual([
      'BAN THƯỜNG VỤ THÀNH ĐOÀN ĐÀ NẴNG',
      'Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;',
      'Căn cứ Hướng dẫn thực hiện Điều lệ Đoàn TNCS Hồ Chí Minh;',
      'Căn cứ Nghị quyết của Chi đoàn Tổ dân phố 1 ngày 10/04/2026 về việc đề nghị kết nạp đoàn viên mới;',
      'Xét đề nghị của Ban Chấp hành Đoàn phường Hải Châu,',
      'QUYẾT ĐỊNH:',
      'Điều 1. Chuẩn y kết nạp vào Đoàn TNCS Hồ Chí Minh đối với thanh niên Phạm Thị Hoa, sinh ngày 19/05/2007, sinh hoạt tại Chi đoàn Tổ dân phố 1, Đoàn phường Hải Châu.',
      'Điều 2. Chi đoàn Tổ dân phố 1 có trách nhiệm tổ chức lễ kết nạp trong thời hạn 1 tháng kể từ ngày ký Quyết định này, trao thẻ đoàn viên và huy hiệu Đoàn cho đoàn viên mới.',
      'Điều 3. Ban Chấp hành Đoàn phường Hải Châu, Ban Chấp hành Chi đoàn Tổ dân phố 1 và thanh niên Phạm Thị Hoa chịu trách nhiệm thi hành Quyết định này./.',
    ]);
    expect(d.data.recipients).toEqual(['- Như Điều 3;', '- Lưu VP.']);
    expect(d.data.fields).toMatchObject({ memberName: 'Phạm Thị Hoa', birthDate: '19/05/2007' });
  });

  it('lets a đoàn cơ sở with the power decide in its executive committee name', () => {
    const own = { id: 'NTH', name: 'Đoàn xã Núi Thành', kind: 'grassroots', ceremonyWithinMonths: 1 };
    const d = singleDecision(
      own,
      candidate({ grassrootsId: 'NTH', grassrootsName: 'Đoàn xã Núi Thành', source: 'pioneer' }),
    );
    expect(d.signerTitle).toBe('TM. BAN CHẤP HÀNH\nBÍ THƯ');
    expect(d.data.body[0]).toBe('BAN CHẤP HÀNH ĐOÀN XÃ NÚI THÀNH');
    expect(d.data.body[4]).toBe('Xét đề nghị của Ban Chấp hành Chi đoàn Tổ dân phố 1,');
    expect(d.data.body[6]).toMatch(
      /^Điều 1\. .* đối với đội viên Phạm Thị Hoa, .* sinh hoạt tại Chi đoàn Tổ dân phố 1\.$/,
    );
  });

  it('lists a class of candidates in one decision', () => {
    const d = batchDecision(issuer, [
      candidate(),
      candidate({ fullName: 'Lê Văn Nam', birthDate: '2008-01-02', branchName: 'Chi đoàn Tổ dân phố 2' }),
    ]);
    expect(d.subject).toBe('Chuẩn y kết nạp 2 đoàn viên mới');
    expect(d.data.body[3]).toBe(
      'Căn cứ Nghị quyết của Chi đoàn Tổ dân phố 1 ngày 10/04/2026, Chi đoàn Tổ dân phố 2 ngày 10/04/2026 về việc đề nghị kết nạp đoàn viên mới;',
    );
    expect(d.data.body[6]).toMatch(/đối với 2 người có tên trong danh sách kèm theo/);
    expect(d.data.columns).toEqual({ stt: 'STT', fullName: 'Họ và tên', birthDate: 'Ngày sinh', branch: 'Chi đoàn' });
    expect(d.data.rows).toEqual([
      { stt: '1', fullName: 'Phạm Thị Hoa', birthDate: '19/05/2007', branch: 'Chi đoàn Tổ dân phố 1' },
      { stt: '2', fullName: 'Lê Văn Nam', birthDate: '02/01/2008', branch: 'Chi đoàn Tổ dân phố 2' },
    ]);
  });
});
