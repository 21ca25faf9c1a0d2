// 谋划储备项目 (capability `ledger.*`, scope-filtered in SQL by its own region): the definition the
// one ledger route factory (ledger-routes.ts) serves.
import { RESERVE_TABLE } from '../../domain/tables/records';
import { RESERVE } from '../../services/records/ledger-service';
import { presentReserve } from '../presenters/ledgers';
import { ledgerRoutes, REGION_LEDGER } from './ledger-routes';
import { ZReserve, ZReserveCreate, ZReserveList, ZReservePatch, ZReserveQuery } from './reserve.types';

export const reserveRoutes = ledgerRoutes({
  path: '/api/reserve',
  tag: 'reserve',
  noun: '储备项目',
  capabilities: REGION_LEDGER,
  schemas: {
    query: ZReserveQuery,
    list: ZReserveList,
    item: ZReserve,
    create: ZReserveCreate,
    patch: ZReservePatch,
  },
  filter: (query) => query,
  service: RESERVE,
  present: (actor, row) => presentReserve(actor, row),
  table: RESERVE_TABLE,
});
