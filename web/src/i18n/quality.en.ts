// English strings of the data-quality page and findings; every key of quality.zh-CN.ts.
import type { qualityZhCN } from './quality.zh-CN';

export const qualityEn: Record<keyof typeof qualityZhCN, string> = {
  'menu.quality': 'Data quality',
  'metric.reports.qualityFindings': 'Data-quality findings',
  'metric.reports.cleanRate': 'Reports without findings',
  'quality.title': 'Data-quality checks',
  'quality.counts':
    '{reports} reports, {clean} without findings ({rate}); {errors} errors, {warnings} warnings',
  'quality.thresholds':
    'A month amount {factor}× the previous one (or 1/{factor}) is a jump, unless the previous was under {floor} × 10,000 yuan; the same progress text for {months} months running is copied',
  'quality.scope.month': 'This month',
  'quality.scope.span': 'January to this month',
  'quality.severity.all': 'All',
  'quality.severity.error': 'Errors',
  'quality.severity.warning': 'Warnings',
  'quality.listed': 'First {listed} of {total}',
  'quality.findings': 'Findings',
  'quality.units': 'Reporting quality by unit',
  'quality.clean': 'Clean',
  'quality.errors': 'Errors',
  'quality.warnings': 'Warnings',
  'quality.none': 'No data-quality findings in this period’s reports',
  'quality.openReport': 'Open report',
  'quality.report.title': 'Data-quality checks',
  'quality.report.clean': 'No data-quality findings',
  'quality.report.hint':
    'Possible mistakes: they do not block submission or approval; check and correct them, or explain in the progress text',
  'quality.approveConfirm': 'This report has {count} data-quality errors. Approve it anyway?',
  'quality.import.title': 'Data-quality checks: {errors} errors, {warnings} warnings',
  'quality.import.hint': 'Possible mistakes: the file is imported anyway; check and correct them afterwards',
  'quality.import.more': '{count} more: see the Data quality page',
  'settings.quality.jumpFactor':
    'Data quality: a month amount this many times the previous (or 1/this) is a jump',
  'settings.quality.jumpFloorWan':
    'Data quality: ignore jumps when the previous month added less than (10,000 yuan)',
  'settings.quality.copiedMonths': 'Data quality: months of identical progress text that count as copied',
} as const;
