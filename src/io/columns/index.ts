// Every import kind's column spec, by kind.

import type { ImportKind, KindRecords } from '../../domain/records';
import { approvalsSpec } from './approvals';
import { dealsSpec } from './deals';
import { issuesSpec } from './issues';
import { projectsSpec } from './projects';
import { regionsSpec } from './regions';
import { reportsSpec } from './reports';
import { reserveSpec } from './reserve';
import type { KindSpec } from './types';

export const KIND_SPECS: { [K in ImportKind]: KindSpec<KindRecords[K]> } = {
  regions: regionsSpec,
  projects: projectsSpec,
  reports: reportsSpec,
  deals: dealsSpec,
  reserve: reserveSpec,
  approvals: approvalsSpec,
  issues: issuesSpec,
};

export function specOf<K extends ImportKind>(kind: K): KindSpec<KindRecords[K]> {
  return KIND_SPECS[kind];
}

export type { ColumnSpec, ColumnType, KindSpec } from './types';
