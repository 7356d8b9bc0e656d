import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TopClassCheck } from '../../../../src/contracts/evaluations';
import { shareText } from './evaluation-labels';

/** "3/5 (60%) xếp loại …, vượt tỷ lệ tối đa 20% (tối đa 1)": the top class against its cap. */
export function topClassText(t: TFunction, check: TopClassCheck): string {
  const values = {
    label: check.label,
    top: check.top,
    total: check.total,
    share: shareText(check.share),
    cap: shareText(check.maxShare),
    allowed: check.allowed,
    excess: check.top - check.allowed,
  };
  return check.over ? t('evaluation.topClass.over', values) : t('evaluation.topClass.within', values);
}

/**
 * The top class against the set's cap: a warning when over it (the decision will refuse it), else, on the board,
 * where it stands. Nothing without a cap.
 */
export function TopClassNotice({ check, always = false }: { check: TopClassCheck | null; always?: boolean }) {
  const { t } = useTranslation();
  if (!check || (!check.over && !always)) return null;
  return (
    <Alert
      type={check.over ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      title={topClassText(t, check)}
      data-testid="top-class-notice"
    />
  );
}
