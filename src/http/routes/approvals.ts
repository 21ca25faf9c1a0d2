// 联审联批事项 (capability `projectLedger.*`, scope-filtered in SQL through its project): the
// definition the one ledger route factory (ledger-routes.ts) serves.
import { APPROVAL_TABLE } from '../../domain/tables/records';
import { APPROVALS } from '../../services/records/ledger-service';
import { presentApproval } from '../presenters/ledgers';
import { ZApproval, ZApprovalCreate, ZApprovalList, ZApprovalPatch, ZApprovalQuery } from './approvals.types';
import { ledgerRoutes, PROJECT_LEDGER } from './ledger-routes';

export const approvalRoutes = ledgerRoutes({
  path: '/api/approvals',
  tag: 'approvals',
  noun: '审批事项',
  capabilities: PROJECT_LEDGER,
  schemas: {
    query: ZApprovalQuery,
    list: ZApprovalList,
    item: ZApproval,
    create: ZApprovalCreate,
    patch: ZApprovalPatch,
  },
  filter: ({ done, ...rest }) => ({ ...rest, closed: done }),
  service: APPROVALS,
  present: presentApproval,
  table: APPROVAL_TABLE,
});
