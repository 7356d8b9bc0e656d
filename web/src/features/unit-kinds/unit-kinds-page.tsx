import { App, Button, Card, Col, Form, Input, InputNumber, Row, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CreateUnitKindBody, UnitKindDto } from '../../../../src/contracts/units';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCan } from '../auth/current-user';
import { unitKindsOptions, useUnitKinds } from '../units/unit-queries';

function AddKindForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateUnitKindBody>();
  const { error, onError, clear } = useFormError(form);
  const add = useMutation({
    mutationFn: (body: CreateUnitKindBody) => api.post<UnitKindDto>('/unit-kinds', body),
    onMutate: clear,
    onError,
    onSuccess: async (kind) => {
      await queryClient.invalidateQueries({ queryKey: unitKindsOptions.queryKey });
      form.resetFields();
      void message.success(t('unitKind.added', { name: kind.nameVi }));
    },
  });
  const col = { xs: 24, sm: 12, lg: 6 };
  return (
    <Card size="small" title={t('unitKind.addTitle')} style={{ marginBottom: 16 }}>
      <FormErrorAlert error={error} />
      <Form<CreateUnitKindBody>
        form={form}
        layout="vertical"
        initialValues={{ isLeaf: false }}
        onFinish={(v) => add.mutate(v)}
      >
        <Row gutter={12}>
          <Col {...col}>
            <Form.Item
              name="code"
              label={t('unitKind.fields.code')}
              rules={[
                { required: true, message: t('validation.required') },
                { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('unitKind.codeInvalid') },
              ]}
            >
              <Input autoCapitalize="none" maxLength={40} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="nameVi"
              label={t('unitKind.fields.nameVi')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="nameEn"
              label={t('unitKind.fields.nameEn')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Form.Item
              name="rank"
              label={t('unitKind.fields.rank')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Form.Item
              name="isLeaf"
              label={t('unitKind.fields.isLeaf')}
              tooltip={t('unitKind.isLeafHint')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
          {t('unitKind.add')}
        </Button>
      </Form>
    </Card>
  );
}

/** Loại đơn vị: the level kinds of the tree, and adding one (system administrators). */
export function UnitKindsPage() {
  const { t } = useTranslation();
  const canManage = useCan('unitKind.manage');
  const { kinds, isPending, error, refetch } = useUnitKinds();
  if (!canManage) return <Forbidden />;
  if (error) return <PageError error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle title={t('nav.unitKinds')} />
      <AddKindForm />
      <Table<UnitKindDto>
        rowKey="code"
        size="small"
        loading={isPending}
        dataSource={[...kinds].sort((a, b) => a.rank - b.rank)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'rank', title: t('unitKind.fields.rank'), dataIndex: 'rank' },
          { key: 'code', title: t('unitKind.fields.code'), dataIndex: 'code' },
          { key: 'nameVi', title: t('unitKind.fields.nameVi'), dataIndex: 'nameVi' },
          { key: 'nameEn', title: t('unitKind.fields.nameEn'), dataIndex: 'nameEn' },
          {
            key: 'isLeaf',
            title: t('unitKind.fields.isLeaf'),
            render: (_, k) => (k.isLeaf ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
          },
        ]}
      />
    </>
  );
}
