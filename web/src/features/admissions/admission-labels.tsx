import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdmissionStatus } from '../../../../src/domain/workflows/admission';

/** Tag colours of the steps: blue while under way, green once admitted, grey or red when closed. */
export const ADMISSION_COLORS: Record<AdmissionStatus, string> = {
  applied: 'blue',
  voted: 'geekblue',
  approved: 'gold',
  admitted: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** A candidate's step as a coloured tag. */
export function AdmissionStatusTag({ status }: { status: AdmissionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ADMISSION_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="admission-status">
      {t(`admission.statuses.${status}`)}
    </Tag>
  );
}
