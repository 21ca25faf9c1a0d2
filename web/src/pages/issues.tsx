// 问题协调台账: the generic ledger page (ledger-table.tsx) with the issues definition (ledger-kinds.tsx).
import { ISSUES } from './ledger-kinds';
import { LedgerPage } from './ledger-table';

export default function IssuesPage() {
  return <LedgerPage kind={ISSUES} />;
}
