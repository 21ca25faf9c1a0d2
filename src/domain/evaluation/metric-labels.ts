// Chinese names of the metrics, read from the closed registry (src/domain/metric-registry.ts), used
// in explanations, "what would it take" and the methodology.
import { METRICS, registryLabel } from '../metric-registry';

export const METRIC_LABELS: Record<string, string> = Object.fromEntries(METRICS.map((m) => [m.key, m.label]));

export function metricLabel(metric: string): string {
  return registryLabel(metric);
}
