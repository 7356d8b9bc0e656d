import { App, Form, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CreateUnitBody, UnitDetail, UpdateUnitBody } from '../../../../src/contracts/units';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { unitKeys, useUnitKinds } from './unit-queries';
import { fromUnit, toUnitFields, UnitFormFields, type UnitFormValues } from './unit-form-fields';

interface Props {
  mode: 'create' | 'update';
  /** The parent (create) or the unit itself (update). */
  unit: UnitDetail;
  onClose: () => void;
  onReload: () => void;
}

/** "Thêm đơn vị trực thuộc" and "Sửa thông tin". */
export function UnitFormModal({ mode, unit, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UnitFormValues>();
  const { error, onError, clear } = useFormError(form);
  const { kinds, byCode } = useUnitKinds();
  const parentRank = byCode.get(unit.kind)?.rank ?? -1;
  const kindOptions =
    mode === 'create'
      ? kinds.filter((k) => k.rank > parentRank).sort((a, b) => a.rank - b.rank)
      : [...kinds].sort((a, b) => a.rank - b.rank);

  const save = useMutation({
    mutationFn: (values: UnitFormValues) => {
      if (mode === 'create') {
        const body: CreateUnitBody = { ...toUnitFields(values), parentId: unit.id };
        return api.post<UnitDetail>('/units', body);
      }
      const body: UpdateUnitBody = { ...toUnitFields(values), version: unit.version };
      return api.patch<UnitDetail>(`/units/${unit.id}`, body);
    },
    onMutate: clear,
    onError,
    onSuccess: async (saved) => {
      queryClient.setQueryData(unitKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
      if (mode === 'update') await queryClient.invalidateQueries({ queryKey: ['me'] });
      void message.success(mode === 'create' ? t('unit.created', { name: saved.name }) : t('unit.updated'));
      onClose();
    },
  });

  return (
    <Modal
      open
      title={
        mode === 'create' ? t('unit.createTitle', { parent: unit.name }) : t('unit.updateTitle', { name: unit.name })
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      mask={{ closable: false }}
    >
      <FormErrorAlert error={error} onReload={mode === 'update' ? onReload : undefined} />
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        name="unit-form"
        initialValues={mode === 'create' ? { sector: unit.sector, powers: [] } : fromUnit(unit)}
        onFinish={(values) => save.mutate(values)}
      >
        <UnitFormFields kinds={kindOptions} />
      </Form>
    </Modal>
  );
}
