// 谋划储备项目台账: the generic ledger page (ledger-table.tsx) with the reserve definition (ledger-kinds.tsx).
import { RESERVE } from './ledger-kinds';
import { LedgerPage } from './ledger-table';

export default function ReservePage() {
  return <LedgerPage kind={RESERVE} />;
}
