import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, List, Switch, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BranchDesignations } from '../../../../src/contracts/branch-indicators';
import type { DesignationKindName } from '../../../../src/domain/branch-life/indicator-designations';
import { api, errorMessage } from '../../lib/api';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/dates';
import { designationsOptions } from './indicator-queries';

const KINDS: DesignationKindName[] = ['pilot', 'remote'];

/** The designation switches (pilot, remote) with their history; changes for those allowed. */
export function DesignationPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const data = useQuery(designationsOptions(unitId));
  const [editing, setEditing] = useState<DesignationKindName | null>(null);
  const [form] = Form.useForm<{ date: import('dayjs').Dayjs; note?: string }>();
  const openOf = (kind: DesignationKindName) => data.data?.items.find((d) => d.kind === kind && !d.validTo);
  const save = useMutation({
    mutationFn: async (values: { date: import('dayjs').Dayjs; note?: string }) => {
      const kind = editing!;
      const open = openOf(kind);
      const date = toIsoDate(values.date);
      return open
        ? api.post<BranchDesignations>(`/units/${unitId}/designations/${open.id}/end`, { validTo: date })
        : api.post<BranchDesignations>(`/units/${unitId}/designations`, { kind, validFrom: date, note: values.note });
    },
    onSuccess: (next) => {
      client.setQueryData(designationsOptions(unitId).queryKey, next);
      void client.invalidateQueries({ queryKey: ['branch-book', unitId] });
      void message.success(t('indicator.book.designation.saved'));
      setEditing(null);
      form.resetFields();
    },
  });
  if (data.error) return <Alert type="error" showIcon title={errorMessage(data.error)} />;
  if (!data.data) return null;
  const can = data.data.canManage;
  return (
    <>
      {can.length === 0 && (
        <Alert type="info" showIcon title={t('indicator.book.designation.readOnly')} style={{ marginBottom: 12 }} />
      )}
      {KINDS.map((kind) => {
        const open = openOf(kind);
        return (
          <div key={kind} style={{ marginBottom: 12 }}>
            <Flex gap={8} align="center" wrap>
              <Switch
                checked={Boolean(open)}
                disabled={!can.includes(kind)}
                onChange={() => {
                  save.reset();
                  setEditing(kind);
                }}
                data-testid={`designation-${kind}`}
                aria-label={t(`indicator.book.designation.${kind}Switch`)}
              />
              <Typography.Text>{t(`indicator.book.designation.${kind}Switch`)}</Typography.Text>
              {open && <Tag color="green">{formatDate(open.validFrom)}</Tag>}
            </Flex>
            {editing === kind && (
              <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ marginTop: 8 }}>
                {save.error && (
                  <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 8 }} />
                )}
                <Form.Item
                  name="date"
                  label={open ? t('indicator.book.designation.to') : t('indicator.book.designation.from')}
                  rules={[{ required: true, message: t('indicator.book.designation.from') }]}
                >
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%', maxWidth: 240 }} />
                </Form.Item>
                {!open && (
                  <Form.Item name="note" label={t('indicator.book.designation.note')}>
                    <Input maxLength={500} />
                  </Form.Item>
                )}
                <Flex gap={8}>
                  <Button type="primary" htmlType="submit" loading={save.isPending}>
                    {t('indicator.book.designation.save')}
                  </Button>
                  <Button onClick={() => setEditing(null)}>{t('indicator.book.designation.cancel')}</Button>
                </Flex>
              </Form>
            )}
          </div>
        );
      })}
      <Typography.Title level={5}>{t('indicator.book.designation.history')}</Typography.Title>
      <List
        size="small"
        dataSource={data.data.items}
        locale={{ emptyText: t('indicator.book.designation.none') }}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta
              title={t(`indicator.book.designation.${d.kind}`)}
              description={
                <>
                  {t('indicator.book.designation.range', {
                    from: formatDate(d.validFrom),
                    to: d.validTo ? formatDate(d.validTo) : t('indicator.book.designation.holds'),
                  })}
                  {d.note && <div>{d.note}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
