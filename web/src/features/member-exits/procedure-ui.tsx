import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Form, Grid, Modal, Row, Select, Typography, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DocumentRef } from '../../../../src/contracts/member-exits';
import type { MemberPage } from '../../../../src/contracts/members';
import { FormErrorAlert } from '../../components/form-error-alert';
import { UnitPicker } from '../../components/unit-picker';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';

/** A bordered card of a list on phones. */
export const cardStyle = {
  padding: '10px 12px',
  border: '1px solid #f0f0f0',
  borderRadius: 8,
  marginBottom: 8,
} as const;

/** True below the md breakpoint (phones): lists become cards, drawers full width. */
export function useIsMobile(): boolean {
  return !Grid.useBreakpoint().md;
}

/** Where an issued document's .docx is downloaded from. */
export const documentFileUrl = (id: string) => `/api/documents/${id}/file`;

/** "Tải 15-QĐ/ĐTN": the download of an issued document. */
export function DocumentButton({ doc, block }: { doc: DocumentRef | null; block?: boolean }) {
  const { t } = useTranslation();
  if (!doc) return null;
  return (
    <Button
      size="small"
      block={block}
      icon={<DownloadOutlined />}
      href={documentFileUrl(doc.id)}
      aria-label={t('procedures.downloadNamed', { number: doc.numberText })}
      data-testid="document-download"
    >
      {doc.numberText}
    </Button>
  );
}

/** The current year and the nine before it, newest first. */
export function recentYears(extra = 0): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 10 + extra }, (_v, i) => now + extra - i);
}

/** The unit and year chooser at the top of a procedure page. */
export function UnitYearBar(props: {
  unitName?: string;
  onUnit: (unitId: string) => void;
  year?: number;
  onYear?: (year: number | undefined) => void;
  allowAllYears?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Row gutter={[12, 8]} align="bottom">
        <Col xs={24} sm={14} lg={10}>
          <Typography.Text type="secondary">{t('procedures.unit')}</Typography.Text>
          <UnitPicker
            aria-label={t('procedures.unit')}
            placeholder={props.unitName ?? t('procedures.chooseUnit')}
            onChange={(unitId) => unitId && props.onUnit(unitId)}
          />
        </Col>
        {props.onYear && (
          <Col xs={12} sm={6} lg={4}>
            <Typography.Text type="secondary">{t('procedures.year')}</Typography.Text>
            <Select<number>
              aria-label={t('procedures.year')}
              style={{ width: '100%' }}
              allowClear={props.allowAllYears}
              placeholder={t('procedures.allYears')}
              value={props.year}
              onChange={(y) => props.onYear?.(y)}
              options={recentYears().map((y) => ({ value: y, label: String(y) }))}
            />
          </Col>
        )}
        {props.extra && (
          <Col xs={12} sm={4} lg={10} style={{ textAlign: 'end' }}>
            {props.extra}
          </Col>
        )}
      </Row>
    </Card>
  );
}

interface FormModalProps<V> {
  title: string;
  okText: string;
  doneText: (result: unknown) => string;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  onDone: (result: unknown) => void | Promise<void>;
  onClose: () => void;
  danger?: boolean;
  children?: ReactNode;
  testId?: string;
}

/** A modal form of one procedure step: server field errors land on the fields, the others above them. */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const { error, onError, clear } = useFormError(form);
  const step = useMutation({
    mutationFn: props.onSubmit,
    onMutate: clear,
    onError,
    onSuccess: async (result) => {
      await props.onDone(result);
      void message.success(props.doneText(result));
      props.onClose();
    },
  });
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      okButtonProps={
        { danger: props.danger, 'data-testid': props.testId ? `${props.testId}-ok` : undefined } as ButtonProps
      }
      confirmLoading={step.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      mask={{ closable: false }}
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

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Search the members still in the union in a unit's subtree by name (a form control: value is the member id). */
export function MemberSelect(props: {
  unitId: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: ['members', 'pick', props.unitId, q],
    queryFn: () =>
      api.get<MemberPage>('/members', {
        unitId: props.unitId,
        q: q || undefined,
        status: 'active,working_away,temporary_elsewhere',
        limit: 20,
        sort: 'name',
      }),
    enabled: Boolean(props.unitId),
  });
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!data?.items.length) return;
    setKnown((prev) => new Map([...prev, ...data.items.map((m) => [m.id, `${m.fullName} · ${m.unitName}`] as const)]));
  }, [data]);
  const options = (data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName} · ${m.unitName}` }));
  if (props.value && !options.some((o) => o.value === props.value))
    options.push({ value: props.value, label: known.get(props.value) ?? props.value });
  return (
    <Select<string>
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={isFetching}
      placeholder={props.placeholder}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      options={options}
      notFoundContent={isFetching ? t('common.loading') : t('procedures.empty')}
      style={{ width: '100%' }}
    />
  );
}
