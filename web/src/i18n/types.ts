import type { vi } from './vi';

/** A catalogue with the same shape as the Vietnamese one (every leaf a string). */
export type Catalog<T = typeof vi> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
