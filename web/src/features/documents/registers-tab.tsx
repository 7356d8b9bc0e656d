import { useState } from 'react';
import { Button, Card, Col, Flex, Row, Select, Typography } from 'antd';
import { CreditCardOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { registerUrl } from './document-api';

const REGISTERS = [
  { key: 'members', title: 'registers.members', hint: 'registers.membersHint' },
  { key: 'admissions-cards', title: 'registers.admissionsCards', hint: 'registers.admissionsCardsHint' },
  { key: 'transfers', title: 'registers.transfers', hint: 'registers.transfersHint' },
] as const;

/** "Sổ sách" tab of a unit: the three registers of a đoàn cơ sở as .xlsx, by year. */
export function RegistersTab({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const now = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(now);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('registers.intro')}</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="register-year">{t('registers.year')}</label>
        <Select<number>
          id="register-year"
          allowClear
          style={{ width: 180 }}
          placeholder={t('registers.allYears')}
          value={year}
          onChange={setYear}
          options={Array.from({ length: 10 }, (_v, i) => ({ value: now - i, label: String(now - i) }))}
        />
      </Flex>
      <Row gutter={[12, 12]}>
        {REGISTERS.map((r) => (
          <Col key={r.key} xs={24} md={8}>
            <Card size="small" title={t(r.title)} style={{ height: '100%' }} data-testid={`register-${r.key}`}>
              <Typography.Paragraph type="secondary">{t(r.hint)}</Typography.Paragraph>
              <Flex gap={8} wrap>
                <Button icon={<FileExcelOutlined />} href={registerUrl(unitId, r.key, year)} download>
                  {t('registers.download')}
                </Button>
                {r.key === 'admissions-cards' && (
                  <Link to="/units/$unitId/cards" params={{ unitId }}>
                    <Button icon={<CreditCardOutlined />}>{t('registers.openCards')}</Button>
                  </Link>
                )}
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
