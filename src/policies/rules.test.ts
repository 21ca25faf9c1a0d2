import { describe, expect, it } from 'vitest';
import type { Actor, ProjectTarget } from './actor';
import { authorize, can, NotAllowedError, roleMay } from './authorize';
import { reviewRegionOf } from './review-level';
import type { Role } from './roles';
import { type Action, RULES } from './rules';
import { projectVisibility, regionVisibility, selfScoreUnits } from './visibility';

const LUOYANG = ['410300', '410322', '410311'];
const PROVINCE = ['410000', ...LUOYANG, '410800', '410181'];

function actor(
  role: Role,
  regionCode: string | null,
  scope: string[] = [],
  projectIds: number[] = [],
  id = 1,
): Actor {
  return {
    id,
    username: role,
    displayName: `${role} 名`,
    role,
    regionCode,
    scope: new Set(scope),
    projectIds: new Set(projectIds),
  };
}

const province = actor('province_officer', '410000', PROVINCE);
const city = actor('city_officer', '410300', LUOYANG);
const county = actor('county_officer', '410322', ['410322']);
const viewer = actor('viewer', '410300', LUOYANG);
const owner = actor('project_owner', null, [], [1]);
const leader = { ...actor('leader', null, [], [2]), displayName: '张三' };
const sysadmin = actor('sysadmin', null, [], [], 50);
const secadmin = actor('secadmin', null, [], [], 51);
const auditor = actor('auditor', null);

const project = (
  projectId: number,
  regionCode: string,
  reviewRegionCode: string,
  leaderName: string | null = null,
) => ({ projectId, regionCode, reviewRegionCode, leader: leaderName }) satisfies ProjectTarget;
const inCounty = project(1, '410322', '410300');
const inCity = project(2, '410300', '410000');
const otherCity = project(3, '410800', '410000', '张三');
const directCounty = project(4, '410181', '410000');

function refusal(run: () => void): number | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof NotAllowedError) return error.status;
    throw error;
  }
}

describe('region scope: own region and its descendants', () => {
  it('lets an officer read and write its own region and children, not a sibling or another city', () => {
    expect(can(city, 'project.read', inCity)).toBe(true);
    expect(can(city, 'project.update', inCounty)).toBe(true);
    expect(can(city, 'project.read', otherCity)).toBe(false);
    expect(can(county, 'project.read', inCity)).toBe(false);
    expect(can(county, 'project.update', inCounty)).toBe(true);
    expect(can(province, 'project.delete', otherCity)).toBe(true);
  });

  it('answers 404 for a record out of scope and 403 for a visible record the role may not change', () => {
    expect(refusal(() => authorize(county, 'project.read', inCity))).toBe(404);
    expect(refusal(() => authorize(county, 'project.update', inCity))).toBe(404);
    expect(refusal(() => authorize(viewer, 'project.update', inCounty))).toBe(403);
    expect(refusal(() => authorize(viewer, 'project.update', otherCity))).toBe(403);
    expect(refusal(() => authorize(city, 'project.update', inCounty))).toBeNull();
  });

  it('filters lists in SQL by the scope’s region codes', () => {
    expect(projectVisibility(city)).toEqual({ kind: 'regions', regionCodes: LUOYANG });
    expect(regionVisibility(viewer)).toEqual({ kind: 'regions', regionCodes: LUOYANG });
    expect(projectVisibility(owner)).toEqual({ kind: 'projects', projectIds: [1], leaderName: null });
    expect(projectVisibility(leader)).toEqual({ kind: 'projects', projectIds: [2], leaderName: '张三' });
    expect(regionVisibility(owner)).toEqual({ kind: 'none' });
    expect(projectVisibility(sysadmin)).toEqual({ kind: 'none' });
  });
});

