import type { ReactNode } from 'react';
import { App, Form, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { FormErrorAlert } from '../../components/form-error-alert';
import { useFormError } from '../../lib/use-form-error';

interface Props<V> {
  title: string;
  okText: string;
  cancelText: string;
  /** Shown after success. */
  doneText: string;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  onDone: (result: unknown) => void | Promise<void>;
  onClose: () => void;
  danger?: boolean;
  children?: ReactNode;
  testId?: string;
}

/** A modal form for one step of a transfer: server field errors land on the fields, others above them. */
export function StepModal<V extends object>(props: Props<V>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const { error, onError, clear } = useFormError(form);
  const step = useMutation({
    mutationFn: props.onSubmit,
    onMutate: clear,
    onError,
    onSuccess: async (result) => {
      await props.onDone(result);
      void message.success(props.doneText);
      props.onClose();
    },
  });
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={props.cancelText}
      okButtonProps={{ danger: props.danger }}
      confirmLoading={step.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <FormErrorAlert error={error} />
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={(v) => step.mutate(v)}
        data-testid={props.testId}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
