import { Checkbox, Col, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { CARE_FLAGS, EDUCATION_LEVELS, MEMBER_STATUSES } from '../../../../src/domain/members/reference-lists';
import { BranchPicker } from '../../components/branch-picker';
import { useMemberLabels } from './member-labels';
import { DateField, FormSection, full, half, options, TextField } from './member-form-personal';

/** "Đoàn": branch, joining, card, position, Young Pioneer history. */
export function UnionFields({ knownBranches }: { knownBranches: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const f = useMemberLabels().field;
  return (
    <FormSection title={t('member.sections.union')}>
      <Col {...full}>
        <Form.Item name="unitId" label={f('unitId')} rules={[{ required: true, message: t('validation.required') }]}>
          <BranchPicker known={knownBranches} />
        </Form.Item>
      </Col>
      <DateField name="joinedOn" label={f('joinedOn')} />
      <TextField name="admittedAt" label={f('admittedAt')} max={200} />
      <TextField name="cardNumber" label={f('cardNumber')} max={30} />
      <DateField name="cardIssuedOn" label={f('cardIssuedOn')} />
      <TextField name="position" label={f('position')} max={100} />
      <TextField name="pioneerHistory" label={f('pioneerHistory')} max={300} />
    </FormSection>
  );
}

/** "Xã hội": education, work, Party membership. */
export function SocialFields() {
  const { t } = useTranslation();
  const f = useMemberLabels().field;
  const party = Form.useWatch<boolean>('partyMember');
  return (
    <FormSection title={t('member.sections.social')}>
      <Col {...half}>
        <Form.Item name="educationLevel" label={f('educationLevel')}>
          <Select allowClear options={options(EDUCATION_LEVELS)} placeholder={t('member.form.selectPlaceholder')} />
        </Form.Item>
      </Col>
      <TextField name="qualification" label={f('qualification')} max={120} />
      <TextField name="occupation" label={f('occupation')} max={120} />
      <TextField name="schoolClass" label={f('schoolClass')} max={120} />
      <TextField name="workplace" label={f('workplace')} max={200} span={full} />
      <Col {...half}>
        <Form.Item name="partyMember" label={f('partyMember')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      {party && <DateField name="partyJoinedOn" label={f('partyJoinedOn')} />}
    </FormSection>
  );
}

/** "Quản lý, quan tâm": status, where the member went, care groups, circumstances and the support plan. */
export function CareFields() {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const f = labels.field;
  return (
    <FormSection title={t('member.sections.care')}>
      <Col {...full}>
        <Form.Item name="status" label={f('status')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={MEMBER_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))} />
        </Form.Item>
      </Col>
      <TextField name="awayPlace" label={f('awayPlace')} max={200} />
      <DateField name="awaySince" label={f('awaySince')} />
      <Col {...full}>
        <Form.Item name="careFlags" label={f('careFlags')}>
          <Checkbox.Group options={CARE_FLAGS.map((c) => ({ value: c, label: labels.careFlag(c) }))} />
        </Form.Item>
      </Col>
      <Col {...full}>
        <Form.Item name="careNote" label={f('careNote')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </Col>
      <Col {...full}>
        <Form.Item name="helpPlan" label={f('helpPlan')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </Col>
    </FormSection>
  );
}
