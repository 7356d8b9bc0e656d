import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

interface Props<T> {
  header: ReactNode;
  items: T[];
  renderItem: (item: T) => ReactNode;
  itemKey: (item: T) => string;
  empty?: ReactNode;
  bordered?: boolean;
}

const border = '1px solid #f0f0f0';

/** A plain list with a header and separated rows (antd's List is deprecated in v6). */
export function SimpleList<T>({ header, items, renderItem, itemKey, empty, bordered = false }: Props<T>) {
  return (
    <div style={{ border: bordered ? border : undefined, borderRadius: 8, marginTop: 12 }}>
      <div style={{ padding: '8px 12px', borderBottom: border }}>{header}</div>
      {items.length === 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 12px' }}>
          {empty}
        </Typography.Text>
      ) : (
        items.map((item, i) => (
          <Flex
            key={itemKey(item)}
            align="center"
            justify="space-between"
            gap={8}
            style={{ padding: '8px 12px', borderTop: i > 0 ? border : undefined }}
          >
            {renderItem(item)}
          </Flex>
        ))
      )}
    </div>
  );
}
