import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { ChartOption } from './echart';

export type { ChartOption } from './echart';

const EChart = lazy(() => import('./echart').then((m) => ({ default: m.EChart })));

/** An ECharts chart loaded on first use, so that the charting library stays out of the main bundle. */
export function LazyEChart(props: { option: ChartOption; height?: number; testId?: string }) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 320 }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
