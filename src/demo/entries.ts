// The demo's 加分/扣分 (simulated): three events and two manual adjustments of 2020, entered by the
// demo and approved by a second (demo) reviewer, so that the explanations show them with their
// reasons. Luoyang only gains and the others only lose, so the seed article's ranks stand.

export interface DemoEvent {
  regionCode: string;
  eventDate: string;
  item: string;
  count: number;
  reason: string;
  note: string;
}

export interface DemoAdjustment {
  scheme: string;
  period: string;
  unitCode: string;
  kind: 'bonus' | 'penalty';
  item: string | null;
  points: string;
  reason: string;
}

export const DEMO_EVENTS: DemoEvent[] = [
  {
    regionCode: '410300',
    eventDate: '2020-07-15',
    item: 'national_recognition',
    count: 1,
    reason: '重点项目建设经验获国务院办公厅督查激励通报表扬（模拟）',
    note: '国办发〔2020〕演示1号',
  },
  {
    regionCode: '410200',
    eventDate: '2020-05-20',
    item: 'data_untrue',
    count: 1,
    reason: '4月报送的1个项目累计完成投资经核查不实（模拟）',
    note: '省重点项目办核查通报（演示）',
  },
  {
    regionCode: '410800',
    eventDate: '2020-04-10',
    item: 'report_overdue',
    count: 2,
    reason: '2月、3月月报逾期未报送（模拟）',
    note: '省重点项目办月报通报（演示）',
  },
];

export const DEMO_ADJUSTMENTS: DemoAdjustment[] = [
  {
    scheme: 'sibisikan-2020',
    period: '2020',
    unitCode: '410400',
    kind: 'bonus',
    item: 'province_observation',
    points: '0.50',
    reason: '全省重点项目观摩评比第三名（模拟）',
  },
  {
    scheme: 'sibisikan-2020',
    period: '2020',
    unitCode: '410500',
    kind: 'penalty',
    item: null,
    points: '1.00',
    reason: '重点项目问题整改不力，被省领导小组约谈（模拟）',
  },
];
