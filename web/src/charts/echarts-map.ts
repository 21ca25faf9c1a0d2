// ECharts for the map (挂图作战 and 大屏): the pieces charts/echarts.ts registers plus the geo
// coordinate system, the map and scatter series and the visual map, loaded only by the map's pages.
import { MapChart, type MapSeriesOption, ScatterChart, type ScatterSeriesOption } from 'echarts/charts';
import {
  GeoComponent,
  type GeoComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  type VisualMapComponentOption,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { type ComposeOption, init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([MapChart, ScatterChart, GeoComponent, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer]);

export type MapChartOption = ComposeOption<
  | MapSeriesOption
  | ScatterSeriesOption
  | GeoComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export { init, registerMap };
