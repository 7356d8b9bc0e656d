import { Col, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS, ETHNIC_GROUPS, GENDERS, RELIGIONS } from '../../../../src/domain/members/reference-lists';
import { CANDIDATE_SOURCES, INTRODUCER_KINDS } from '../../../../src/domain/workflows/admission';
import { BranchPicker } from '../../components/branch-picker';
import { DATE_FORMAT } from '../../lib/dates';
import { useMemberLabels } from '../members/member-labels';
import { DateField, FormSection, full, half, options, TextField } from '../members/member-form-personal';
import { MemberPicker } from './member-picker';

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** The branch (create only), identity and personal record of a candidate. */
export function CandidatePersonalFields({
  branchPicker,
  known,
}: {
  branchPicker: boolean;
  known: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const f = labels.field;
  return (
    <FormSection title={t('admission.sections.personal')}>
      {branchPicker && (
        <Col {...full}>
          <Form.Item
            name="unitId"
            label={t('admission.fields.unit')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <BranchPicker known={known} />
          </Form.Item>
        </Col>
      )}
      <Col {...full}>
        <Form.Item name="fullName" label={f('fullName')} rules={required(t('validation.required'))}>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="birthDate"
          label={f('birthDate')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="gender" label={f('gender')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            placeholder={t('admission.form.selectPlaceholder')}
            options={GENDERS.map((g) => ({ value: g, label: labels.gender(g) }))}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="cccd" label={f('cccd')} rules={required(t('validation.required'))}>
          <Input inputMode="numeric" maxLength={20} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="phone" label={f('phone')}>
          <Input type="tel" inputMode="tel" maxLength={20} />
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
        <Form.Item name="email" label={f('email')}>
          <Input type="email" inputMode="email" maxLength={200} />
        </Form.Item>
      </Col>
      <TextField name="hometown" label={f('hometown')} max={300} />
      <TextField name="permanentAddress" label={f('permanentAddress')} max={300} span={full} />
      <TextField name="residenceAddress" label={f('residenceAddress')} max={300} span={full} />
      <Col {...half}>
        <Form.Item name="educationLevel" label={f('educationLevel')}>
          <Select allowClear options={options(EDUCATION_LEVELS)} />
        </Form.Item>
      </Col>
      <TextField name="occupation" label={f('occupation')} max={120} />
      <TextField name="schoolClass" label={f('schoolClass')} max={120} />
      <TextField name="workplace" label={f('workplace')} max={200} />
      <TextField name="pioneerHistory" label={f('pioneerHistory')} max={300} span={full} />
    </FormSection>
  );
}

/** Application, awareness course, introducer and "1+1" recruiter. */
export function CandidateProcedureFields({
  branchId,
  scopeUnitId,
  known,
}: {
  branchId?: string;
  scopeUnitId?: string;
  known: { introducer: { id: string; name: string } | null; recruiter: { id: string; name: string } | null };
}) {
  const { t } = useTranslation();
  const kind = Form.useWatch('introducerKind');
  return (
    <>
      <FormSection title={t('admission.sections.application')}>
        <Col {...half}>
          <Form.Item
            name="source"
            label={t('admission.fields.source')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={CANDIDATE_SOURCES.map((s) => ({ value: s, label: t(`admission.sources.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="applicationDate"
            label={t('admission.fields.applicationDate')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
          </Form.Item>
        </Col>
      </FormSection>
      <FormSection title={t('admission.sections.course')}>
        <Col {...full}>
          <Form.Item name="courseName" label={t('admission.fields.courseName')} extra={t('admission.form.courseHint')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <TextField name="courseCertificateNo" label={t('admission.fields.courseCertificateNo')} max={50} />
        <DateField name="courseCompletedOn" label={t('admission.fields.courseCompletedOn')} />
      </FormSection>
      <FormSection title={t('admission.sections.introducer')}>
        <Col {...full}>
          <Form.Item name="introducerKind" label={t('admission.fields.introducerKind')}>
            <Select
              allowClear
              placeholder={t('admission.form.selectPlaceholder')}
              options={INTRODUCER_KINDS.map((k) => ({ value: k, label: t(`admission.introducerKinds.${k}`) }))}
            />
          </Form.Item>
        </Col>
        {kind === 'member' && (
          <>
            <Col {...half}>
              <Form.Item
                name="introducerMemberId"
                label={t('admission.fields.introducerMember')}
                extra={t('admission.form.introducerHint')}
              >
                <MemberPicker unitId={branchId} known={known.introducer} />
              </Form.Item>
            </Col>
            <DateField name="introducerKnownSince" label={t('admission.fields.introducerKnownSince')} />
          </>
        )}
        {(kind === 'pioneer_squad' || kind === 'federation_chapter') && (
          <TextField name="introducerName" label={t('admission.fields.introducerName')} max={200} span={full} />
        )}
        <Col {...full}>
          <Form.Item name="recruiterMemberId" label={t('admission.fields.recruiter')}>
            <MemberPicker unitId={scopeUnitId} known={known.recruiter} />
          </Form.Item>
        </Col>
      </FormSection>
    </>
  );
}