describe('project owners and leaders', () => {
  it('lets a project owner read and fill only its own project', () => {
    expect(can(owner, 'project.read', inCounty)).toBe(true);
    expect(can(owner, 'report.fill', inCounty)).toBe(true);
    expect(can(owner, 'report.fill', inCity)).toBe(false);
    expect(can(owner, 'project.update', inCounty)).toBe(false);
    expect(refusal(() => authorize(owner, 'report.fill', inCity))).toBe(404);
    expect(refusal(() => authorize(owner, 'report.review', inCounty))).toBe(403);
  });

  it('lets a leader read projects assigned explicitly or by name, and change nothing', () => {
    expect(can(leader, 'project.read', inCity)).toBe(true);
    expect(can(leader, 'report.read', otherCity)).toBe(true);
    expect(can(leader, 'project.read', inCounty)).toBe(false);
    expect(can(leader, 'report.fill', inCity)).toBe(false);
    expect(refusal(() => authorize(leader, 'projectLedger.write', inCity))).toBe(403);
    expect(can(leader, 'ledger.read', { regionCode: '410300' })).toBe(false);
  });

  it('lets a viewer read its region and write nothing', () => {
    expect(can(viewer, 'report.read', inCounty)).toBe(true);
    expect(can(viewer, 'stats.read', { regionCode: '410300' })).toBe(true);
    expect(can(viewer, 'stats.read', { regionCode: '410800' })).toBe(false);
    expect(can(viewer, 'report.fill', inCity)).toBe(false);
    expect(can(viewer, 'ledger.write', { regionCode: '410300' })).toBe(false);
  });
});

describe('the monthly report workflow', () => {
  it('lets the officer of the project’s own region fill its reports, not the levels above', () => {
    expect(can(county, 'report.fill', inCounty)).toBe(true);
    expect(can(city, 'report.fill', inCounty)).toBe(false);
    expect(can(city, 'report.fill', inCity)).toBe(true);
    expect(refusal(() => authorize(city, 'report.fill', inCounty))).toBe(403);
  });

  it('lets the level above review: the city its counties, the province its cities and direct counties', () => {
    expect(reviewRegionOf([{ code: '410322', parentCode: '410300' }], '410322')).toBe('410300');
    expect(reviewRegionOf([{ code: '410000', parentCode: null }], '410000')).toBe('410000');
    expect(can(city, 'report.review', inCounty)).toBe(true);
    expect(can(county, 'report.review', inCounty)).toBe(false);
    expect(can(province, 'report.review', inCounty)).toBe(false);
    expect(can(province, 'report.review', inCity)).toBe(true);
    expect(can(province, 'report.review', directCounty)).toBe(true);
    expect(can(city, 'report.review', inCity)).toBe(false);
    expect(refusal(() => authorize(county, 'report.review', inCounty))).toBe(403);
    expect(refusal(() => authorize(county, 'report.review', inCity))).toBe(404);
  });
});

describe('ledgers, statistics and data files', () => {
  it('scopes deals and reserve projects by region', () => {
    expect(can(city, 'ledger.write', { regionCode: '410311' })).toBe(true);
    expect(refusal(() => authorize(city, 'ledger.write', { regionCode: '410800' }))).toBe(404);
    expect(refusal(() => authorize(viewer, 'ledger.write', { regionCode: '410300' }))).toBe(403);
  });

  it('scopes approval items and issues by their project', () => {
    expect(can(county, 'projectLedger.write', inCounty)).toBe(true);
    expect(can(owner, 'projectLedger.read', inCounty)).toBe(true);
    expect(can(owner, 'projectLedger.write', inCounty)).toBe(false);
  });

  it('lets only officers import, only the province import regions, and readers export their scope', () => {
    expect(can(county, 'data.import', { regionCode: '410322' })).toBe(true);
    expect(can(viewer, 'data.import', { regionCode: '410300' })).toBe(false);
    expect(can(viewer, 'data.export', { regionCode: '410322' })).toBe(true);
    expect(can(viewer, 'data.export', { regionCode: '410800' })).toBe(false);
    expect(can(province, 'regions.import', null)).toBe(true);
    expect(can(city, 'regions.import', null)).toBe(false);
    expect(refusal(() => authorize(owner, 'data.export', { regionCode: '410322' }))).toBe(403);
  });
});

