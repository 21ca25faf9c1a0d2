// The map of a region (GET /api/map) in ECharts: its child units shaded by completion rate of the
// annual plan inside their schematic outlines (示意边界), its projects as points coloured by their
// 红黄绿灯 and shaped by stage. A click on a point opens the project; a click on a unit calls
// onRegion (the pages drill into it). The chart instance hangs on its element as `sibiChart` for
// the browser tests.
import { useEffect, useMemo, useRef } from 'react';
import type { LightLevel, MapPoint, ProjectStage, RegionMapData } from '../api/map-types';
import { disposeChart } from '../charts/dispose-chart';
import { init, type MapChartOption, registerMap } from '../charts/echarts-map';
import { formatAmount, formatPercent } from '../format';
import { type Translate, useI18n } from '../i18n';
import type { Locale } from '../i18n/locale';
import { withMotion } from '../motion';
import { navigate } from '../router';

export const STAGES: ProjectStage[] = ['preparatory', 'not_started', 'under_construction', 'completed'];
export const STAGE_SYMBOL: Record<ProjectStage, string> = {
  preparatory: 'diamond',
  not_started: 'triangle',
  under_construction: 'circle',
  completed: 'rect',
};
export const LEVEL_COLOUR: Record<LightLevel, string> = {
  red: '#e5383b',
  yellow: '#f2b705',
  green: '#2f9e44',
};

interface Palette {
  text: string;
  border: string;
  empty: string;
  shades: [string, string];
  pointBorder: string;
  /** Behind the region names, so they read over the points. */
  halo: string;
}

const LIGHT: Palette = {
  text: '#1f2937',
  border: '#ffffff',
  empty: '#eceff3',
  shades: ['#dbe8fb', '#1d5fb8'],
  pointBorder: '#ffffff',
  halo: '#ffffff',
};
const DARK: Palette = {
  text: '#dbe6f5',
  border: '#0b1730',
  empty: '#1a2740',
  shades: ['#173a6b', '#3d8bfd'],
  pointBorder: '#0b1730',
  halo: '#0b1730',
};

