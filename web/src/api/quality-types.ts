// GET /api/quality and GET /api/reports/:id/quality (数据质量检查): the types of
// src/http/routes/quality.types.ts.
export type { ImportQuality, Quality, QualityCounts, QualityFinding } from '../../../src/http/contract';
