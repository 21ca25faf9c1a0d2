// 招商引资签约项目 (capability `ledger.*`, scope-filtered in SQL by its own region): the definition
// the one ledger route factory (ledger-routes.ts) serves.
import { DEAL_TABLE } from '../../domain/tables/records';
import { DEALS } from '../../services/records/ledger-service';
import { presentDeal } from '../presenters/ledgers';
import { ZDeal, ZDealCreate, ZDealList, ZDealPatch, ZDealQuery } from './deals.types';
import { ledgerRoutes, REGION_LEDGER } from './ledger-routes';

export const dealRoutes = ledgerRoutes({
  path: '/api/deals',
  tag: 'deals',
  noun: '签约项目',
  capabilities: REGION_LEDGER,
  schemas: { query: ZDealQuery, list: ZDealList, item: ZDeal, create: ZDealCreate, patch: ZDealPatch },
  filter: (query) => query,
  service: DEALS,
  present: (actor, row) => presentDeal(actor, row),
  table: DEAL_TABLE,
});
