import { Col, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  CARE_FLAGS,
  ETHNIC_GROUPS,
  GENDERS,
  MEMBER_STATUSES,
  RELIGIONS,
  type CareFlag,
  type Gender,
  type MemberStatus,
} from '../../../../src/domain/members/reference-lists';
import { useMemberLabels } from './member-labels';
import type { MemberFilter } from './member-search';

/** The filter form's values (the search text is kept apart). */
export interface FilterValues {
  status?: MemberStatus[];
  gender?: Gender;
  ethnicity?: string;
  religion?: string;
  party?: 'yes' | 'no';
  careFlag?: CareFlag;
  ageMin?: number | null;
  ageMax?: number | null;
  turns30In?: Dayjs | null;
  sort: 'name' | 'birthDate';
}

export function toFilterValues(f: MemberFilter): FilterValues {
  return {
    status: f.status ?? [],
    gender: f.gender,
    ethnicity: f.ethnicity,
    religion: f.religion,
    party: f.partyMember === undefined ? undefined : f.partyMember ? 'yes' : 'no',
    careFlag: f.careFlag,
    ageMin: f.ageMin ?? null,
    ageMax: f.ageMax ?? null,
    turns30In: f.turns30In ? dayjs(`${f.turns30In}-01-01`) : null,
    sort: f.sort ?? 'name',
  };
}

export function fromFilterValues(v: FilterValues, q: string | undefined): MemberFilter {
  const filter: MemberFilter = {
    q: q || undefined,
    status: v.status && v.status.length > 0 ? v.status : undefined,
    gender: v.gender,
    ethnicity: v.ethnicity,
    religion: v.religion,
    partyMember: v.party === undefined ? undefined : v.party === 'yes',
    careFlag: v.careFlag,
    ageMin: v.ageMin ?? undefined,
    ageMax: v.ageMax ?? undefined,
    turns30In: v.turns30In ? v.turns30In.year() : undefined,
    sort: v.sort === 'birthDate' ? 'birthDate' : undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, x]) => x !== undefined)) as MemberFilter;
}

const list = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/**
 * The fields of the member filter (inside a Form of FilterValues).
 * `basic` are shown first; `advanced` only when asked for on desktop (always in the phone drawer).
 */
export function MemberFilterFields({ part, compact }: { part: 'basic' | 'advanced'; compact: boolean }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const col = compact ? { xs: 24 } : { xs: 24, sm: 12, lg: 8, xl: 6 };
  const any = t('member.filters.any');

  if (part === 'basic') {
    return (
      <>
        <Col {...(compact ? col : { xs: 24, sm: 12, lg: 10, xl: 8 })}>
          <Form.Item name="status" label={t('member.fields.status')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('member.filters.statusDefault')}
              options={MEMBER_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            />
          </Form.Item>
        </Col>
        <Col {...(compact ? col : { xs: 24, sm: 12, lg: 6, xl: 4 })}>
          <Form.Item name="sort" label={t('member.filters.sort')}>
            <Select
              options={[
                { value: 'name', label: t('member.filters.sortName') },
                { value: 'birthDate', label: t('member.filters.sortBirthDate') },
              ]}
            />
          </Form.Item>
        </Col>
      </>
    );
  }

  return (
    <>
      <Col {...col}>
        <Form.Item name="gender" label={t('member.fields.gender')}>
          <Select allowClear placeholder={any} options={GENDERS.map((g) => ({ value: g, label: labels.gender(g) }))} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="ethnicity" label={t('member.fields.ethnicity')}>
          <Select allowClear showSearch placeholder={any} options={list(ETHNIC_GROUPS)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="religion" label={t('member.fields.religion')}>
          <Select allowClear showSearch placeholder={any} options={list(RELIGIONS)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="party" label={t('member.fields.partyMember')}>
          <Select
            allowClear
            placeholder={any}
            options={[
              { value: 'yes', label: t('member.filters.partyYes') },
              { value: 'no', label: t('member.filters.partyNo') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="careFlag" label={t('member.fields.careFlags')}>
          <Select
            allowClear
            placeholder={any}
            options={CARE_FLAGS.map((c) => ({ value: c, label: labels.careFlag(c) }))}
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item label={t('member.filters.age')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="ageMin" noStyle>
              <InputNumber
                min={0}
                max={120}
                precision={0}
                inputMode="numeric"
                placeholder={t('member.filters.ageFrom')}
                aria-label={`${t('member.filters.age')} ${t('member.filters.ageFrom')}`}
                style={{ width: '50%' }}
              />
            </Form.Item>
            <Form.Item name="ageMax" noStyle>
              <InputNumber
                min={0}
                max={120}
                precision={0}
                inputMode="numeric"
                placeholder={t('member.filters.ageTo')}
                aria-label={`${t('member.filters.age')} ${t('member.filters.ageTo')}`}
                style={{ width: '50%' }}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="turns30In" label={t('member.filters.turns30In')}>
          <DatePicker picker="year" style={{ width: '100%' }} placeholder={t('member.form.yearPlaceholder')} />
        </Form.Item>
      </Col>
    </>
  );
}
