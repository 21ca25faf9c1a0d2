// Which statistics' metrics are amounts in 元 and which are rates: the web's copy of the units in
// the server's metric registry (src/domain/metric-registry.ts), kept equal by metrics-registry.test.ts.
// No DOM and no i18n here, so the test can read it.
export const AMOUNT_METRICS: ReadonlySet<string> = new Set([
  'key.annualTarget',
  'key.investYtd',
  'key.outputValue',
  'deals.signedAmount',
  'deals.fundsInPlace',
  'deals.outsideFunds',
  'reserve.investment',
]);

export const isRate = (name: string): boolean => /(Rate|Share|timeProgress)$/.test(name);
