import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Drawer, Flex, Form, Input, Row } from 'antd';
import { FilterOutlined, UpOutlined, DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { activeFilterCount, type MemberFilter } from './member-search';
import { fromFilterValues, MemberFilterFields, toFilterValues, type FilterValues } from './member-filter-fields';

interface Props {
  filter: MemberFilter;
  onChange: (filter: MemberFilter) => void;
}

/** The search box: name (diacritics optional), CCCD, phone or card number; applies on Enter. */
export function SearchBox({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);
  const submit = (value: string) => {
    const q = value.trim() || undefined;
    if (q !== filter.q) onChange({ ...filter, q });
  };
  return (
    <Input.Search
      allowClear
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '' && filter.q) submit('');
      }}
      onSearch={submit}
      placeholder={t('member.filters.searchPlaceholder')}
      aria-label={t('common.search')}
      enterButton
      data-testid="member-search"
      style={{ flex: '1 1 220px', minWidth: 0, maxWidth: 520 }}
    />
  );
}

/** Desktop: basic filters inline, the others behind "Lọc thêm"; every change applies at once. */
export function InlineFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const advancedCount = activeFilterCount({ ...filter, status: undefined });
  const [open, setOpen] = useState(advancedCount > 0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => form.setFieldsValue(toFilterValues(filter)), [form, filter]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const apply = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onChange(fromFilterValues(form.getFieldsValue(true), filter.q)), 350);
  };

  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      initialValues={toFilterValues(filter)}
      onValuesChange={apply}
      data-testid="member-filters"
      style={{ marginTop: 12 }}
    >
      <Row gutter={12} align="bottom">
        <MemberFilterFields part="basic" compact={false} />
        <Flex gap={8} style={{ marginBottom: 24, paddingInline: 6 }}>
          <Button icon={open ? <UpOutlined /> : <DownOutlined />} onClick={() => setOpen(!open)} aria-expanded={open}>
            <Badge count={advancedCount} size="small" offset={[8, -2]}>
              {open ? t('member.filters.less') : t('member.filters.more')}
            </Badge>
          </Button>
          {activeFilterCount(filter) > 0 && (
            <Button type="link" onClick={() => onChange(filter.q ? { q: filter.q } : {})}>
              {t('member.filters.reset')}
            </Button>
          )}
        </Flex>
      </Row>
      {open && (
        <Row gutter={12}>
          <MemberFilterFields part="advanced" compact={false} />
        </Row>
      )}
    </Form>
  );
}

/** Phone: a "Bộ lọc" button opening a drawer; the filters apply with "Xem kết quả". */
export function DrawerFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const [open, setOpen] = useState(false);
  const count = activeFilterCount(filter);
  return (
    <>
      <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} data-testid="open-member-filters">
        {count > 0 ? t('member.filters.openCount', { n: count }) : t('member.filters.open')}
      </Button>
      <Drawer
        title={t('member.filters.title')}
        placement="bottom"
        size="85%"
        open={open}
        onClose={() => setOpen(false)}
        destroyOnHidden
        footer={
          <Flex gap={8} justify="space-between">
            <Button
              onClick={() => {
                onChange(filter.q ? { q: filter.q } : {});
                setOpen(false);
              }}
            >
              {t('member.filters.reset')}
            </Button>
            <Button type="primary" onClick={() => form.submit()}>
              {t('member.filters.apply')}
            </Button>
          </Flex>
        }
      >
        <Form<FilterValues>
          form={form}
          layout="vertical"
          initialValues={toFilterValues(filter)}
          onFinish={(values) => {
            onChange(fromFilterValues(values, filter.q));
            setOpen(false);
          }}
        >
          <Row gutter={12}>
            <MemberFilterFields part="basic" compact />
            <MemberFilterFields part="advanced" compact />
          </Row>
        </Form>
      </Drawer>
    </>
  );
}
