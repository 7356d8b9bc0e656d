import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL `ltree`, carried as its text form. */
export const ltree = customType<{ data: string; driverData: string }>({
  dataType: () => 'ltree',
});
