// Every rule of who may do what, as pure functions of (actor, target). One action, one rule;
// a rule lists the roles that may ever do the action and, for records, the test on the record.

import { provinceOf } from '../domain/regions';
import {
  type Actor,
  inScope,
  isBoundTo,
  type ProjectTarget,
  type RegionTarget,
  type UserTarget,
} from './actor';
import { isAdminRole, type Role } from './roles';

export interface ActionTargets {
  'region.read': null;
  'project.read': ProjectTarget;
  'project.create': RegionTarget;
  'project.update': ProjectTarget;
  'project.delete': ProjectTarget;
  'report.read': ProjectTarget;
  /** Create, edit and delete a draft; submit it. */
  'report.fill': ProjectTarget;
  /** Approve or return a submitted report. */
  'report.review': ProjectTarget;
  'ledger.read': RegionTarget;
  'ledger.write': RegionTarget;
  'projectLedger.read': ProjectTarget;
  'projectLedger.write': ProjectTarget;
  'stats.read': RegionTarget;
  'data.export': RegionTarget;
  'data.import': RegionTarget;
  'regions.import': null;
  'user.read': null;
  'user.manage': UserTarget | null;
  'user.role': UserTarget;
  'settings.read': null;
  'settings.report': null;
  'settings.security': null;
  'audit.read': null;
  /** An evaluation of a region's child units; the target is that (parent) region. */
  'evaluation.read': RegionTarget;
  'evaluation.run': RegionTarget;
  'evaluation.publish': RegionTarget;
  /** Publish despite the publish gate's refusals, with a reason; the target is the parent region. */
  'evaluation.override': RegionTarget;
  /** Revoke a published evaluation (a record, with a reason); the target is its parent region. */
  'evaluation.revoke': RegionTarget;
  /** Create or revoke the public link of a published evaluation; the target is its parent region. */
  'publicLink.manage': RegionTarget;
  /** Import, publish and link honours lists (荣誉名单); the target is the province. */
  'honours.manage': RegionTarget;
  /** Read the bonus/penalty events and manual adjustments of a province; the target is the province. */
  'evaluationEntry.read': RegionTarget;
  /** Enter an event or a manual adjustment; the target is the unit it concerns. */
  'evaluationEntry.enter': RegionTarget;
  /** Approve an entry so that it counts; the target is the entry (its unit and who entered it). */
  'evaluationEntry.approve': EntryTarget;
  /** Revoke an entry (it stays on record, no longer counted); the target is its unit. */
  'evaluationEntry.revoke': RegionTarget;
  /** Read units' self-scores (自评分); the target is the unit. */
  'selfScore.read': RegionTarget;
  /** Report or revise a unit's self-score; the target is the unit. */
  'selfScore.report': RegionTarget;
  /** See, fetch the result of, or cancel a background job: the account that started it, nobody else. */
  'job.own': JobTarget;
}

/** A background job: the account that started it. */
export interface JobTarget {
  ownerId: number;
}

/** An event or manual adjustment under review: its unit, and the account that entered it. */
export interface EntryTarget extends RegionTarget {
  author: string;
}
export type Action = keyof ActionTargets;

export interface Rule<A extends Action> {
  roles: readonly Role[];
  test?: (actor: Actor, target: ActionTargets[A]) => boolean;
  /** The read action on the same target: if the actor may read it, a refusal is 403, otherwise 404. */
  read?: Action;
  /** The status when the test fails and `read` does not apply; 404 unless the target is known to the actor. */
  refusal?: 403 | 404;
}

const OFFICERS: readonly Role[] = ['province_officer', 'city_officer', 'county_officer'];
const READERS: readonly Role[] = [...OFFICERS, 'viewer'];
const PROJECT_READERS: readonly Role[] = [...READERS, 'project_owner', 'leader'];
const EVERYONE: readonly Role[] = [...PROJECT_READERS, 'sysadmin', 'secadmin', 'auditor'];

const regionInScope = (actor: Actor, target: RegionTarget) => inScope(actor, target.regionCode);
const sameProvince = (actor: Actor, target: RegionTarget) =>
  actor.regionCode !== null && provinceOf(actor.regionCode) === provinceOf(target.regionCode);
const projectVisible = (actor: Actor, p: ProjectTarget) =>
  inScope(actor, p.regionCode) || isBoundTo(actor, p);
const projectInScope = (actor: Actor, p: ProjectTarget) => inScope(actor, p.regionCode);

/** The project owner bound to it, or the officer of the project's own region. */
export function fillsReports(actor: Actor, p: ProjectTarget): boolean {
  if (actor.role === 'project_owner') return actor.projectIds.has(p.projectId);
  return OFFICERS.includes(actor.role) && actor.regionCode === p.regionCode;
}

/** The system administrator's reach: another account, of a business role. */
export function managesAccount(actor: Actor, target: UserTarget): boolean {
  return actor.id !== target.id && !isAdminRole(target.role);
}

/** The officer one level up: the city reviews its counties, the province its cities and direct counties. */
export function reviewsReports(actor: Actor, p: ProjectTarget): boolean {
  return OFFICERS.includes(actor.role) && actor.regionCode === p.reviewRegionCode;
}