describe('evaluations', () => {
  it('lets only the province officer run and publish; readers in the province read published results', () => {
    expect(can(province, 'evaluation.run', { regionCode: '410000' })).toBe(true);
    expect(can(province, 'evaluation.publish', { regionCode: '410300' })).toBe(true);
    expect(refusal(() => authorize(city, 'evaluation.run', { regionCode: '410300' }))).toBe(403);
    expect(refusal(() => authorize(city, 'evaluation.publish', { regionCode: '410300' }))).toBe(403);
    expect(can(city, 'evaluation.read', { regionCode: '410300' })).toBe(true);
    // A city's viewer reads the province's published ranking it stands in, never another province's.
    expect(can(viewer, 'evaluation.read', { regionCode: '410000' })).toBe(true);
    expect(can(viewer, 'evaluation.read', { regionCode: '420000' })).toBe(false);
    expect(refusal(() => authorize(city, 'evaluation.read', { regionCode: '420000' }))).toBe(404);
    expect(refusal(() => authorize(owner, 'evaluation.read', { regionCode: '410322' }))).toBe(403);
  });

  it('lets the province officer, and no one else, override the publish gate or revoke a result', () => {
    for (const action of ['evaluation.override', 'evaluation.revoke'] as const) {
      expect(can(province, action, { regionCode: '410000' })).toBe(true);
      expect(can(province, action, { regionCode: '410300' })).toBe(true);
      // Another province's ranking: not even visible.
      expect(refusal(() => authorize(province, action, { regionCode: '420000' }))).toBe(404);
      // A city officer reads the province's result, may not override or revoke it.
      expect(refusal(() => authorize(city, action, { regionCode: '410000' }))).toBe(403);
      expect(refusal(() => authorize(city, action, { regionCode: '410300' }))).toBe(403);
      for (const who of [county, viewer, owner, leader, sysadmin, secadmin, auditor]) {
        expect(can(who, action, { regionCode: '410000' }), `${who.role} ${action}`).toBe(false);
      }
    }
  });
});

describe('the three administrators (三员分立)', () => {
  it('gives the system administrator users and the report settings, nothing of the data', () => {
    expect(can(sysadmin, 'user.manage', null)).toBe(true);
    expect(can(sysadmin, 'settings.report', null)).toBe(true);
    expect(can(sysadmin, 'settings.security', null)).toBe(false);
    expect(can(sysadmin, 'user.role', { id: 2, role: 'viewer' })).toBe(false);
    expect(can(sysadmin, 'audit.read', null)).toBe(false);
    expect(roleMay(sysadmin, 'project.read')).toBe(false);
  });

  it('gives the security administrator roles and security policies, never its own role', () => {
    expect(can(secadmin, 'user.role', { id: 2, role: 'viewer' })).toBe(true);
    expect(refusal(() => authorize(secadmin, 'user.role', { id: secadmin.id, role: 'secadmin' }))).toBe(403);
    expect(can(secadmin, 'settings.security', null)).toBe(true);
    expect(can(secadmin, 'user.manage', null)).toBe(false);
    expect(can(secadmin, 'audit.read', null)).toBe(false);
  });

  it('gives the auditor the audit log and nothing else (and its own background jobs: exporting the log)', () => {
    const allowed = (Object.keys(RULES) as Action[]).filter((action) => roleMay(auditor, action));
    expect(allowed).toEqual(['region.read', 'audit.read', 'job.own']);
    // a job is its owner's alone: the auditor sees no one else's
    expect(can(auditor, 'job.own', { ownerId: auditor.id })).toBe(true);
    expect(can(auditor, 'job.own', { ownerId: auditor.id + 1 })).toBe(false);
  });

  it('lets no business role read the audit log or manage accounts', () => {
    for (const a of [province, city, county, viewer, owner, leader]) {
      expect(roleMay(a, 'audit.read')).toBe(false);
      expect(roleMay(a, 'user.manage')).toBe(false);
      expect(roleMay(a, 'user.role')).toBe(false);
    }
  });
});

describe('self-scores (自评分)', () => {
  it("a unit's own office reports it; the office above reads but does not report; others get 404", () => {
    const report = (a: Actor, regionCode: string) =>
      refusal(() => authorize(a, 'selfScore.report', { regionCode }));
    expect(report(city, '410300')).toBeNull();
    expect(report(county, '410322')).toBeNull();
    expect(report(city, '410322')).toBe(403);
    expect(report(county, '410311')).toBe(404);
    expect(report(city, '410800')).toBe(404);
    for (const a of [province, viewer, owner, leader, sysadmin, secadmin, auditor])
      expect(report(a, a.regionCode ?? '410300'), a.role).toBe(403);
  });

  it('every officer reads the units in its scope, the province office the whole province', () => {
    expect(can(province, 'selfScore.read', { regionCode: '410800' })).toBe(true);
    expect(can(city, 'selfScore.read', { regionCode: '410322' })).toBe(true);
    expect(can(city, 'selfScore.read', { regionCode: '410800' })).toBe(false);
    expect(can(viewer, 'selfScore.read', { regionCode: '410300' })).toBe(false);
    expect(selfScoreUnits(province)).toBeNull();
    expect(selfScoreUnits(city)).toEqual(LUOYANG);
    expect(selfScoreUnits(viewer)).toEqual([]);
  });
});
