// 挂图作战 as GET /api/map answers it (src/http/routes/map.types.ts, ZMap).
import type { DashboardRegion } from './dashboard-types';

export type ProjectStage = 'preparatory' | 'not_started' | 'under_construction' | 'completed';
export type LightLevel = 'red' | 'yellow' | 'green';

export interface MapPoint {
  id: number;
  code: string;
  name: string;
  /** The child unit the project lies in; null for the region's own projects. */
  unitCode: string | null;
  lng: number;
  lat: number;
  stage: ProjectStage;
  level: LightLevel;
}

export interface MapChild {
  region: DashboardRegion;
  /** Investment completed ÷ annual target; null without a target. */
  completionRate: number | null;
  /** 元 as exact decimal strings. */
  investYtd: string;
  annualTarget: string;
  totalInvestment: string;
  projectCount: number;
}

export interface OutlineFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; name: string; centre: [number, number] };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

export interface RegionMapData {
  region: DashboardRegion;
  period: string;
  lists: string[];
  /** 元: Σ 总投资 of every project in scope. */
  totalInvestment: string;
  points: MapPoint[];
  unlocatedProjects: number;
  children: MapChild[];
  /** 示意边界: schematic outlines drawn from the projects' coordinates, not legal boundaries. */
  outlines: { type: 'FeatureCollection'; features: OutlineFeature[] };
  unlocatedChildren: string[];
}
