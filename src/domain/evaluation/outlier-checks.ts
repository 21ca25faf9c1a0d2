// Checks of the outlier treatment a scheme declares (docs/schemes.md → outliers): an indicator
// may declare one only under a relative rule, and a log transform only under one a transformed
// value can be scored by.
import { LOG_RULES, RELATIVE_RULES } from './outlier-treatment';
import type { SchemePath, SchemeProblem } from './scheme-checks';
import type { Scheme } from './scheme-schema';

export function checkOutlierDeclarations(scheme: Scheme): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  scheme.dimensions.forEach((dim, i) => {
    dim.indicators.forEach((ind, j) => {
      const d = ind.outliers;
      if (!d || d.treatment === 'none') return;
      const path: SchemePath = ['dimensions', i, 'indicators', j, 'outliers', 'treatment'];
      const where = `指标 "${dim.name} / ${ind.name}"`;
      if (!RELATIVE_RULES.includes(ind.rule.type))
        out.push({
          code: 'outliers_rule',
          path,
          message: `${where} 的 outliers 只适用于相对比较的规则（${RELATIVE_RULES.join('、')}），${ind.rule.type} 规则与目标值或固定阈值比较，处理后的数值没有意义`,
        });
      else if (d.treatment === 'log' && !LOG_RULES.includes(ind.rule.type))
        out.push({
          code: 'outliers_log_rule',
          path,
          message: `${where} 的 outliers.treatment 为 log，但 ${ind.rule.type} 规则按与最优值之比计分，对数变换后的数值不能这样比较；请改用 winsorise 或 ${LOG_RULES.join('、')} 规则`,
        });
    });
  });
  return out;
}
