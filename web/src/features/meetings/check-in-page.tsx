import { useEffect, useRef } from 'react';
import { Button, Flex, Result, Spin, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CheckInResult } from '../../../../src/contracts/meetings';
import { api, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';

/** A member checks in with the code scanned from the secretary’s QR; the result in big text for a phone. */
export function CheckInPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const check = useMutation({ mutationFn: () => api.post<CheckInResult>('/me/check-in', { code }) });
  const started = useRef(false);
  const { mutate } = check;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate();
  }, [mutate]);
  const done = check.data;
  const home = (
    <Link to="/me">
      <Button size="large">{t('meeting.checkIn.home')}</Button>
    </Link>
  );
  if (done)
    return (
      <Result
        status="success"
        title={<span style={{ fontSize: 28 }}>{t('meeting.checkIn.done')}</span>}
        subTitle={
          <Flex vertical gap={4} style={{ fontSize: 18 }} data-testid="checkin-result">
            <strong>{done.unitName}</strong>
            {done.topic && <span>{done.topic}</span>}
            <span>{t('meeting.checkIn.at', { time: done.time, date: formatDate(done.date) })}</span>
          </Flex>
        }
        extra={home}
      />
    );
  if (check.error)
    return (
      <Result
        status="warning"
        title={<span style={{ fontSize: 26 }}>{t('meeting.checkIn.failed')}</span>}
        subTitle={
          <Typography.Text style={{ fontSize: 18 }} data-testid="checkin-error">
            {errorMessage(check.error)}
          </Typography.Text>
        }
        extra={home}
      />
    );
  return (
    <Flex vertical align="center" gap={16} style={{ padding: 48 }}>
      <Spin size="large" />
      <Typography.Title level={3}>{t('meeting.checkIn.working')}</Typography.Title>
    </Flex>
  );
}
