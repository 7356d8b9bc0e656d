import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import type { CheckInCode } from '../../../../src/contracts/meetings';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { attendanceOptions } from './meetings-api';

/** Asks for a fresh code this long before the current one expires. */
const REFRESH_BEFORE_MS = 30_000;

/** The QR code of `/checkin/<code>` for members to scan, refreshed before it expires, with a live count. */
export function QrPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const [image, setImage] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: () => api.post<CheckInCode>(`/meetings/${meetingId}/check-in-code`),
  });
  const live = useQuery({ ...attendanceOptions(meetingId, shown), enabled: shown });
  const code = issue.data;
  const { mutate } = issue;

  useEffect(() => {
    if (!shown) return;
    if (!code) {
      mutate();
      return;
    }
    const url = `${window.location.origin}/checkin/${encodeURIComponent(code.code)}`;
    void QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 320 }).then(setImage);
    const wait = Math.max(5_000, Date.parse(code.expiresAt) - Date.now() - REFRESH_BEFORE_MS);
    const timer = window.setTimeout(() => mutate(), wait);
    return () => window.clearTimeout(timer);
  }, [shown, code, mutate]);

  if (!shown)
    return (
      <Button icon={<QrcodeOutlined />} onClick={() => setShown(true)} data-testid="show-qr">
        {t('meeting.qr.show')}
      </Button>
    );
  return (
    <Flex vertical align="center" gap={8}>
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {t('meeting.qr.hint')}
      </Typography.Text>
      {issue.error && <Alert type="error" showIcon title={errorMessage(issue.error)} />}
      {image && code && (
        <img
          src={image}
          alt={t('meeting.qr.alt')}
          data-testid="checkin-qr"
          data-code={code.code}
          style={{ width: 'min(320px, 100%)', aspectRatio: '1', border: '1px solid #f0f0f0', borderRadius: 8 }}
        />
      )}
      {code && (
        <Typography.Text>{t('meeting.qr.expires', { time: formatDateTime(code.expiresAt).slice(11) })}</Typography.Text>
      )}
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="qr-live">
        {t('meeting.qr.live', { n: live.data?.qrCount ?? 0 })}
      </Typography.Title>
      <Button onClick={() => setShown(false)}>{t('meeting.qr.hide')}</Button>
    </Flex>
  );
}
