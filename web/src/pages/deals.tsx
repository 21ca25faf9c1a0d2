// 签约项目台账: the generic ledger page (ledger-table.tsx) with the deals definition (ledger-kinds.tsx).
import { DEALS } from './ledger-kinds';
import { LedgerPage } from './ledger-table';

export default function DealsPage() {
  return <LedgerPage kind={DEALS} />;
}
