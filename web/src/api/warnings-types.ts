// GET /api/warnings (红黄绿灯): the shape the server's ZWarnings schema sends.
export type LightLevel = 'red' | 'yellow' | 'green';
export type AlertKind = 'behind_time' | 'not_started' | 'no_report' | 'issue_overdue' | 'region_behind';

export interface WarningAlert {
  kind: AlertKind;
  level: 'red' | 'yellow';
  /** percentage points (negative: behind) or days; 0 for no_report */
  value: number;
  threshold: number;
  /** zh-CN: the fact and what to do */
  message: string;
}

interface RegionRef {
  code: string;
  name: string;
  kind: string;
}

export interface Warnings {
  region: RegionRef;
  period: string;
  lists: string[];
  thresholds: { behindRed: number; behindYellow: number; notStartedRedDays: number; issueDays: number };
  provinceRate: number | null;
  counts: Record<LightLevel, number>;
  projects: {
    id: number;
    code: string;
    name: string;
    region: RegionRef;
    level: LightLevel;
    alerts: WarningAlert[];
  }[];
  units: { region: RegionRef; investRate: number | null; level: LightLevel; alerts: WarningAlert[] }[];
}
