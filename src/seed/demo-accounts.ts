import type { Role } from '../domain/auth/permissions.js';

/** The member record a demo member account is linked to (created with the account, in its branch). */
export interface DemoMemberRecord {
  birthDate: string;
  gender: 'male' | 'female';
  ethnicity: string;
  religion: string;
  cccd: string;
  phone: string;
  residenceProvince: string;
  residenceCommune: string;
  residenceAddress: string;
  hometown: string;
  joinedOn: string;
  admittedAt: string;
  cardNumber: string;
  occupation: string;
}

/** Demo accounts: printed at start, used by the browser journeys. */
export const DEMO_ACCOUNTS: readonly {
  username: string;
  password: string;
  name: string;
  role: Role;
  unitCode: string;
  description: string;
  /** For a member account: the member record it is linked to (self-service). */
  member?: DemoMemberRecord;
}[] = [
  {
    username: 'admin',
    password: 'Admin@2025',
    name: 'Quản trị hệ thống',
    role: 'system_admin',
    unitCode: 'TW',
    description: 'quản trị hệ thống',
  },
  {
    username: 'tinhdoan',
    password: 'Tinhdoan@2025',
    name: 'Trần Thị Thu Hà',
    role: 'unit_admin',
    unitCode: 'DNG',
    description: 'cán bộ Thành đoàn Đà Nẵng (quản trị đơn vị)',
  },
  {
    username: 'xadoan',
    password: 'Xadoan@2025',
    name: 'Lê Văn Hùng',
    role: 'cadre',
    unitCode: 'HCH',
    description: 'cán bộ Đoàn phường Hải Châu',
  },
  {
    username: 'bithu',
    password: 'Bithu@2025',
    name: 'Nguyễn Thị Mai',
    role: 'cadre',
    unitCode: 'TDP1',
    description: 'Bí thư Chi đoàn Tổ dân phố 1',
  },
  {
    username: 'doanvien',
    password: 'Doanvien@2025',
    name: 'Phạm Minh Tuấn',
    role: 'member',
    unitCode: 'TDP1',
    description: 'đoàn viên Chi đoàn Tổ dân phố 1 (hồ sơ của tôi, thẻ điện tử)',
    member: {
      birthDate: '2003-08-15',
      gender: 'male',
      ethnicity: 'Kinh',
      religion: 'Không',
      cccd: '048203000777',
      phone: '0905777123',
      residenceProvince: 'Thành phố Đà Nẵng',
      residenceCommune: 'Phường Hải Châu',
      residenceAddress: '12 Lê Duẩn',
      hometown: 'Điện Bàn, Quảng Nam',
      joinedOn: '2019-03-26',
      admittedAt: 'Chi đoàn Trường THPT Phan Châu Trinh',
      cardNumber: 'DV0099001',
      occupation: 'Kỹ thuật viên',
    },
  },
];
