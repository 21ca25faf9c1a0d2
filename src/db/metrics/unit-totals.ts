// All metric families for a scope, each one grouped query, merged per unit.
import { emptyTotals, type UnitTotals } from '../../domain/metrics';
import type { Tx } from '../query';
import { queryKeyProjectTotals } from './key-projects';
import { queryDealTotals, queryReserveTotals, queryServiceTotals } from './ledgers';
import type { MetricScope } from './scope';

export async function queryUnitTotals(db: Tx, scope: MetricScope): Promise<Map<string, UnitTotals>> {
  const key = await queryKeyProjectTotals(db, scope);
  const deals = await queryDealTotals(db, scope);
  const reserve = await queryReserveTotals(db, scope);
  const services = await queryServiceTotals(db, scope);
  const out = new Map<string, UnitTotals>();
  for (const unit of new Set(scope.unitOf.values())) {
    const base = emptyTotals();
    out.set(unit, {
      key: key.get(unit) ?? base.key,
      deals: deals.get(unit) ?? base.deals,
      reserve: reserve.get(unit) ?? base.reserve,
      services: services.get(unit) ?? base.services,
    });
  }
  return out;
}
