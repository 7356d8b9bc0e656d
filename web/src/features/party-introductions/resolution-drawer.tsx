import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PartyIntroductionDto } from '../../../../src/contracts/party-introductions';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { MemberSelect, useIsMobile } from '../member-exits/procedure-ui';
import { criteriaOptions, useRefreshParty } from './party-api';

interface Values {
  memberId?: string;
  resolutionOn: Dayjs;
  strengths?: string;
  weaknesses?: string;
  presentCount?: number;
  inFavourCount?: number;
  awarenessCertificateNo?: string;
  awarenessCertificateOn?: Dayjs | null;
}

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** The criteria check of the member on the resolution date: refusals in red, warnings in amber. */
function Criteria({ memberId, resolutionOn, cert }: { memberId?: string; resolutionOn?: string; cert: string }) {
  const { t } = useTranslation();
  const check = useQuery({
    ...criteriaOptions(memberId ?? '', resolutionOn ?? '', cert),
    placeholderData: keepPreviousData,
  });
  if (!memberId || !check.data) return null;
  const { refusals, warnings } = check.data;
  return (
    <Flex vertical gap={6} style={{ marginBottom: 16 }} data-testid="party-criteria">
      {refusals.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('partyIntro.refused')}
          description={refusals.map((r) => (
            <div key={r.code}>{r.message}</div>
          ))}
        />
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('partyIntro.warnings')}
          description={warnings.map((w) => (
            <div key={w.code}>{w.message}</div>
          ))}
        />
      )}
      {refusals.length === 0 && warnings.length === 0 && (
        <Alert type="success" showIcon title={t('partyIntro.criteriaOk')} />
      )}
    </Flex>
  );
}

function Majority({ present, inFavour }: { present?: number | null; inFavour?: number | null }) {
  const { t } = useTranslation();
  if (!present) return null;
  const min = Math.floor(present / 2) + 1;
  const ok = (inFavour ?? 0) >= min && (inFavour ?? 0) <= present;
  return (
    <Alert
      type={ok ? 'success' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      title={t(ok ? 'partyIntro.majorityOk' : 'partyIntro.majorityMissing', { inFavour, present, min })}
    />
  );
}

/** "Nghị quyết đề nghị": the branch resolution proposing an outstanding member, with a live criteria check. */
export function ResolutionDrawer(props: {
  unitId?: string;
  member?: { id: string; fullName: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const refresh = useRefreshParty();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const memberId = Form.useWatch('memberId', form) ?? props.member?.id;
  const resolutionOn = Form.useWatch('resolutionOn', form);
  const cert = Form.useWatch('awarenessCertificateNo', form) ?? '';
  const present = Form.useWatch('presentCount', form);
  const inFavour = Form.useWatch('inFavourCount', form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<PartyIntroductionDto>('/party-introductions', {
        memberId,
        resolutionOn: toIsoDate(v.resolutionOn),
        strengths: v.strengths,
        weaknesses: v.weaknesses,
        presentCount: v.presentCount,
        inFavourCount: v.inFavourCount,
        awarenessCertificateNo: v.awarenessCertificateNo,
        awarenessCertificateOn: v.awarenessCertificateOn ? toIsoDate(v.awarenessCertificateOn) : null,
      }),
    onMutate: clear,
    onError,
    onSuccess: async () => {
      await refresh();
      void message.success(t('partyIntro.proposed'));
      props.onClose();
    },
  });
  const required = [{ required: true, message: t('partyIntro.required') }];
  return (
    <Drawer
      open
      title={props.member ? `${t('partyIntro.proposeMember')}: ${props.member.fullName}` : t('partyIntro.proposeTitle')}
      size={isMobile ? '100%' : 600}
      onClose={props.onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <>
          <FormErrorAlert error={error} />
          <Flex gap={8} justify="end">
            <Button onClick={props.onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="party-save">
              {t('partyIntro.propose')}
            </Button>
          </Flex>
        </>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ memberId: props.member?.id, resolutionOn: dayjs() }}
        onFinish={(v) => save.mutate(v)}
        data-testid="party-form"
      >
        {!props.member && (
          <Form.Item name="memberId" label={t('partyIntro.member')} rules={required}>
            <MemberSelect unitId={props.unitId ?? ''} placeholder={t('partyIntro.memberSearch')} />
          </Form.Item>
        )}
        <Form.Item name="resolutionOn" label={t('partyIntro.resolutionOn')} rules={required}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Criteria memberId={memberId} resolutionOn={toIsoDate(resolutionOn)} cert={cert.trim() ? '1' : ''} />
        <Form.Item
          name="strengths"
          label={t('partyIntro.strengths')}
          rules={[{ required: true, whitespace: true, message: t('partyIntro.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="weaknesses"
          label={t('partyIntro.weaknesses')}
          rules={[{ required: true, whitespace: true, message: t('partyIntro.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="presentCount" label={t('partyIntro.present')} rules={required} style={{ flex: '1 1 120px' }}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item
            name="inFavourCount"
            label={t('partyIntro.inFavour')}
            rules={required}
            style={{ flex: '1 1 120px' }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Flex>
        <Majority present={present} inFavour={inFavour} />
        <Flex gap={8} wrap>
          <Form.Item name="awarenessCertificateNo" label={t('partyIntro.certificateNo')} style={{ flex: '1 1 180px' }}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="awarenessCertificateOn" label={t('partyIntro.certificateOn')} style={{ flex: '1 1 140px' }}>
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={notFuture}
              placeholder={t('common.datePlaceholder')}
            />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
