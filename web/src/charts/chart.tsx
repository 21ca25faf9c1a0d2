// A chart that fills its box and follows its size.
import { useEffect, useRef } from 'react';
import { withMotion } from '../motion';
import { disposeChart } from './dispose-chart';
import { type ChartOption, init } from './echarts';

export function Chart({
  option,
  height = 320,
  label,
}: {
  option: ChartOption;
  height?: number;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const element = box.current!;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      disposeChart(instance);
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(withMotion(option), true);
  }, [option]);

  return <div ref={box} style={{ width: '100%', height }} role="img" aria-label={label} />;
}
