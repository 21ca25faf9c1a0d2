// The evaluation engine's public surface, for the services layer.
export { canonicalJson } from './canonical-json';
export { contentHash } from './content-hash';
export { evaluate } from './engine';
export { formatPoints, formatScore, formatValue } from './format';
export { METRIC_LABELS, metricLabel } from './metric-labels';
export { mulberry32 } from './prng';
export {
  indicatorMetrics,
  parseRuleFor,
  parseScheme,
  SchemeError,
  schemeIndicators,
  schemeMetrics,
} from './scheme';
export type * from './scheme-schema';
export { RULE_TYPES } from './scheme-schema';
export {
  runSensitivity,
  type SensitivityIndex,
  type SensitivityOptions,
  type SensitivityResult,
  type SensitivityVary,
  type UnitRobustness,
} from './sensitivity';
export type * from './types';
export { type WhatItTakesEntry, type WhatItTakesResult, whatItTakes } from './what-it-takes';
