// GET /api/warnings (红黄绿灯): the types of src/http/routes/warnings.types.ts (ZWarnings).
export type { AlertKind, LightLevel, WarningAlert, Warnings } from '../../../src/http/contract';
