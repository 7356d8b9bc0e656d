import type { Role } from '../domain/auth/permissions.js';

/** Demo accounts: printed at start, used by the browser journeys. */
export const DEMO_ACCOUNTS: readonly {
  username: string;
  password: string;
  name: string;
  role: Role;
  unitCode: string;
  description: string;
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
];
