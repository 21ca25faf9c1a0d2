// The four ledgers as the ledger pages read them (src/http/presenters/ledgers.ts and
// src/http/routes/{deals,reserve,approvals,issues}.types.ts). Amounts are 元 decimal strings.

export const DEAL_ORIGINS = ['in_province', 'out_of_province', 'abroad'] as const;
export const TOP500_TYPES = ['global500', 'china500'] as const;

type Stamp = {
  id: number;
  version: number;
  updatedAt: string;
  permissions: Partial<Record<'update' | 'delete', boolean>>;
};

export interface Deal extends Stamp {
  name: string;
  regionCode: string;
  investor: string | null;
  origin: (typeof DEAL_ORIGINS)[number] | string;
  top500: (typeof TOP500_TYPES)[number] | null;
  signedDate: string;
  contractAmount: string;
  fundsInPlace: string;
  industry: string | null;
  startDate: string | null;
  projectCode: string | null;
}

export interface ReserveProject extends Stamp {
  name: string;
  regionCode: string;
  targetYear: number;
  totalInvestment: string | null;
  domain: string | null;
  maturity: string | null;
  major: boolean;
  convertedProjectCode: string | null;
}

export interface ApprovalItem extends Stamp {
  projectId: number;
  projectCode: string;
  regionCode: string;
  itemName: string;
  department: string | null;
  dueDate: string | null;
  submittedDate: string | null;
  doneDate: string | null;
}

export interface Issue extends Stamp {
  projectId: number;
  projectCode: string;
  regionCode: string;
  category: string | null;
  description: string;
  responsibleUnit: string | null;
  raisedDate: string;
  dueDate: string | null;
  resolvedDate: string | null;
}

export type LedgerRecord = Deal | ReserveProject | ApprovalItem | Issue;

/** Usual 问题协调 categories and reserve maturities (suggestions; the fields are free text). */
export const ISSUE_CATEGORIES = [
  '用地保障',
  '征地拆迁',
  '资金筹措',
  '手续办理',
  '要素保障',
  '施工组织',
] as const;
export const RESERVE_MATURITIES = ['可研已批复', '可研编制中', '项目建议书阶段', '初步谋划'] as const;
