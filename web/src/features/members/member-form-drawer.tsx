import { Alert, App, Button, Drawer, Flex, Form, Grid } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../../src/contracts/members';
import { api, ApiError } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { unitKeys } from '../units/unit-queries';
import { memberKeys } from './member-queries';
import {
  changedFields,
  fromMember,
  newMemberValues,
  toMemberFields,
  type MemberFormValues,
} from './member-form-values';
import { PersonalFields } from './member-form-personal';
import { CareFields, SocialFields, UnionFields } from './member-form-union';

type Props =
  | { mode: 'create'; defaultBranch?: { id: string; name: string }; member?: never }
  | { mode: 'update'; member: MemberDetail; defaultBranch?: never };

class NoChanges extends Error {}

/** "Thêm đoàn viên" and "Sửa hồ sơ": the whole record in four sections; server errors land on the fields. */
export function MemberFormDrawer(props: Props & { onClose: () => void; onSaved?: (m: MemberDetail) => void }) {
  const { mode, member, onClose, onSaved } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MemberFormValues>();
  const { error, onError, clear } = useFormError(form);

  const save = useMutation({
    mutationFn: (values: MemberFormValues) => {
      const fields = toMemberFields(values);
      if (mode === 'create') return api.post<MemberDetail>('/members', fields);
      const changes = changedFields(member, fields);
      if (Object.keys(changes).length === 1) throw new NoChanges();
      return api.patch<MemberDetail>(`/members/${member.id}`, changes);
    },
    onMutate: clear,
    onError: (err) => {
      if (err instanceof NoChanges) {
        void message.info(t('member.form.noChanges'));
        onClose();
      } else {
        onError(err);
        // Show the first field the server refused (it may be far down the drawer).
        const first = form.getFieldsError().find((f) => f.errors.length > 0);
        if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center' });
      }
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(memberKeys.detail(saved.id), saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.all }),
        queryClient.invalidateQueries({ queryKey: unitKeys.all }),
      ]);
      void message.success(
        mode === 'create' ? t('member.form.created', { name: saved.fullName }) : t('member.form.saved'),
      );
      onClose();
      onSaved?.(saved);
    },
  });

  const stale = error instanceof ApiError && error.status === 409 && error.fieldIssues.length === 0;
  const reload = () => {
    clear();
    if (member) void queryClient.invalidateQueries({ queryKey: memberKeys.detail(member.id) });
    onClose();
  };
  const branches = member
    ? [{ id: member.unitId, name: member.unitName }]
    : props.defaultBranch
      ? [props.defaultBranch]
      : [];

  return (
    <Drawer
      open
      title={mode === 'create' ? t('member.form.createTitle') : t('member.form.editTitle', { name: member.fullName })}
      size={screens.md ? 760 : '100%'}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      // Errors not tied to a field sit above the buttons, where they are seen whatever the scroll.
      footer={
        <>
          {stale ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('member.form.stale')}
              data-testid="stale-error"
              action={
                <Button size="small" onClick={reload}>
                  {t('common.reload')}
                </Button>
              }
            />
          ) : (
            <FormErrorAlert error={error} />
          )}
          <Flex gap={8} justify="end">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="member-save">
              {t('common.save')}
            </Button>
          </Flex>
        </>
      }
    >
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        name="member-form"
        initialValues={member ? fromMember(member) : newMemberValues(props.defaultBranch?.id)}
        onFinish={(values) => save.mutate(values)}
        scrollToFirstError
      >
        <PersonalFields />
        <UnionFields knownBranches={branches} />
        <SocialFields />
        <CareFields />
      </Form>
    </Drawer>
  );
}
