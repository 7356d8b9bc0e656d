import { App, Button, Checkbox, Drawer, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CareRecordDetail } from '../../../../src/contracts/care';
import { CARE_CATEGORIES, type CareCategory } from '../../../../src/domain/branch-life/care';
import { BranchPicker } from '../../components/branch-picker';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { MemberSelect, useIsMobile } from '../member-exits/procedure-ui';
import { useRefreshCare } from './care-queries';

interface Values {
  who: 'member' | 'youth';
  memberId?: string;
  unitId?: string;
  fullName?: string;
  birthYear?: number;
  gender?: 'male' | 'female';
  address?: string;
  phone?: string;
  categories: CareCategory[];
  situation?: string;
}

function bodyOf(v: Values, pageUnitId: string) {
  const common = {
    categories: v.categories,
    situation: v.situation ?? '',
    address: v.address ?? '',
    phone: v.phone ?? '',
  };
  if (v.who === 'member') return { ...common, unitId: pageUnitId, memberId: v.memberId };
  return {
    ...common,
    unitId: v.unitId,
    fullName: v.fullName ?? '',
    birthYear: v.birthYear ?? null,
    gender: v.gender ?? null,
  };
}

function editBodyOf(v: Values, record: CareRecordDetail) {
  const common = {
    version: record.version,
    categories: v.categories,
    situation: v.situation ?? '',
    address: v.address ?? '',
    phone: v.phone ?? '',
  };
  if (record.memberId) return common;
  return { ...common, fullName: v.fullName ?? '', birthYear: v.birthYear, gender: v.gender ?? null };
}

/** Adds a member of the unit or a young person to the care list, or edits a record (`record`). */
export function CareFormDrawer({
  unit,
  record,
  onClose,
  onSaved,
}: {
  unit: { id: string; name: string };
  record?: CareRecordDetail;
  onClose: () => void;
  onSaved?: (saved: CareRecordDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const refresh = useRefreshCare();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const who = Form.useWatch('who', form) ?? (record ? (record.memberId ? 'member' : 'youth') : 'youth');
  const save = useMutation({
    mutationFn: (v: Values) =>
      record
        ? api.patch<CareRecordDetail>(`/care-records/${record.id}`, editBodyOf(v, record))
        : api.post<CareRecordDetail>('/care-records', bodyOf(v, unit.id)),
    onMutate: clear,
    onError,
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(record ? t('care.form.edited') : t('care.form.saved', { name: saved.fullName }));
      onSaved?.(saved);
      onClose();
    },
  });
  const initial: Partial<Values> = record
    ? {
        who: record.memberId ? 'member' : 'youth',
        fullName: record.fullName,
        birthYear: record.birthYear ?? undefined,
        gender: record.gender ?? undefined,
        address: record.address ?? undefined,
        phone: record.canWrite ? (record.phone ?? undefined) : undefined,
        categories: record.categories,
        situation: record.situation ?? undefined,
      }
    : { who: 'youth', unitId: unit.id, categories: [] };
  const required = (message: string) => [{ required: true, message }];
  return (
    <Drawer
      open
      title={record ? t('care.form.editTitle') : t('care.form.title')}
      size={isMobile ? '100%' : 560}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <>
          <FormErrorAlert error={error} />
          <Flex gap={8} justify="end">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="care-form-save">
              {record ? t('common.save') : t('care.form.save')}
            </Button>
          </Flex>
        </>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        {!record && (
          <Form.Item name="who" label={t('care.form.whoLabel')}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              <Radio value="youth">{t('care.form.youth')}</Radio>
              <Radio value="member">{t('care.form.member')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        {!record && who === 'member' && (
          <Form.Item name="memberId" label={t('care.form.memberField')} rules={required(t('care.form.memberRequired'))}>
            <MemberSelect unitId={unit.id} />
          </Form.Item>
        )}
        {!record && who === 'youth' && (
          <Form.Item name="unitId" label={t('care.form.unit')} rules={required(t('care.form.unitRequired'))}>
            <BranchPicker known={[unit]} />
          </Form.Item>
        )}
        {who === 'youth' && (
          <>
            <Form.Item name="fullName" label={t('care.form.fullName')} rules={required(t('validation.required'))}>
              <Input maxLength={120} autoComplete="off" />
            </Form.Item>
            <Flex gap={8}>
              <Form.Item
                name="birthYear"
                label={t('care.form.birthYear')}
                extra={t('care.form.birthYearHint')}
                style={{ flex: 1 }}
                rules={required(t('validation.required'))}
              >
                <InputNumber style={{ width: '100%' }} min={1900} max={2200} inputMode="numeric" />
              </Form.Item>
              <Form.Item name="gender" label={t('care.form.gender')} style={{ flex: 1 }}>
                <Select
                  allowClear
                  options={[
                    { value: 'male', label: t('care.form.male') },
                    { value: 'female', label: t('care.form.female') },
                  ]}
                />
              </Form.Item>
            </Flex>
          </>
        )}
        <Form.Item
          name="categories"
          label={t('care.form.categories')}
          rules={required(t('care.form.categoriesRequired'))}
        >
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: isMobile ? '1fr' : '1fr 1fr', gap: 6 }}
            options={CARE_CATEGORIES.map((c) => ({ value: c, label: t(`care.categories.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="situation" label={t('care.form.situation')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="address" label={t('care.form.address')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="phone" label={t('care.form.phone')}>
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
