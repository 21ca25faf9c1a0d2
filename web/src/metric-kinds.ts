// Which statistics' metrics are amounts in 元 and which are rates: read from the server's metric
// registry (src/domain/metric-registry.ts; pure data, imported as a value), not a copy of it.
// No DOM and no i18n here, so tests can read it.
import { YUAN_METRICS } from '../../src/domain/metric-registry';

export const AMOUNT_METRICS: ReadonlySet<string> = new Set(YUAN_METRICS);

export const isRate = (name: string): boolean => /(Rate|Share|timeProgress)$/.test(name);
