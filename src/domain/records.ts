// The records each spreadsheet kind carries once parsed: the one shape shared by the
// importer, the exporter, the services and the demo generator. Amounts are integer 元,
// dates ISO "YYYY-MM-DD", absent optional values null.

export const IMPORT_KINDS = [
  'regions',
  'projects',
  'reports',
  'deals',
  'reserve',
  'approvals',
  'issues',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const REGION_KINDS = ['province', 'city', 'demo_zone', 'direct_county', 'county'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export const LISTS = ['province_key', 'city_key', '982', 'sangeyipi'] as const;
export type ListId = string; // named programmes beyond LISTS are allowed

export const NATURES = ['new', 'continuing', 'completing', 'preparatory'] as const;
export type Nature = (typeof NATURES)[number];

export const DEAL_ORIGINS = ['in_province', 'out_of_province', 'abroad'] as const;
export type DealOrigin = (typeof DEAL_ORIGINS)[number];

export const TOP500_TYPES = ['global500', 'china500'] as const;
export type Top500 = (typeof TOP500_TYPES)[number];

export interface RegionRecord {
  code: string;
  name: string;
  parentCode: string | null;
  kind: RegionKind;
}

/** One project as listed for a year and list (the list and year come from the import options). */
export interface ProjectRecord {
  code: string;
  name: string;
  regionCode: string;
  owner: string | null;
  leader: string | null;
  domain: string | null;
  nature: Nature;
  totalInvestment: bigint | null;
  annualTarget: bigint | null;
  plannedStart: string | null;
  plannedCompletion: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  lng: number | null;
  lat: number | null;
  scope: string | null;
  /** 计划投产日期: when the project is planned to go into production (industrial, energy, agricultural projects). */
  plannedProduction: string | null;
  /** 实际投产日期: when it actually went into production. */
  productionStart: string | null;
  /** 投产后年产值 (达产产值), 元: the yearly output value expected once in production. */
  outputValue: bigint | null;
}

export interface ReportRecord {
  projectCode: string;
  year: number;
  month: number;
  /** Cumulative investment January..month, 元. */
  investYtd: bigint;
  started: boolean;
  startDate: string | null;
  completed: boolean;
  completionDate: string | null;
  progressNote: string | null;
  problems: string | null;
  reportedAt: string | null;
}

export interface DealRecord {
  name: string;
  regionCode: string;
  investor: string | null;
  origin: DealOrigin;
  top500: Top500 | null;
  signedDate: string;
  contractAmount: bigint;
  fundsInPlace: bigint;
  industry: string | null;
  startDate: string | null;
  projectCode: string | null;
}

export interface ReserveRecord {
  name: string;
  regionCode: string;
  targetYear: number;
  totalInvestment: bigint | null;
  domain: string | null;
  maturity: string | null;
  major: boolean;
  convertedProjectCode: string | null;
}

export interface ApprovalRecord {
  projectCode: string;
  itemName: string;
  department: string | null;
  dueDate: string | null;
  submittedDate: string | null;
  doneDate: string | null;
}

export interface IssueRecord {
  projectCode: string;
  category: string | null;
  description: string;
  responsibleUnit: string | null;
  raisedDate: string;
  dueDate: string | null;
  resolvedDate: string | null;
}

export interface KindRecords {
  regions: RegionRecord;
  projects: ProjectRecord;
  reports: ReportRecord;
  deals: DealRecord;
  reserve: ReserveRecord;
  approvals: ApprovalRecord;
  issues: IssueRecord;
}

/** A problem with one cell or row of an input file. Row numbers are the file's own (1-based). */
export interface InputProblem {
  file: string;
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}
