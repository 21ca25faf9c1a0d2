// Disposing an ECharts instance safely. On a slow machine zrender paints a long list of shapes in
// slices of 15 ms, one per animation frame; a chart disposed between two slices (its page left, its
// region changed) had the next slice run on the disposed painter and throw "Cannot read properties
// of null (reading '0')". Painting the emptied chart once, at once, starts a new paint that the
// pending slice sees and gives way to; then the chart is disposed.
import type { EChartsType } from 'echarts/core';

export function disposeChart(instance: EChartsType): void {
  if (instance.isDisposed()) return;
  instance.clear();
  instance.getZr().refreshImmediately();
  instance.dispose();
}
