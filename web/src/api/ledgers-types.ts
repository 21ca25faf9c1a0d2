// The four ledgers as the ledger pages read them: the types of src/http/presenters/ledgers.ts
// (src/http/contract.ts). Amounts are 元 decimal strings.
import type { ApprovalItem, Deal, Issue, ReserveProject } from '../../../src/http/contract';

export const DEAL_ORIGINS = ['in_province', 'out_of_province', 'abroad'] as const;
export const TOP500_TYPES = ['global500', 'china500'] as const;

export type { ApprovalItem, Deal, Issue, ReserveProject } from '../../../src/http/contract';

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
