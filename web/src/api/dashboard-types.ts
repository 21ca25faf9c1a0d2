// The 驾驶舱 as GET /api/dashboard answers it: the types of src/http/routes/stats.types.ts (ZDashboard).
export type {
  Dashboard,
  Metrics,
  RankEntry,
  RegionRef as DashboardRegion,
} from '../../../src/http/contract';
