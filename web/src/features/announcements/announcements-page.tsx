import { useState } from 'react';
import { Button, Flex, Grid, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Forbidden } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { UnitPicker } from '../../components/unit-picker';
import { useCan, useCurrentUser } from '../auth/current-user';
import type { UnitYearSearch } from '../member-exits/procedure-search';
import { unitDetailOptions } from '../units/unit-queries';
import { AnnouncementList } from './announcement-list';
import { ComposeDrawer } from './compose-drawer';
import { MyAnnouncements } from './my-announcements';

/** A cadre's announcements of a unit: the unit picker, the list (sent / received) and "Soạn thông báo". */
function CadreAnnouncements({ search, onSearch }: { search: UnitYearSearch; onSearch: (s: UnitYearSearch) => void }) {
  const { t } = useTranslation();
  const isMobile = !Grid.useBreakpoint().md;
  const canWrite = useCan('member.write');
  const firstRoot = useCurrentUser().scopeRoots[0];
  const unitId = search.unitId ?? firstRoot?.id ?? '';
  const unit = useQuery({ ...unitDetailOptions(unitId), enabled: Boolean(unitId) });
  const [composing, setComposing] = useState(false);
  return (
    <>
      <PageTitle
        title={t('announcement.title')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setComposing(true)}
              data-testid="announcement-compose"
            >
              {t('announcement.compose')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('announcement.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('announcement.unit')}</Typography.Text>
        <div style={{ flex: '1 1 240px', maxWidth: 420 }}>
          <UnitPicker
            aria-label={t('announcement.unit')}
            placeholder={unit.data?.name}
            onChange={(id) => id && onSearch({ ...search, unitId: id })}
          />
        </div>
      </Flex>
      {unitId && <AnnouncementList unitId={unitId} isMobile={isMobile} />}
      {composing && unit.data && (
        <ComposeDrawer unit={{ id: unitId, name: unit.data.name }} onClose={() => setComposing(false)} />
      )}
    </>
  );
}

/** Announcements: cadres see a unit's sent and received ones; a member account sees its own feed. */
export function AnnouncementsPage({
  search,
  onSearch,
}: {
  search: UnitYearSearch;
  onSearch: (next: UnitYearSearch) => void;
}) {
  const { t } = useTranslation();
  const canRead = useCan('member.read');
  const isMember = useCan('self.read');
  if (canRead) return <CadreAnnouncements search={search} onSearch={onSearch} />;
  if (!isMember) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('announcement.title')} />
      <MyAnnouncements />
    </>
  );
}
