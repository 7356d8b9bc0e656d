import { App, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberCards } from '../../../../src/contracts/member-cards';
import type { CardAction, ReissueCause } from '../../../../src/domain/workflows/member-card';
import { api } from '../../lib/api';
import { toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { memberKeys } from '../members/member-queries';
import { PastDateField } from '../admissions/date-field';
import { StepError } from '../admissions/step-error';
import { cardKeys } from './card-queries';

interface Values {
  date?: Dayjs;
  cause?: ReissueCause;
  reason?: string;
}

/** Issue, reissue or revoke a member's card in a modal form. */
export function CardModal({ cards, action, onClose }: { cards: MemberCards; action: CardAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form, { issuedOn: 'date', revokedOn: 'date' });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const date = toIsoDate(v.date);
      const body =
        action === 'issue'
          ? { version: cards.version, issuedOn: date }
          : action === 'reissue'
            ? { version: cards.version, issuedOn: date, cause: v.cause }
            : { version: cards.version, revokedOn: date, reason: v.reason };
      return api.post<MemberCards>(`/members/${cards.memberId}/cards/${action}`, body);
    },
    onMutate: clear,
    onError,
    onSuccess: async (result) => {
      queryClient.setQueryData(cardKeys.member(cards.memberId), result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: cardKeys.all }),
        queryClient.invalidateQueries({ queryKey: memberKeys.all }),
      ]);
      void message.success(t(`memberCard.done.${action}`, { number: result.cardNumber ?? '' }));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t(`memberCard.actions.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending, danger: action === 'revoke', 'data-testid': 'card-submit' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name={`card-${action}`}
        initialValues={{ cause: 'lost' }}
        onFinish={(v) => save.mutate(v)}
      >
        {action === 'reissue' && (
          <Form.Item name="cause" label={t('memberCard.form.cause')}>
            <Radio.Group>
              <Space orientation="vertical">
                <Radio value="lost">{t('memberCard.form.lost')}</Radio>
                <Radio value="damaged">{t('memberCard.form.damaged')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        <PastDateField
          name="date"
          label={action === 'revoke' ? t('memberCard.form.revokedOn') : t('memberCard.form.issuedOn')}
        />
        {action === 'revoke' && (
          <Form.Item
            name="reason"
            label={t('memberCard.form.reason')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {action !== 'revoke' && cards.issuer && (
          <Typography.Paragraph type="secondary">
            {t('memberCard.form.nextNumber', { unit: cards.issuer.name })}
          </Typography.Paragraph>
        )}
      </Form>
      <StepError
        error={error}
        onReload={() => {
          clear();
          void queryClient.invalidateQueries({ queryKey: cardKeys.member(cards.memberId) });
          onClose();
        }}
      />
    </Modal>
  );
}