export function RegionMap({
  data,
  height,
  dark = false,
  onRegion,
}: {
  data: RegionMapData;
  height: number | string;
  dark?: boolean;
  onRegion?: (code: string) => void;
}) {
  const { t, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const regionHandler = useRef(onRegion);
  regionHandler.current = onRegion;
  const option = useMemo(() => mapOption(data, t, locale, dark ? DARK : LIGHT), [data, t, locale, dark]);

  useEffect(() => {
    const element = box.current!;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    (element as HTMLDivElement & { sibiChart?: unknown }).sibiChart = instance;
    instance.on('click', (params) => {
      if (params.componentSubType === 'scatter') {
        const point = params.data as { id?: number } | undefined;
        if (point?.id !== undefined) navigate(`/projects/${point.id}`);
      } else if (params.componentType === 'geo' || params.componentSubType === 'map') {
        const code = (params as { name?: string }).name;
        if (code) regionHandler.current?.(code);
      }
    });
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

  return (
    <div
      ref={box}
      style={{ width: '100%', height }}
      role="img"
      aria-label={t('map.aria', { region: data.region.name })}
      data-testid="region-map"
    />
  );
}

export function mapName(code: string): string {
  return `sibi-${code}`;
}

function mapOption(data: RegionMapData, t: Translate, locale: Locale, palette: Palette): MapChartOption {
  const name = mapName(data.region.code);
  const hasOutlines = data.outlines.features.length > 0;
  // biome-ignore lint/suspicious/noExplicitAny: ECharts' GeoJSON type is looser than ours
  registerMap(name, (hasOutlines ? data.outlines : frameOf(data.points)) as any);
  const names = new Map(data.outlines.features.map((f) => [f.id, f.properties.name]));
  const children = new Map(data.children.map((c) => [c.region.code, c]));
  const { min, max } = shadeRange(data);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const p = params as {
          componentSubType?: string;
          componentType?: string;
          name: string;
          data?: unknown;
        };
        if (p.componentSubType === 'scatter') return pointTip(p.data as MapPoint, t);
        const child = children.get(p.name);
        if (!child) return names.get(p.name) ?? p.name;
        return [
          `<b>${escapeHtml(child.region.name)}</b>`,
          `${t('map.completionRate')}：${formatPercent(child.completionRate)}`,
          `${t('map.investYtd')}：${formatAmount(child.investYtd, locale)}`,
          `${t('map.projects')}：${child.projectCount}`,
        ].join('<br/>');
      },
    },
    visualMap: hasOutlines
      ? {
          type: 'continuous',
          min,
          max,
          seriesIndex: 0,
          calculable: false,
          orient: 'vertical',
          left: 8,
          bottom: 8,
          text: [`${max}%`, `${min}%`],
          textStyle: { color: palette.text },
          inRange: { color: palette.shades },
          formatter: (v) => `${Math.round(Number(v))}%`,
        }
      : undefined,
    geo: {
      map: name,
      roam: true,
      nameProperty: 'code',
      layoutCenter: ['50%', '50%'],
      layoutSize: '95%',
      // the names are drawn above the points (the last series), not on the areas
      label: { show: false },
      itemStyle: hasOutlines
        ? { areaColor: palette.empty, borderColor: palette.border, borderWidth: 1.5 }
        : { areaColor: 'transparent', borderColor: 'transparent' },
      emphasis: hasOutlines
        ? { label: { show: false }, itemStyle: { areaColor: palette.shades[0] } }
        : { disabled: true },
      tooltip: { show: hasOutlines },
      select: { disabled: true },
    },
    series: [
      {
        type: 'map',
        map: name,
        geoIndex: 0,
        name: t('map.completionRate'),
        data: data.children
          .filter((c) => names.has(c.region.code))
          .map((c) => ({
            name: c.region.code,
            value: c.completionRate === null ? Number.NaN : Math.round(c.completionRate * 1000) / 10,
          })),
      },
      ...STAGES.map((stage) => ({
        type: 'scatter' as const,
        coordinateSystem: 'geo',
        geoIndex: 0,
        name: t(`map.stage.${stage}`),
        symbol: STAGE_SYMBOL[stage],
        symbolSize: data.points.length > 400 ? 7 : 11,
        zlevel: 1,
        data: data.points
          .filter((p) => p.stage === stage)
          .map((p) => ({
            ...p,
            name: p.name,
            value: [p.lng, p.lat],
            itemStyle: { color: LEVEL_COLOUR[p.level], borderColor: palette.pointBorder, borderWidth: 1 },
          })),
        emphasis: { scale: 1.6 },
      })),
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        geoIndex: 0,
        silent: true,
        zlevel: 2,
        symbolSize: 0,
        tooltip: { show: false },
        label: {
          show: true,
          formatter: '{b}',
          color: palette.text,
          fontSize: 13,
          fontWeight: 'bold',
          textBorderColor: palette.halo,
          textBorderWidth: 3,
        },
        data: data.outlines.features.map((f) => ({ name: f.properties.name, value: f.properties.centre })),
      },
    ],
  };
}

/** The shading's scale: the units' rates rounded out to tens of percent (so close rates still differ). */
export function shadeRange(data: RegionMapData): { min: number; max: number } {
  const rates = data.children.flatMap((c) => (c.completionRate === null ? [] : [c.completionRate * 100]));
  if (rates.length === 0) return { min: 0, max: 100 };
  const min = Math.floor(Math.min(...rates) / 10) * 10;
  const max = Math.max(min + 10, Math.ceil(Math.max(...rates) / 10) * 10);
  return { min, max };
}

/** Without outlines (a county has no units below it): an invisible frame around the points. */
function frameOf(points: MapPoint[]) {
  const lngs = points.length ? points.map((p) => p.lng) : [0];
  const lats = points.length ? points.map((p) => p.lat) : [0];
  const [w, e] = [Math.min(...lngs) - 0.05, Math.max(...lngs) + 0.05];
  const [s, n] = [Math.min(...lats) - 0.05, Math.max(...lats) + 0.05];
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: '', name: '' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      },
    ],
  };
}

function pointTip(p: MapPoint, t: Translate): string {
  return [
    `<b>${escapeHtml(p.name)}</b>`,
    escapeHtml(p.code),
    `${t('map.stage')}：${t(`map.stage.${p.stage}`)}`,
    `${t('map.light')}：${t(`warnings.level.${p.level}`)}`,
    t('map.clickPoint'),
  ].join('<br/>');
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
