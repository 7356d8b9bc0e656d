import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Statistic,
  Typography,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { BranchFees, CollectFeesBody, FeeCollection } from '../../../../src/contracts/fees';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api, errorMessage } from '../../lib/api';
import { DATE_FORMAT, toIsoDate, todayIso } from '../../lib/dates';
import { useIsMobile } from '../member-exits/procedure-ui';
import { money, monthsOfYear, monthText, quoteOptions, useRefreshFees } from './fees-api';

interface Props {
  data: BranchFees;
  memberIds: string[];
  onClose: () => void;
  onDone: () => void;
}

/** The years whose months can be chosen: the page's year and the ones around the current month. */
function yearChoices(data: BranchFees): number[] {
  const now = Number(data.currentMonth.slice(0, 4));
  return [...new Set([data.year, now - 1, now, now + 1])].sort();
}

/** Records a collection: members, months (any year), date, with the amount quoted by the server before saving. */
export function CollectDrawer({ data, memberIds, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const refresh = useRefreshFees();
  const [members, setMembers] = useState<string[]>(memberIds);
  const [months, setMonths] = useState<string[]>([]);
  const [year, setYear] = useState(data.year);
  const [collectedOn, setCollectedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const body: CollectFeesBody | null =
    members.length > 0 && months.length > 0
      ? {
          unitId: data.unit.id,
          collectedOn,
          items: members.map((memberId) => ({ memberId, months: [...months].sort() })),
          note: note || undefined,
        }
      : null;
  const quote = useQuery(quoteOptions(body));
  const save = useMutation({
    mutationFn: () => api.post<FeeCollection>('/fees/payments', body),
    onSuccess: async (result) => {
      await refresh();
      void message.success(t('fee.saved', { n: result.lines.length, amount: money(result.total) }));
      onDone();
    },
  });
  const shown = monthsOfYear(year);
  const toggle = (month: string, on: boolean) =>
    setMonths((prev) => (on ? [...prev, month] : prev.filter((m) => m !== month)));
  return (
    <Drawer
      open
      title={t('fee.collectTitle')}
      onClose={onClose}
      width={isMobile ? '100%' : 520}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={!quote.data || Boolean(quote.error)}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="fee-save"
          >
            {t('fee.save')}
          </Button>
        </Flex>
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('fee.members')} htmlFor="fee-members">
          <Select
            id="fee-members"
            mode="multiple"
            aria-label={t('fee.members')}
            value={members}
            onChange={setMembers}
            optionFilterProp="label"
            options={data.members.map((m) => ({
              value: m.memberId,
              label: `${m.fullName} (${m.paidUpTo ? monthText(m.paidUpTo) : t('fee.never')})`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('fee.months')}>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('fee.monthsYear')}</Typography.Text>
            <Select<number>
              size="small"
              aria-label={t('fee.monthsYear')}
              value={year}
              onChange={setYear}
              options={yearChoices(data).map((y) => ({ value: y, label: String(y) }))}
              style={{ width: 90 }}
            />
          </Flex>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 6 }}>
            {shown.map((m) => (
              <Checkbox key={m} checked={months.includes(m)} onChange={(e) => toggle(m, e.target.checked)}>
                {monthText(m)}
              </Checkbox>
            ))}
          </div>
          {months.length > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
              {[...months].sort().map(monthText).join(', ')}
            </Typography.Text>
          )}
        </Form.Item>
        <Form.Item label={t('fee.collectedOn')} htmlFor="fee-collected-on">
          <DatePicker
            id="fee-collected-on"
            format={DATE_FORMAT}
            allowClear={false}
            value={dayjs(collectedOn)}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => setCollectedOn(toIsoDate(d) ?? todayIso())}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label={t('fee.note')} htmlFor="fee-note">
          <Input id="fee-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      {!body ? (
        <Typography.Text type="secondary">{t('fee.chooseToQuote')}</Typography.Text>
      ) : quote.error ? (
        <Alert type="error" showIcon title={errorMessage(quote.error)} data-testid="fee-quote-error" />
      ) : (
        quote.data && (
          <Statistic
            title={`${t('fee.total')} · ${t('fee.lines', { n: quote.data.lines.length })}`}
            value={money(quote.data.total)}
            data-testid="fee-quote"
          />
        )
      )}
      {save.error && <FormErrorAlert error={save.error} />}
    </Drawer>
  );
}
