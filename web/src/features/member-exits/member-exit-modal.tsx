import { App, Alert, Checkbox, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberExitResult } from '../../../../src/contracts/member-exits';
import type { MemberDetail } from '../../../../src/contracts/members';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { memberKeys } from '../members/member-queries';
import { DocumentButton, FormModal } from './procedure-ui';

interface Values {
  reason?: string;
  note?: string;
  date: Dayjs;
  signerName?: string;
  confirmed: boolean;
}

/** "Xóa tên" (a decision of the đoàn cơ sở) or "Báo tử" (a fact), after an explicit confirmation. */
export function MemberExitModal({
  member,
  kind,
  onClose,
}: {
  member: MemberDetail;
  kind: 'removal' | 'death';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const removal = kind === 'removal';
  return (
    <FormModal<Values>
      title={t(removal ? 'memberExit.removeTitle' : 'memberExit.deathTitle', { name: member.fullName })}
      okText={t(removal ? 'memberExit.remove' : 'memberExit.death')}
      danger
      testId={removal ? 'member-remove' : 'member-death'}
      initialValues={{ date: dayjs(), confirmed: false }}
      onSubmit={(v) =>
        api.post<MemberExitResult>(
          `/members/${member.id}/${removal ? 'remove' : 'death'}`,
          removal
            ? { version: member.version, reason: v.reason, decidedOn: toIsoDate(v.date), signerName: v.signerName }
            : { version: member.version, diedOn: toIsoDate(v.date), note: v.note },
        )
      }
      onDone={async (result) => {
        const r = result as MemberExitResult;
        queryClient.setQueryData(memberKeys.detail(member.id), r.member);
        await queryClient.invalidateQueries({ queryKey: memberKeys.all });
        await queryClient.invalidateQueries({ queryKey: ['member-procedure-actions', member.id] });
        if (r.document)
          modal.success({
            title: t('memberExit.removed', { number: r.document.numberText }),
            content: <DocumentButton doc={r.document} />,
          });
      }}
      doneText={(result) =>
        removal
          ? t('memberExit.removed', { number: (result as MemberExitResult).document?.numberText ?? '' })
          : t('memberExit.deceased')
      }
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(removal ? 'memberExit.removeHint' : 'memberExit.deathHint')}
      />
      {removal ? (
        <Form.Item
          name="reason"
          label={t('memberExit.reason')}
          rules={[{ required: true, whitespace: true, message: t('memberExit.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      ) : (
        <Form.Item name="note" label={t('procedures.note')}>
          <Input maxLength={500} />
        </Form.Item>
      )}
      <Form.Item
        name="date"
        label={t(removal ? 'memberExit.decidedOn' : 'memberExit.diedOn')}
        rules={[{ required: true, message: t('memberExit.dateRequired') }]}
      >
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          placeholder={t('common.datePlaceholder')}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      {removal && (
        <Form.Item name="signerName" label={t('procedures.signerName')}>
          <Input maxLength={120} />
        </Form.Item>
      )}
      <Form.Item
        name="confirmed"
        valuePropName="checked"
        rules={[
          {
            validator: (_r, value) =>
              value ? Promise.resolve() : Promise.reject(new Error(t('memberExit.confirmRequired'))),
          },
        ]}
      >
        <Checkbox>{t(removal ? 'memberExit.confirmRemove' : 'memberExit.confirmDeath')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
