// English strings of the audit log page; every key of audit.zh-CN.ts.
import type { auditZhCN } from './audit.zh-CN';

export const auditEn: Record<keyof typeof auditZhCN, string> = {
  'audit.title': 'Audit log',
  'audit.time': 'Time',
  'audit.actor': 'Actor',
  'audit.ip': 'IP address',
  'audit.action': 'Action',
  'audit.actionHint':
    'Pick from the list or type an action code (e.g. auth.login); a prefix ending in "." such as auth. selects a family',
  'audit.target': 'Target',
  'audit.targetType': 'Target type',
  'audit.targetId': 'Target id',
  'audit.outcome': 'Outcome',
  'audit.outcome.ok': 'OK',
  'audit.outcome.denied': 'Denied',
  'audit.outcome.failed': 'Failed',
  'audit.outcome.rejected': 'Rejected',
  'audit.range': 'Time range',
  'audit.details': 'Details',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.field': 'Field',
  'audit.changes': 'Changes',
  'audit.noChanges': 'No field changed',
  'audit.raw': 'Raw data (JSON)',
  'audit.exportCsv': 'Export CSV',
  'audit.exportXlsx': 'Export Excel',
  'audit.exportHint':
    'Exports every entry the filter selects (not only this page); the export itself is logged',
};