export const RULES: { [A in Action]: Rule<A> } = {
  'region.read': { roles: EVERYONE },
  'project.read': { roles: PROJECT_READERS, test: projectVisible },
  'project.create': { roles: OFFICERS, test: regionInScope },
  'project.update': { roles: OFFICERS, test: projectInScope, read: 'project.read' },
  'project.delete': { roles: OFFICERS, test: projectInScope, read: 'project.read' },
  'report.read': { roles: PROJECT_READERS, test: projectVisible },
  'report.fill': { roles: [...OFFICERS, 'project_owner'], test: fillsReports, read: 'report.read' },
  'report.review': { roles: OFFICERS, test: reviewsReports, read: 'report.read' },
  'ledger.read': { roles: READERS, test: regionInScope },
  'ledger.write': { roles: OFFICERS, test: regionInScope, read: 'ledger.read' },
  'projectLedger.read': { roles: PROJECT_READERS, test: projectVisible },
  'projectLedger.write': { roles: OFFICERS, test: projectInScope, read: 'projectLedger.read' },
  'stats.read': { roles: READERS, test: regionInScope },
  'data.export': { roles: READERS, test: regionInScope },
  'data.import': { roles: OFFICERS, test: regionInScope },
  'regions.import': { roles: ['province_officer'] },
  'user.read': { roles: ['sysadmin', 'secadmin'] },
  // Who acts on whose account (三员分立; the table in account-duties.ts and docs/accounts.md): the
  // system administrator edits, disables, enables and resets the passwords of business accounts only,
  // never one of the three administrators (a reset password after a TOTP reset was a takeover); the
  // security administrator assigns roles and resets second factors of any account; nobody acts on
  // their own account here (password change is self-service). The accounts are listed to both: 403.
  'user.manage': {
    roles: ['sysadmin'],
    test: (actor, t) => t === null || managesAccount(actor, t),
    refusal: 403,
  },
  'user.role': { roles: ['secadmin'], test: (actor, t) => actor.id !== t.id, refusal: 403 },
  'settings.read': { roles: ['sysadmin', 'secadmin'] },
  'settings.report': { roles: ['sysadmin'] },
  'settings.security': { roles: ['secadmin'] },
  'audit.read': { roles: ['auditor'] },
  // Only the province runs and publishes evaluations. A published result is read by every reader in
  // the same province (a city reads the province's ranking it stands in; #7 makes it public anyway).
  'evaluation.read': { roles: READERS, test: sameProvince },
  'evaluation.run': { roles: ['province_officer'], test: regionInScope, read: 'evaluation.read' },
  'evaluation.publish': { roles: ['province_officer'], test: regionInScope, read: 'evaluation.read' },
  // Overriding the publish gate (no data, low coverage, data-quality errors) and revoking a published
  // result answer for the province's ranking: the province office of the region's own province, the
  // same people who publish; never a city or county, nor an administrator (三员 do not publish). The
  // reason is required and is stored with the result, so the decision is on record, not a bypass.
  'evaluation.override': { roles: ['province_officer'], test: regionInScope, read: 'evaluation.read' },
  'evaluation.revoke': { roles: ['province_officer'], test: regionInScope, read: 'evaluation.read' },
  // Making a result public is the publisher's decision: the province office, as for publication.
  'publicLink.manage': { roles: ['province_officer'], test: regionInScope, read: 'evaluation.read' },
  'honours.manage': { roles: ['province_officer'], test: regionInScope },
  // 加分/扣分 move the province's ranking, so the province office enters them (a unit in its scope),
  // and another officer of the office approves them: whoever entered an entry never approves it
  // (separation of duties; 403, the entry is known to them). Revoking takes an entry out of the
  // score and stays on record with who, when and why; any officer of the office may, the author too.
  'evaluationEntry.read': { roles: ['province_officer'], test: regionInScope },
  'evaluationEntry.enter': { roles: ['province_officer'], test: regionInScope, read: 'evaluationEntry.read' },
  'evaluationEntry.approve': {
    roles: ['province_officer'],
    test: (actor, target) => inScope(actor, target.regionCode) && actor.username !== target.author,
    read: 'evaluationEntry.read',
  },
  'evaluationEntry.revoke': {
    roles: ['province_officer'],
    test: regionInScope,
    read: 'evaluationEntry.read',
  },
  // 自评分: a unit's own office reports its self-score (the city office for the city, the county
  // office for the county; never the office above it, which verifies the score); every officer reads
  // the self-scores of the units in its scope, the province office all of the province's.
  'selfScore.read': { roles: OFFICERS, test: regionInScope },
  'selfScore.report': {
    roles: ['city_officer', 'county_officer'],
    test: (actor, target) => actor.regionCode === target.regionCode,
    read: 'selfScore.read',
  },
  // A job holds what its owner was allowed to see when it started (an export of their scope, an
  // analysis of their province): nobody else sees it, not an officer above them, not an administrator.
  'job.own': { roles: EVERYONE, test: (actor, job) => actor.id === job.ownerId },
};
