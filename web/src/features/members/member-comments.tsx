import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Select, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../../src/contracts/members';
import { formatDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { sendApi } from './member-api';
import { memberKeys } from './member-queries';

interface Values {
  year: number;
  content: string;
}

function CommentForm({ member, initial, onDone }: { member: MemberDetail; initial: Values; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const year = Form.useWatch('year', form) ?? initial.year;
  const thisYear = new Date().getFullYear();
  const firstYear = Math.max(1956, Math.min(Number(member.joinedOn?.slice(0, 4) ?? thisYear - 10), thisYear));
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i);
  const exists = initial.content === '' && member.comments.some((c) => c.year === year);

  const save = useMutation({
    mutationFn: (v: Values) =>
      sendApi<MemberDetail>('PUT', `/members/${member.id}/comments/${v.year}`, { content: v.content }),
    onMutate: clear,
    onError,
    onSuccess: (saved, v) => {
      queryClient.setQueryData(memberKeys.detail(saved.id), saved);
      void message.success(t('member.comments.saved', { year: v.year }));
      onDone();
    },
  });

  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="comment-form">
      <FormErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="year" label={t('member.comments.year')} style={{ maxWidth: 200 }}>
          <Select disabled={initial.content !== ''} options={years.map((y) => ({ value: y, label: String(y) }))} />
        </Form.Item>
        {exists && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('member.comments.overwrite')} />}
        <Form.Item
          name="content"
          label={t('member.comments.content')}
          rules={[{ required: true, whitespace: true, message: t('member.comments.contentRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
        </Form.Item>
        <Flex gap={8} justify="end">
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

/** "Nhận xét hằng năm": one assessment per year, newest first; cadres add or rewrite them. */
export function MemberComments({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const canWrite = member.actions.includes('member.write');
  const [editing, setEditing] = useState<Values | null>(null);
  const comments = [...member.comments].sort((a, b) => b.year - a.year);

  return (
    <>
      {canWrite && !editing && (
        <Button
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setEditing({ year: new Date().getFullYear(), content: '' })}
        >
          {t('member.comments.add')}
        </Button>
      )}
      {editing && (
        <CommentForm key={`${editing.year}`} member={member} initial={editing} onDone={() => setEditing(null)} />
      )}
      {comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.comments.empty')} />
      ) : (
        <Flex vertical gap={12} data-testid="member-comments">
          {comments.map((c) => (
            <Card
              key={c.year}
              size="small"
              title={t('member.comments.yearTitle', { year: c.year })}
              extra={
                canWrite && (
                  <Button
                    size="small"
                    type="link"
                    icon={<EditOutlined />}
                    onClick={() => setEditing({ year: c.year, content: c.content })}
                  >
                    {t('member.comments.edit')}
                  </Button>
                )
              }
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                {c.content}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('member.comments.updatedAt', { date: formatDate(c.updatedAt) })}
              </Typography.Text>
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}
