import type { Sector, UnitPower } from '../domain/org/unit-kind.js';

/** A unit of the demo tree; `members` is [min, max] of members drawn for a branch, `ages` their age range. */
export interface DemoUnit {
  code: string;
  name: string;
  kind: string;
  sector: Sector;
  foundedOn: string;
  closedOn?: string;
  successor?: string;
  powers?: UnitPower[];
  children?: DemoUnit[];
  members?: [number, number];
  ages?: [number, number];
}

const MERGER_2025 = '2025-07-01';

function branches(
  prefix: string,
  names: readonly string[],
  sector: Sector,
  members: [number, number],
  ages: [number, number],
  foundedOn = MERGER_2025,
): DemoUnit[] {
  return names.map((name, i) => ({
    code: `${prefix}${i + 1}`,
    name: `Chi đoàn ${name}`,
    kind: 'branch',
    sector,
    foundedOn,
    members,
    ages,
  }));
}

const RESIDENT: [number, number] = [16, 30];

/** The demo: Đà Nẵng after the 2025 structure (with the closed district level in history), Lâm Đồng with a district level. */
export const DEMO_TREE: DemoUnit = {
  code: 'TW',
  name: 'Trung ương Đoàn TNCS Hồ Chí Minh',
  kind: 'centre',
  sector: 'other',
  foundedOn: '1931-03-26',
  children: [
    {
      code: 'DNG',
      name: 'Thành đoàn Đà Nẵng',
      kind: 'province',
      sector: 'other',
      foundedOn: '1975-03-29',
      children: [
        {
          code: 'QHC',
          name: 'Quận đoàn Hải Châu',
          kind: 'district',
          sector: 'residential',
          foundedOn: '1997-01-01',
          closedOn: MERGER_2025,
          children: [
            {
              code: 'HC1',
              name: 'Đoàn phường Hải Châu I',
              kind: 'grassroots',
              sector: 'residential',
              foundedOn: '1997-01-01',
              closedOn: MERGER_2025,
              successor: 'HCH',
            },
            {
              code: 'PNI',
              name: 'Đoàn phường Phước Ninh',
              kind: 'grassroots',
              sector: 'residential',
              foundedOn: '1997-01-01',
              closedOn: MERGER_2025,
              successor: 'HCH',
            },
          ],
        },
        {
          code: 'HCH',
          name: 'Đoàn phường Hải Châu',
          kind: 'grassroots',
          sector: 'residential',
          foundedOn: MERGER_2025,
          children: [
            {
              code: 'TDP1',
              name: 'Chi đoàn Tổ dân phố 1',
              kind: 'branch',
              sector: 'residential',
              foundedOn: MERGER_2025,
              members: [18, 22],
              ages: RESIDENT,
            },
            ...branches(
              'TDP',
              ['Tổ dân phố 2', 'Tổ dân phố 3', 'Tổ dân phố 4', 'Tổ dân phố 5', 'Tổ dân phố 6', 'Tổ dân phố 7'],
              'residential',
              [6, 24],
              RESIDENT,
            ).map((b, i) => ({ ...b, code: `TDP${i + 2}` })),
          ],
        },
        {
          code: 'HAN',
          name: 'Đoàn phường Hội An',
          kind: 'grassroots',
          sector: 'residential',
          foundedOn: MERGER_2025,
          children: branches(
            'KP',
            ['khối phố Cẩm Phô', 'khối phố Minh An', 'khối phố Sơn Phong', 'khối phố Tân An', 'khối phố Thanh Hà'],
            'residential',
            [8, 26],
            RESIDENT,
          ),
        },
        {
          code: 'NTH',
          name: 'Đoàn xã Núi Thành',
          kind: 'grassroots',
          sector: 'residential',
          foundedOn: MERGER_2025,
          powers: ['approves_admission'],
          children: branches(
            'NT-THON',
            ['thôn Tây Sơn', 'thôn Đông Tân', 'thôn Phú Quý', 'thôn Hòa Bình', 'thôn Thuận An', 'thôn Trung Toàn'],
            'residential',
            [5, 20],
            RESIDENT,
          ),
        },
        {
          code: 'PCT',
          name: 'Đoàn trường THPT Phan Châu Trinh',
          kind: 'grassroots',
          sector: 'school',
          foundedOn: '1952-09-15',
          children: branches(
            'L',
            ['10A1', '10A2', '10A3', '11A1', '11A2', '11A3', '12A1', '12A2', '12A3'],
            'school',
            [26, 38],
            [16, 18],
            '2024-09-05',
          ),
        },
        {
          code: 'DHBK',
          name: 'Đoàn trường Đại học Bách khoa',
          kind: 'grassroots',
          sector: 'school',
          foundedOn: '1975-10-01',
          powers: ['approves_admission'],
          children: [
            {
              code: 'LCD-CNTT',
              name: 'Liên chi đoàn Khoa Công nghệ thông tin',
              kind: 'sub_grassroots',
              sector: 'school',
              foundedOn: '2004-09-01',
              children: branches(
                'CNTT',
                ['23T_DT1', '23T_DT2', '24T_Nhat1', '25T_KHDL'],
                'school',
                [30, 45],
                [18, 23],
                '2023-09-05',
              ),
            },
            {
              code: 'LCD-DIEN',
              name: 'Liên chi đoàn Khoa Điện',
              kind: 'sub_grassroots',
              sector: 'school',
              foundedOn: '2004-09-01',
              children: branches('DIEN', ['23D1', '24D1', '25D_TDH'], 'school', [28, 40], [18, 23], '2023-09-05'),
            },
          ],
        },
        {
          code: 'HTH',
          name: 'Đoàn cơ sở Tổng Công ty CP Dệt may Hòa Thọ',
          kind: 'grassroots',
          sector: 'enterprise',
          foundedOn: '1998-05-10',
          children: branches(
            'NM',
            ['Nhà máy May 1', 'Nhà máy May 2', 'Nhà máy Sợi', 'Khối Văn phòng'],
            'enterprise',
            [25, 55],
            [18, 30],
            '2010-01-01',
          ),
        },
        {
          code: 'BVDN',
          name: 'Chi đoàn cơ sở Bệnh viện Đà Nẵng',
          kind: 'grassroots_branch',
          sector: 'state_agency',
          foundedOn: '2001-03-26',
          members: [25, 35],
          ages: [23, 30],
        },
        {
          code: 'BCHQS',
          name: 'Đoàn cơ sở Bộ Chỉ huy Quân sự thành phố',
          kind: 'grassroots',
          sector: 'armed_forces',
          foundedOn: '1976-01-01',
          children: branches(
            'QS',
            ['Ban Tham mưu', 'Đại đội Bộ binh 1', 'Đại đội Thông tin'],
            'armed_forces',
            [20, 35],
            [18, 26],
            '2015-01-01',
          ),
        },
      ],
    },
    {
      code: 'LDG',
      name: 'Tỉnh đoàn Lâm Đồng',
      kind: 'province',
      sector: 'other',
      foundedOn: '1976-02-20',
      children: [
        {
          code: 'HDDT',
          name: 'Huyện đoàn Đức Trọng',
          kind: 'district',
          sector: 'residential',
          foundedOn: '1986-01-01',
          children: [
            {
              code: 'HTH-X',
              name: 'Đoàn xã Hiệp Thạnh',
              kind: 'grassroots',
              sector: 'residential',
              foundedOn: '1990-01-01',
              children: branches(
                'HT-THON',
                ['thôn Phi Nôm', 'thôn Quảng Hiệp', 'thôn Bồng Lai', 'thôn K’Long'],
                'residential',
                [6, 22],
                RESIDENT,
                '1995-01-01',
              ),
            },
            {
              code: 'LNG',
              name: 'Đoàn thị trấn Liên Nghĩa',
              kind: 'grassroots',
              sector: 'residential',
              foundedOn: '1990-01-01',
              children: branches(
                'LN-TDP',
                ['Tổ dân phố 10', 'Tổ dân phố 11', 'Tổ dân phố 12'],
                'residential',
                [8, 20],
                RESIDENT,
                '1995-01-01',
              ),
            },
          ],
        },
        {
          code: 'TDBL',
          name: 'Thành đoàn Bảo Lộc',
          kind: 'district',
          sector: 'residential',
          foundedOn: '1994-01-01',
          children: [
            {
              code: 'P1BL',
              name: 'Đoàn Phường 1',
              kind: 'grassroots',
              sector: 'residential',
              foundedOn: '1994-01-01',
              children: branches(
                'BL-KP',
                ['khu phố 1', 'khu phố 2', 'khu phố 3'],
                'residential',
                [7, 18],
                RESIDENT,
                '1995-01-01',
              ),
            },
            {
              code: 'DLAO',
              name: 'Đoàn xã Đại Lào',
              kind: 'grassroots',
              sector: 'residential',
              foundedOn: '1994-01-01',
              children: branches(
                'DL-THON',
                ['thôn 1', 'thôn 2', 'thôn 3', 'thôn 4'],
                'residential',
                [5, 16],
                RESIDENT,
                '1995-01-01',
              ),
            },
          ],
        },
      ],
    },
  ],
};
