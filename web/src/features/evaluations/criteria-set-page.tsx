import { useState } from 'react';
import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, CopyOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCan } from '../auth/current-user';
import { criteriaSetOptions } from './evaluation-api';
import { programmeLabel } from './evaluation-labels';
import { CopyCriteriaSetModal } from './criteria-set-copy';
import { CriteriaSetEditForm } from './criteria-set-edit';
import { FrozenTag, validityText } from './criteria-sets-page';
import { CriteriaSetView } from './criteria-set-view';

/** One criteria set: criteria → items and classes; a system administrator edits a set no cycle uses yet. */
export function CriteriaSetPage({ setId }: { setId: string }) {
  const { t } = useTranslation();
  const isSystemAdmin = useCan('rules.manage');
  const [editing, setEditing] = useState(false);
  const [copying, setCopying] = useState(false);
  const query = useQuery(criteriaSetOptions(setId));
  const set = query.data;
  if (query.error) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  if (!set) return <Skeleton active paragraph={{ rows: 10 }} />;
  const canEdit = isSystemAdmin && !set.frozen;
  return (
    <>
      <Link to="/evaluations/criteria-sets">
        <ArrowLeftOutlined /> {t('evaluation.set.back')}
      </Link>
      <PageTitle
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="set-title">{programmeLabel(t, set.programme, set.title)}</span>
            <FrozenTag frozen={set.frozen} />
          </Flex>
        }
        extra={
          isSystemAdmin &&
          !editing && (
            <Flex gap={8} wrap>
              {canEdit && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="set-edit">
                  {t('evaluation.set.edit')}
                </Button>
              )}
              <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} data-testid="set-copy">
                {t('evaluation.set.copy')}
              </Button>
            </Flex>
          )
        }
      />
      {copying && <CopyCriteriaSetModal set={set} onClose={() => setCopying(false)} />}
      <Typography.Paragraph type="secondary">
        {set.title} · {validityText(t, set)}
      </Typography.Paragraph>
      {isSystemAdmin && set.frozen && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('evaluation.set.frozenHint')} />
      )}
      {editing ? (
        <CriteriaSetEditForm
          key={set.version}
          set={set}
          onDone={() => {
            setEditing(false);
            void query.refetch();
          }}
        />
      ) : (
        <CriteriaSetView set={set} />
      )}
    </>
  );
}
