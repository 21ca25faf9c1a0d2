// The facts of one project the OC4IDS export reads (src/db/oc4ids.ts gives them, src/io/oc4ids maps
// them): the project, its year entry on a list and its latest approved monthly report.
import type { ProjectRecord, ReportRecord } from './records';

/** One project as the database gives it (money in integer 元, dates as YYYY-MM-DD). */
export interface Oc4idsSource
  extends Pick<
    ProjectRecord,
    | 'code'
    | 'name'
    | 'regionCode'
    | 'owner'
    | 'domain'
    | 'scope'
    | 'totalInvestment'
    | 'plannedStart'
    | 'plannedCompletion'
    | 'actualStart'
    | 'actualCompletion'
    | 'lng'
    | 'lat'
    | 'nature'
    | 'annualTarget'
  > {
  list: string;
  /** The latest change to the project, its year entry or the report used (ISO date-time, UTC). */
  updatedAt: string;
  /** The latest approved report of the year up to the period's last month; null without one. */
  report: Oc4idsReport | null;
}

export type Oc4idsReport = Pick<
  ReportRecord,
  'month' | 'investYtd' | 'started' | 'startDate' | 'completed' | 'completionDate' | 'progressNote'
>;
