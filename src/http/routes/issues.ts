// 问题协调 (capability `projectLedger.*`, scope-filtered in SQL through its project): the definition
// the one ledger route factory (ledger-routes.ts) serves.
import { ISSUE_TABLE } from '../../domain/tables/records';
import { ISSUES } from '../../services/records/ledger-service';
import { presentIssue } from '../presenters/ledgers';
import { ZIssue, ZIssueCreate, ZIssueList, ZIssuePatch, ZIssueQuery } from './issues.types';
import { ledgerRoutes, PROJECT_LEDGER } from './ledger-routes';

export const issueRoutes = ledgerRoutes({
  path: '/api/issues',
  tag: 'issues',
  noun: '问题',
  capabilities: PROJECT_LEDGER,
  schemas: { query: ZIssueQuery, list: ZIssueList, item: ZIssue, create: ZIssueCreate, patch: ZIssuePatch },
  filter: ({ resolved, ...rest }) => ({ ...rest, closed: resolved }),
  service: ISSUES,
  present: presentIssue,
  table: ISSUE_TABLE,
});
