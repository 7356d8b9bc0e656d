import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/form-error-alert';

interface Props<V> {
  title: string;
  okText: string;
  danger?: boolean;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  error: unknown;
  pending: boolean;
  onSubmit: (values: V) => void;
  onClose: () => void;
  onReload?: () => void;
  children: ReactNode;
}

/** The frame shared by the move, merge, split and close dialogs: a vertical form in a modal. */
export function RestructureModal<V extends object>(props: Props<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: props.danger }}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      confirmLoading={props.pending}
      mask={{ closable: false }}
    >
      <FormErrorAlert error={props.error} onReload={props.onReload} />
      <Form<V> form={props.form} layout="vertical" initialValues={props.initialValues} onFinish={props.onSubmit}>
        {props.children}
      </Form>
    </Modal>
  );
}
