import type { ReactNode } from 'react';
import { Col, DatePicker, Divider, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ETHNIC_GROUPS, GENDERS, RELIGIONS } from '../../../../src/domain/members/reference-lists';
import { DATE_FORMAT } from '../../lib/dates';
import { useMemberLabels } from './member-labels';

export const half = { xs: 24, md: 12 };
export const full = { xs: 24 };

/** A titled group of fields in two columns (one on phones). */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 8 }}>
        {title}
      </Divider>
      <Row gutter={16}>{children}</Row>
    </>
  );
}

export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** A date field shown as dd/mm/yyyy. */
export function DateField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Col {...half}>
      <Form.Item name={name} label={label}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
      </Form.Item>
    </Col>
  );
}

/** A one-line text field. */
export function TextField({
  name,
  label,
  max,
  span = half,
}: {
  name: string;
  label: string;
  max: number;
  span?: object;
}) {
  return (
    <Col {...span}>
      <Form.Item name={name} label={label}>
        <Input maxLength={max} />
      </Form.Item>
    </Col>
  );
}

/** "Lý lịch": name, birth, gender, ethnicity, religion, identity and addresses. */
export function PersonalFields() {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const yearOnly = Form.useWatch<boolean>('birthYearOnly');
  const f = labels.field;
  return (
    <FormSection title={t('member.sections.personal')}>
      <Col {...full}>
        <Form.Item
          name="fullName"
          label={f('fullName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="birthDate" label={yearOnly ? f('birthYear') : f('birthDate')}>
          <DatePicker
            picker={yearOnly ? 'year' : 'date'}
            format={yearOnly ? 'YYYY' : DATE_FORMAT}
            style={{ width: '100%' }}
            placeholder={yearOnly ? t('member.form.yearPlaceholder') : t('common.datePlaceholder')}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="birthYearOnly" label={f('birthYearOnly')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="gender" label={f('gender')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            placeholder={t('member.form.selectPlaceholder')}
            options={GENDERS.map((g) => ({ value: g, label: labels.gender(g) }))}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ethnicity" label={f('ethnicity')}>
          <Select allowClear showSearch options={options(ETHNIC_GROUPS)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="religion" label={f('religion')}>
          <Select allowClear showSearch options={options(RELIGIONS)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="cccd" label={f('cccd')}>
          <Input inputMode="numeric" maxLength={20} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="phone" label={f('phone')}>
          <Input type="tel" inputMode="tel" maxLength={20} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label={f('email')}>
          <Input type="email" inputMode="email" maxLength={200} />
        </Form.Item>
      </Col>
      <TextField name="hometown" label={f('hometown')} max={300} span={full} />
      <TextField name="permanentProvince" label={f('permanentProvince')} max={80} />
      <TextField name="permanentCommune" label={f('permanentCommune')} max={80} />
      <TextField name="permanentAddress" label={f('permanentAddress')} max={300} span={full} />
      <TextField name="residenceProvince" label={f('residenceProvince')} max={80} />
      <TextField name="residenceCommune" label={f('residenceCommune')} max={80} />
      <TextField name="residenceAddress" label={f('residenceAddress')} max={300} span={full} />
    </FormSection>
  );
}
