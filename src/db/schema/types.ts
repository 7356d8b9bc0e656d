import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL `ltree`, carried as its text form. */
export const ltree = customType<{ data: string; driverData: string }>({
  dataType: () => 'ltree',
});

/** PostgreSQL `bytea`: PGlite answers with Uint8Array, node-postgres with Buffer; both become Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
