// 联审联批事项台账: the generic ledger page (ledger-table.tsx) with the approvals definition (ledger-kinds.tsx).
import { APPROVALS } from './ledger-kinds';
import { LedgerPage } from './ledger-table';

export default function ApprovalsPage() {
  return <LedgerPage kind={APPROVALS} />;
}
