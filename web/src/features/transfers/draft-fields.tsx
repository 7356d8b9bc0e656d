import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TransferDetail } from '../../../../src/contracts/transfers';
import { DestinationPicker } from './destination-picker';

/** The values of the external transfer form. */
export interface DraftValues {
  toGrassrootsId?: string | null;
  destinationText?: string;
  reason?: string;
  branchComment?: string;
  feePaidUntil?: Dayjs | null;
}

/** The request fields from the form values ("yyyy-mm" for the fee month). */
export function toDraftFields(v: DraftValues) {
  return {
    toGrassrootsId: v.toGrassrootsId ?? null,
    destinationText: v.destinationText ?? '',
    reason: v.reason ?? '',
    branchComment: v.branchComment ?? '',
    feePaidUntil: v.feePaidUntil ? v.feePaidUntil.format('YYYY-MM') : null,
  };
}

/** The form values of a draft being edited. */
export function fromDraft(d: TransferDetail): DraftValues {
  return {
    toGrassrootsId: d.toGrassroots?.id ?? null,
    destinationText: d.destinationText ?? '',
    reason: d.reason ?? '',
    branchComment: d.branchComment ?? '',
    feePaidUntil: d.feePaidUntil ? dayjs(`${d.feePaidUntil}-01`) : null,
  };
}

/** Where to, why, the branch's comment and the fee month of an external transfer. */
export function DraftFields({ known }: { known?: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="toGrassrootsId"
        label={t('transfer.fields.toGrassroots')}
        extra={t('transfer.start.destinationHint')}
      >
        <DestinationPicker level="grassroots" known={known} />
      </Form.Item>
      <Form.Item name="destinationText" label={t('transfer.fields.destinationText')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="reason" label={t('transfer.fields.reason')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="branchComment" label={t('transfer.fields.branchComment')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="feePaidUntil" label={t('transfer.fields.feePaidUntil')}>
        <DatePicker
          picker="month"
          format="MM/YYYY"
          style={{ width: '100%' }}
          placeholder={t('transfer.start.monthPlaceholder')}
        />
      </Form.Item>
    </>
  );
}
