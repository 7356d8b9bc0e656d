import { Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '../../../../src/contracts/audit';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { UnitPicker } from '../../components/unit-picker';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, useAuditLabels } from './audit-labels';

interface Values {
  unitId?: string;
  entity?: string;
  action?: string;
  actor?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

export type AuditFilter = Omit<AuditQuery, 'limit' | 'cursor'>;

/** Unit, entity, action, actor and a date range (two pickers: a range picker does not fit a phone). */
export function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = useAuditLabels();
  const submit = (v: Values) =>
    onChange({
      unitId: v.unitId || undefined,
      entity: v.entity?.trim() || undefined,
      action: v.action?.trim() || undefined,
      actor: v.actor?.trim() || undefined,
      from: toIsoDate(v.from),
      to: toIsoDate(v.to),
    });
  const col = { xs: 24, sm: 12, lg: 8 };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="audit-filters">
      <Row gutter={12}>
        <Col {...col}>
          <Form.Item name="unitId" label={t('audit.fields.unit')}>
            <UnitPicker includeClosed />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="entity" label={t('audit.fields.entity')}>
            <Select
              allowClear
              placeholder={t('audit.any')}
              options={AUDIT_ENTITIES.map((e) => ({ value: e, label: labels.entity(e) }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="action" label={t('audit.fields.action')}>
            <Select
              allowClear
              placeholder={t('audit.any')}
              options={AUDIT_ACTIONS.map((a) => ({ value: a, label: labels.action(a) }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="actor" label={t('audit.fields.actor')}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Form.Item name="from" label={t('audit.from')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Form.Item name="to" label={t('audit.to')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('audit.apply')}
        </Button>{' '}
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('audit.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
