// The demo's 自评分 (simulated): three units' self-scores for 2020Q3 under sibisikan-2020, reported by
// their own offices (洛阳 by the demo city account), so that the evaluation lists them beside the
// verified scores with the differences. Units tend to rate themselves high; 洛阳 reports per indicator too.

export interface DemoSelfScore {
  unitCode: string;
  /** The indicator id; null for the total. */
  indicator: string | null;
  points: string;
  note: string | null;
  reportedBy: string;
}

export const DEMO_SELF_SCORE_SCOPE = { scheme: 'sibisikan-2020', period: '2020Q3' } as const;

export const DEMO_SELF_SCORES: DemoSelfScore[] = [
  {
    unitCode: '410300',
    indicator: null,
    points: '92.00',
    note: '按季度自查（模拟）',
    reportedBy: 'demo_city',
  },
  { unitCode: '410300', indicator: 'invest_rate', points: '14.00', note: null, reportedBy: 'demo_city' },
  { unitCode: '410300', indicator: 'new_start_rate', points: '10.00', note: null, reportedBy: 'demo_city' },
  { unitCode: '410100', indicator: null, points: '88.50', note: '自查（模拟）', reportedBy: 'demo' },
  { unitCode: '410800', indicator: null, points: '75.00', note: '自查（模拟）', reportedBy: 'demo' },
];
