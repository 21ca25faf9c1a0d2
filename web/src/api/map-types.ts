// 挂图作战 as GET /api/map answers it: the types of src/http/routes/map.types.ts (ZMap).
export type {
  LightLevel,
  MapChild,
  MapPoint,
  OutlineFeature,
  ProjectStage,
  RegionMapData,
} from '../../../src/http/contract';
