// The 红黄绿灯 badge: a red or yellow tag, and the lights of the working region's projects at its
// default month (GET /api/periods, then /api/warnings), shared by the projects list through a context.
import { Tag } from 'antd';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { api } from '../api/client';
import { useRegionPeriods } from '../api/periods';
import { useApiQuery } from '../api/query';
import type { LightLevel, Warnings } from '../api/warnings-types';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { useCan } from '../session';

const COLORS: Record<LightLevel, string> = { red: 'red', yellow: 'gold', green: 'green' };

export function LightBadge({ level }: { level: LightLevel }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[level]} data-testid={`light-${level}`}>
      {t(`warnings.level.${level}`)}
    </Tag>
  );
}

const LightsContext = createContext<ReadonlyMap<number, LightLevel>>(new Map());

/** Loads the lights once for a page of projects; nothing for a role that reads no statistics. */
export function ProjectLightsProvider({ children }: { children: ReactNode }) {
  const can = useCan();
  const region = useRegions().working;
  const enabled = can('stats.read') && region !== null;
  const period = useRegionPeriods(region, enabled).data?.month;
  const state = useApiQuery(['/api/warnings', 'project-lights', region, period], (signal) =>
    region && period ? api.get<Warnings>('/api/warnings', { region, period }, signal) : Promise.resolve(null),
  );
  const lights = useMemo(
    () => new Map((state.data?.projects ?? []).map((p) => [p.id, p.level] as const)),
    [state.data],
  );
  return <LightsContext.Provider value={lights}>{children}</LightsContext.Provider>;
}

/** The project's badge when it is red or yellow; nothing when green or unknown. */
export function ProjectLight({ id }: { id: number }) {
  const level = useContext(LightsContext).get(id);
  return level && level !== 'green' ? <LightBadge level={level} /> : null;
}
