import { useState } from 'react';
import { Button, Dropdown, Flex, Grid } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FileTextOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { unitDetailOptions, useUnitKinds } from '../units/unit-queries';
import { exportUrl, type MemberFilter } from './member-search';
import { DrawerFilters, InlineFilters, SearchBox } from './member-filters';
import { MemberList } from './member-list';
import { MemberFormDrawer } from './member-form-drawer';

interface Props {
  unitId: string;
  filter: MemberFilter;
  onFilterChange: (filter: MemberFilter) => void;
}

/** "Đoàn viên" tab of a unit: the members of its whole subtree, filters, exports, add and import. */
export function MembersTab({ unitId, filter, onFilterChange }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.md;
  const { data: unit } = useQuery(unitDetailOptions(unitId));
  const { byCode } = useUnitKinds();
  const [creating, setCreating] = useState(false);
  const canWrite = Boolean(unit?.actions.includes('member.write')) && !unit?.closedOn;
  const isBranch = unit ? Boolean(byCode.get(unit.kind)?.isLeaf) : false;

  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="start">
        <Flex gap={8} style={{ flex: '1 1 300px', minWidth: 0 }}>
          <SearchBox filter={filter} onChange={onFilterChange} />
          {isMobile && <DrawerFilters filter={filter} onChange={onFilterChange} />}
        </Flex>
        <Flex wrap gap={8} data-testid="member-toolbar">
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('member.list.add')}
            </Button>
          )}
          {canWrite && (
            <Link to="/units/$unitId/member-import" params={{ unitId }}>
              <Button icon={<UploadOutlined />}>{t('member.list.import')}</Button>
            </Link>
          )}
          {isMobile ? (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'xlsx',
                    icon: <FileExcelOutlined />,
                    label: (
                      <a href={exportUrl('xlsx', unitId, filter)} download>
                        {t('member.list.exportExcel')}
                      </a>
                    ),
                  },
                  {
                    key: 'csv',
                    icon: <FileTextOutlined />,
                    label: (
                      <a href={exportUrl('csv', unitId, filter)} download>
                        {t('member.list.exportCsv')}
                      </a>
                    ),
                  },
                ],
              }}
            >
              <Button icon={<DownloadOutlined />}>{t('member.list.export')}</Button>
            </Dropdown>
          ) : (
            <>
              <Button icon={<FileExcelOutlined />} href={exportUrl('xlsx', unitId, filter)} download>
                {t('member.list.exportExcel')}
              </Button>
              <Button icon={<FileTextOutlined />} href={exportUrl('csv', unitId, filter)} download>
                {t('member.list.exportCsv')}
              </Button>
            </>
          )}
        </Flex>
      </Flex>
      {!isMobile && <InlineFilters filter={filter} onChange={onFilterChange} />}
      <MemberList unitId={unitId} filter={filter} isMobile={isMobile} showUnit={!isBranch} />
      {creating && unit && (
        <MemberFormDrawer
          mode="create"
          defaultBranch={isBranch ? { id: unit.id, name: unit.name } : undefined}
          onClose={() => setCreating(false)}
          onSaved={(saved) => void navigate({ to: '/members/$memberId', params: { memberId: saved.id } })}
        />
      )}
    </>
  );
}
