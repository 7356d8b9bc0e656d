import { AutoComplete, Collapse, Flex, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ReviewCategoryDto } from '../../../../src/contracts/member-reviews';

/** The review categories in the order the server lists them. */
export const CATEGORIES: ReviewCategoryDto[] = [
  'incomplete_data',
  'turns_30',
  'working_away',
  'missed_in_a_row',
  'fee_overdue',
];

/**
 * The usual decisions of a branch, offered as quick choices. They are the wording of the branch's record (stored as
 * written), so they stay in Vietnamese whatever the interface language.
 */
export const QUICK_DECISIONS = [
  'Nhắc nhở',
  'Giao chi ủy theo dõi',
  'Đề nghị làm thủ tục trưởng thành',
  'Đề nghị xóa tên',
] as const;

/** The key of a checklist line (a member may be in several categories). */
export const lineKey = (l: { category: string; memberId: string }) => `${l.category}:${l.memberId}`;

const rowStyle = { padding: '10px 0' } as const;
const divided = { ...rowStyle, borderTop: '1px solid #f0f0f0' } as const;

interface LineProps {
  line: ChecklistItem;
  first: boolean;
  decision: string;
  editable: boolean;
  onChange: (value: string) => void;
}

function ChecklistLine({ line, first, decision, editable, onChange }: LineProps) {
  const { t } = useTranslation();
  return (
    <Flex
      wrap
      gap={8}
      align="center"
      justify="space-between"
      style={first ? rowStyle : divided}
      data-testid="review-line"
    >
      <Flex vertical gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
        <Flex wrap gap={6} align="center">
          <Link to="/members/$memberId" params={{ memberId: line.memberId }} style={{ fontWeight: 500 }}>
            {line.fullName}
          </Link>
          {line.hosted && <Tag color="blue">{t('review.hosted')}</Tag>}
        </Flex>
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {line.detail}
        </Typography.Text>
      </Flex>
      {editable ? (
        <AutoComplete
          value={decision}
          onChange={(v: string) => onChange(v ?? '')}
          options={QUICK_DECISIONS.map((d) => ({ value: d }))}
          placeholder={t('review.decisionPlaceholder')}
          aria-label={`${t('review.decision')}: ${line.fullName}`}
          allowClear
          maxLength={500}
          style={{ flex: '1 1 280px', maxWidth: 440, minWidth: 0 }}
        />
      ) : (
        decision && (
          <Typography.Text style={{ flex: '1 1 280px', maxWidth: 440, overflowWrap: 'anywhere' }}>
            {`${t('review.decision')}: ${decision}`}
          </Typography.Text>
        )
      )}
    </Flex>
  );
}

interface Props {
  checklist: ChecklistItem[];
  missedInARow: number;
  decisions: Record<string, string>;
  editable: boolean;
  onChange: (key: string, value: string) => void;
}

/** The checklist grouped by category, with the number of members in each and a decision per line. */
export function ReviewChecklist({ checklist, missedInARow, decisions, editable, onChange }: Props) {
  const { t } = useTranslation();
  const groups = CATEGORIES.map((category) => ({
    category,
    lines: checklist.filter((l) => l.category === category),
  }));
  return (
    <Collapse
      size="small"
      defaultActiveKey={groups.filter((g) => g.lines.length > 0).map((g) => g.category)}
      items={groups.map(({ category, lines }) => ({
        key: category,
        label: (
          <Flex justify="space-between" gap={8} wrap data-testid={`review-category-${category}`}>
            <span>{t(`review.categories.${category}`, { n: missedInARow })}</span>
            <Tag color={lines.length > 0 ? 'orange' : 'default'}>{t('review.count', { n: lines.length })}</Tag>
          </Flex>
        ),
        children:
          lines.length === 0 ? (
            <Typography.Text type="secondary">{t('review.emptyCategory')}</Typography.Text>
          ) : (
            lines.map((line, index) => (
              <ChecklistLine
                key={lineKey(line)}
                line={line}
                first={index === 0}
                decision={decisions[lineKey(line)] ?? ''}
                editable={editable}
                onChange={(v) => onChange(lineKey(line), v)}
              />
            ))
          ),
      }))}
    />
  );
}
