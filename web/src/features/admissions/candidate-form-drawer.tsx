import { App, Button, Drawer, Flex, Form, Grid } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail } from '../../../../src/contracts/admissions';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { todayIso, fromIsoDate } from '../../lib/dates';
import { useCurrentUser } from '../auth/current-user';
import { admissionKeys } from './admission-queries';
import { CandidatePersonalFields, CandidateProcedureFields } from './candidate-form-fields';
import { fromCandidate, toCandidateFields, type CandidateFormValues } from './candidate-form-values';
import { StepError } from './step-error';

type Props = (
  | { mode: 'create'; defaultBranch?: { id: string; name: string }; candidate?: never }
  | { mode: 'update'; candidate: CandidateDetail; defaultBranch?: never }
) & { onClose: () => void; onSaved?: (c: CandidateDetail) => void };

/** "Đề nghị kết nạp" and "Sửa hồ sơ": personal record, application, course, introducer, "1+1". */
export function CandidateFormDrawer(props: Props) {
  const { mode, candidate, onClose, onSaved } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const [form] = Form.useForm<CandidateFormValues>();
  const { error, onError, clear } = useFormError(form);
  const branchId = Form.useWatch('unitId', form) ?? candidate?.unitId;

  const save = useMutation({
    mutationFn: (values: CandidateFormValues) => {
      const fields = toCandidateFields(values);
      if (mode === 'create') return api.post<CandidateDetail>('/admissions', { ...fields, unitId: values.unitId });
      return api.patch<CandidateDetail>(`/admissions/${candidate.id}`, { ...fields, version: candidate.version });
    },
    onMutate: clear,
    onError: (err) => {
      onError(err);
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center' });
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(admissionKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: admissionKeys.all });
      void message.success(
        mode === 'create' ? t('admission.form.created', { name: saved.fullName }) : t('admission.form.saved'),
      );
      onClose();
      onSaved?.(saved);
    },
  });

  const known = props.defaultBranch
    ? [props.defaultBranch]
    : candidate
      ? [{ id: candidate.unitId, name: candidate.unitName }]
      : [];
  const initial: CandidateFormValues = candidate
    ? fromCandidate(candidate)
    : {
        unitId: props.defaultBranch?.id,
        source: 'youth',
        applicationDate: fromIsoDate(todayIso()),
        religion: 'Không',
        ethnicity: 'Kinh',
      };

  return (
    <Drawer
      open
      title={
        mode === 'create'
          ? t('admission.form.createTitle')
          : t('admission.form.editTitle', { name: candidate.fullName })
      }
      size={screens.md ? 760 : '100%'}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <>
          <div style={{ marginBottom: error ? 8 : 0 }}>
            <StepError
              error={error}
              onReload={() => {
                clear();
                void queryClient.invalidateQueries({ queryKey: admissionKeys.all });
                onClose();
              }}
            />
          </div>
          <Flex gap={8} justify="end">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="candidate-save">
              {t('common.save')}
            </Button>
          </Flex>
        </>
      }
    >
      <Form<CandidateFormValues>
        form={form}
        layout="vertical"
        name="candidate-form"
        initialValues={initial}
        onFinish={(values) => save.mutate(values)}
        scrollToFirstError
      >
        <CandidatePersonalFields branchPicker={mode === 'create'} known={known} />
        <CandidateProcedureFields
          branchId={branchId}
          scopeUnitId={me.scopeRoots[0]?.id}
          known={{
            introducer: candidate?.introducerMember ?? null,
            recruiter: candidate?.recruiter ?? null,
          }}
        />
      </Form>
    </Drawer>
  );
}
