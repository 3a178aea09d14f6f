/**
 * The tree-shaken echarts build: only the charts and components the app draws.
 * echarts 5 ships extensionless re-exports in its .d.ts files, which TypeScript's NodeNext resolution
 * cannot follow; named imports (needed for tree-shaking) are therefore typed locally below.
 */
// @ts-expect-error echarts types unreachable under NodeNext (see above)
import { BarChart } from 'echarts/charts';
// @ts-expect-error idem
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
// @ts-expect-error idem
import { init, use } from 'echarts/core';
// @ts-expect-error idem
import { SVGRenderer } from 'echarts/renderers';

/** A chart option (echarts' own type is unreachable, see above). */
export type EChartsOption = Record<string, unknown>;

export interface EChartsInstance {
  setOption(option: EChartsOption, notMerge?: boolean): void;
  resize(): void;
  dispose(): void;
}

type Init = (
  el: HTMLElement,
  theme?: string | null,
  opts?: { renderer?: 'svg' | 'canvas' },
) => EChartsInstance;

(use as (ext: unknown[]) => void)([
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
  SVGRenderer,
]);

export const echarts: { init: Init } = { init: init as Init };
