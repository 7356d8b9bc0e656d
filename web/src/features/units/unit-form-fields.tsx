import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UnitDetail, UnitKindDto } from '../../../../src/contracts/units';
import { SECTORS, UNIT_POWERS, type Sector, type UnitPower } from '../../../../src/domain/org/unit-kind';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { useLabels } from './labels';

/** The values of the unit form, as antd holds them. */
export interface UnitFormValues {
  name: string;
  shortName?: string;
  code: string;
  kind: string;
  sector: Sector;
  powers: UnitPower[];
  address?: string;
  phone?: string;
  email?: string;
  socialUrl?: string;
  foundedOn?: Dayjs | null;
}

/** Form values -> the body fields of POST /units and PATCH /units/:id. */
export function toUnitFields(v: UnitFormValues) {
  return {
    name: v.name,
    shortName: v.shortName ?? '',
    code: v.code.trim(),
    kind: v.kind,
    sector: v.sector,
    powers: v.powers ?? [],
    address: v.address ?? '',
    phone: v.phone ?? '',
    email: v.email ?? '',
    socialUrl: v.socialUrl ?? '',
    foundedOn: toIsoDate(v.foundedOn) ?? null,
  };
}

/** A unit's details -> form values (to edit it). */
export function fromUnit(u: UnitDetail): UnitFormValues {
  return {
    name: u.name,
    shortName: u.shortName ?? '',
    code: u.code,
    kind: u.kind,
    sector: u.sector,
    powers: u.powers,
    address: u.address ?? '',
    phone: u.phone ?? '',
    email: u.email ?? '',
    socialUrl: u.socialUrl ?? '',
    foundedOn: fromIsoDate(u.foundedOn) ?? null,
  };
}

/** The fields of the create and edit forms (single column). */
export function UnitFormFields({ kinds }: { kinds: UnitKindDto[] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <Form.Item
        name="name"
        label={t('unit.fields.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="shortName" label={t('unit.fields.shortName')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('unit.fields.code')}
        extra={t('unit.codeHint')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, message: t('unit.codeInvalid') },
        ]}
      >
        <Input maxLength={40} autoCapitalize="characters" />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('unit.fields.kind')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select options={kinds.map((k) => ({ value: k.code, label: i18n.language === 'en' ? k.nameEn : k.nameVi }))} />
      </Form.Item>
      <Form.Item
        name="sector"
        label={t('unit.fields.sector')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select options={SECTORS.map((s) => ({ value: s, label: labels.sector(s) }))} />
      </Form.Item>
      <Form.Item name="powers" label={t('unit.fields.powers')}>
        <Checkbox.Group options={UNIT_POWERS.map((p) => ({ value: p, label: labels.power(p) }))} />
      </Form.Item>
      <Form.Item name="address" label={t('unit.fields.address')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="phone" label={t('unit.fields.phone')}>
        <Input type="tel" inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('unit.fields.email')}
        rules={[{ type: 'email', message: t('validation.email') }]}
      >
        <Input type="email" inputMode="email" />
      </Form.Item>
      <Form.Item
        name="socialUrl"
        label={t('unit.fields.socialUrl')}
        rules={[{ pattern: /^https?:\/\/\S+$/, message: t('unit.socialUrlInvalid') }]}
      >
        <Input type="url" inputMode="url" placeholder="https://zalo.me/..." />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('unit.fields.foundedOn')}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
      </Form.Item>
    </>
  );
}
