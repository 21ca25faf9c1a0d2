// The authorization matrix: for every route, what each role gets in each scope. The test
// (authz-matrix.test.ts) calls every registered route as every role in every scope over real
// HTTP and fails on any difference, on any route missing here, and on any row here that no
// longer matches a route.
//
// Roles: the nine roles and `anonymous` (no session).
// Scopes, as seen by the caller:
//   own       a record in the caller's own region (owner and leader: their bound project)
//   child     a record in a child region of the caller's region
//   sibling   a record in a sibling region (owner and leader: an unbound project in the same county)
//   otherCity a record in another city's county
//   none      a route that targets no record (lists, settings, accounts…): one column
// Regions: 省 410000 → 洛阳 410300 → 孟津县 410322 / 洛龙区 410311; 焦作 410800 → 修武县 410821.
//   province officer 410000: own 410000, child 410300 (no sibling, no other city: all is its own)
//   city officer, viewer 410300 (and the admin roles and anonymous, who hold no region):
//     own 410300, child 410322, sibling 410800, otherCity 410821
//   county officer 410322: own 410322, sibling 410311, otherCity 410821 (no child)
//   project owner, leader: own = bound project in 410322, sibling = unbound project in 410322,
//     otherCity = project in 410821 (no child)
//
// Legend, one character per scope in the order own, child, sibling, otherCity:
//   A allowed (2xx, or a 3xx redirect)   1 = 401   3 = 403   4 = 404   - no such scope for that role

export const WHO = [
  'province_officer',
  'city_officer',
  'county_officer',
  'viewer',
  'project_owner',
  'leader',
  'sysadmin',
  'secadmin',
  'auditor',
  'anonymous',
] as const;
export type Who = (typeof WHO)[number];
export type Expected = Record<Who, string>;

const row = (
  p: string,
  c: string,
  k: string,
  v: string,
  o: string,
  l: string,
  s: string,
  e: string,
  u: string,
  n: string,
): Expected => ({
  province_officer: p,
  city_officer: c,
  county_officer: k,
  viewer: v,
  project_owner: o,
  leader: l,
  sysadmin: s,
  secadmin: e,
  auditor: u,
  anonymous: n,
});

// ---- record routes: own child sibling otherCity ---------------------------------------------
//                                 province city    county  viewer  owner   leader  sysadm  secadm  auditor anon
const PROJECT_READ = /*        */ row(
  'AA--',
  'AA44',
  'A-44',
  'AA44',
  'A-44',
  'A-44',
  '3333',
  '3333',
  '3333',
  '1111',
);
const PROJECT_WRITE = /*       */ row(
  'AA--',
  'AA44',
  'A-44',
  '3333',
  '3-33',
  '3-33',
  '3333',
  '3333',
  '3333',
  '1111',
);
const REPORT_FILL = /*         */ row(
  'A3--',
  'A344',
  'A-44',
  '3333',
  'A-44',
  '3-33',
  '3333',
  '3333',
  '3333',
  '1111',
);
const REPORT_REVIEW = /*       */ row(
  'AA--',
  '3A44',
  '3-44',
  '3333',
  '3-33',
  '3-33',
  '3333',
  '3333',
  '3333',
  '1111',
);
const REGION_LEDGER_READ = /*  */ row(
  'AA--',
  'AA44',
  'A-44',
  'AA44',
  '3-33',
  '3-33',
  '3333',
  '3333',
  '3333',
  '1111',
);
const REGION_LEDGER_WRITE = /* */ row(
  'AA--',
  'AA44',
  'A-44',
  '3333',
  '3-33',
  '3-33',
  '3333',
  '3333',
  '3333',
  '1111',
);
const REGION_READ = /*         */ row(
  'AA--',
  'AAAA',
  'A-AA',
  'AAAA',
  'A-AA',
  'A-AA',
  'AAAA',
  'AAAA',
  'AAAA',
  '1111',
);

// ---- routes without a target record: one column ---------------------------------------------
const PUBLIC = /*              */ row('A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A');
const SIGNED_IN = /*           */ row('A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', '1');
const PROJECT_LIST = /*        */ row('A', 'A', 'A', 'A', 'A', 'A', '3', '3', '3', '1');
const REGION_LEDGER_LIST = /*  */ row('A', 'A', 'A', 'A', '3', '3', '3', '3', '3', '1');
const OFFICERS = /*            */ row('A', 'A', 'A', '3', '3', '3', '3', '3', '3', '1');
const USER_READ = /*           */ row('3', '3', '3', '3', '3', '3', 'A', 'A', '3', '1');
const SYSADMIN = /*            */ row('3', '3', '3', '3', '3', '3', 'A', '3', '3', '1');
const SECADMIN = /*            */ row('3', '3', '3', '3', '3', '3', '3', 'A', '3', '1');
const AUDITOR = /*             */ row('3', '3', '3', '3', '3', '3', '3', '3', 'A', '1');
const PROVINCE_OFFICER = /*    */ row('A', '3', '3', '3', '3', '3', '3', '3', '3', '1');
// The city and county offices (自评分 of their own unit).
const UNIT_OFFICERS = /*       */ row('3', 'A', 'A', '3', '3', '3', '3', '3', '3', '1');
// A unit's self-score: its own office only; the city reads its counties' (403), others 404.
const SELF_SCORE_REPORT = /*   */ row(
  '33--',
  'A344',
  'A-44',
  '3333',
  '3-33',
  '3-33',
  '3333',
  '3333',
  '3333',
  '1111',
);
// A published evaluation of the province: every reader bound to a region of the province.
const PUBLISHED_READ = REGION_LEDGER_LIST;

export const MATRIX: Record<string, Expected> = {
  // public
  'GET /api/health': PUBLIC,
  'GET /api/health/live': PUBLIC,
  'GET /api/health/ready': PUBLIC,
  // Prometheus: loopback without a proxy or the SIBI_METRICS_TOKEN bearer (the test server is local)
  'GET /metrics': PUBLIC,
  'GET /api/public/demo-accounts': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  // the signed-in account (a pending session may use these too)
  'POST /api/auth/logout': SIGNED_IN,
  'GET /api/auth/me': SIGNED_IN,
  'POST /api/auth/password': SIGNED_IN,
  'POST /api/auth/totp/enrol': SIGNED_IN,
  'POST /api/auth/totp/verify': SIGNED_IN,
  // OpenAPI and its viewer: any session
  'GET /api/docs': SIGNED_IN,
  'GET /api/docs/static/index.html': SIGNED_IN,
  'GET /api/docs/static/swagger-initializer.js': SIGNED_IN,
  'GET /api/docs/json': SIGNED_IN,
  'GET /api/docs/yaml': SIGNED_IN,
  'HEAD /api/docs/static/*': SIGNED_IN,
  'GET /api/docs/static/*': SIGNED_IN,
  // accounts: 系统管理员 manages, 安全管理员 assigns roles
  'GET /api/users': USER_READ,
  'GET /api/users/export': USER_READ,
  'POST /api/users': SYSADMIN,
  'GET /api/users/:id': USER_READ,
  'PATCH /api/users/:id': SYSADMIN,
  'POST /api/users/:id/disable': SYSADMIN,
  'POST /api/users/:id/enable': SYSADMIN,
  'POST /api/users/:id/reset-password': SYSADMIN,
  'PUT /api/users/:id/role': SECADMIN,
  'POST /api/users/:id/reset-totp': SECADMIN,
  // settings: both admins read; the matrix writes a report setting (系统管理员's group)
  'GET /api/settings': USER_READ,
  'PATCH /api/settings': SYSADMIN,
  // audit log: 审计管理员 only
  'GET /api/audit': AUDITOR,
  'GET /api/audit/export': AUDITOR,
  'GET /api/audit/choices': AUDITOR,
  // regions: reference data
  'GET /api/regions': SIGNED_IN,
  'GET /api/regions/:code': REGION_READ,
  // projects and their year entries
  'GET /api/projects': PROJECT_LIST,
  'GET /api/projects/export': PROJECT_LIST,
  'POST /api/projects': PROJECT_WRITE,
  'GET /api/projects/:id': PROJECT_READ,
  'PATCH /api/projects/:id': PROJECT_WRITE,
  'DELETE /api/projects/:id': PROJECT_WRITE,
  'GET /api/projects/:id/years': PROJECT_READ,
  'GET /api/projects/:id/leaders': PROJECT_READ,
  'POST /api/projects/:id/years': PROJECT_WRITE,
  'PATCH /api/project-years/:id': PROJECT_WRITE,
  'DELETE /api/project-years/:id': PROJECT_WRITE,
  // monthly reports and their workflow
  'GET /api/reports': PROJECT_LIST,
  'GET /api/reports/export': PROJECT_LIST,
  'GET /api/reports/missing': PROJECT_LIST,
  'GET /api/reports/missing/export': PROJECT_LIST,
  'GET /api/projects/:id/report-form': PROJECT_READ,
  'POST /api/reports': REPORT_FILL,
  'GET /api/reports/:id': PROJECT_READ,
  'PATCH /api/reports/:id': REPORT_FILL,
  'DELETE /api/reports/:id': REPORT_FILL,
  'POST /api/reports/:id/submit': REPORT_FILL,
  'POST /api/reports/:id/approve': REPORT_REVIEW,
  'POST /api/reports/:id/return': REPORT_REVIEW,
  'POST /api/reports/review': REPORT_REVIEW,
  'GET /api/reports/:id/quality': PROJECT_READ,
  // region ledgers
  'GET /api/deals': REGION_LEDGER_LIST,
  'GET /api/deals/export': REGION_LEDGER_LIST,
  'POST /api/deals': REGION_LEDGER_WRITE,
  'GET /api/deals/:id': REGION_LEDGER_READ,
  'PATCH /api/deals/:id': REGION_LEDGER_WRITE,
  'DELETE /api/deals/:id': REGION_LEDGER_WRITE,
  'GET /api/reserve': REGION_LEDGER_LIST,
  'GET /api/reserve/export': REGION_LEDGER_LIST,
  'POST /api/reserve': REGION_LEDGER_WRITE,
  'GET /api/reserve/:id': REGION_LEDGER_READ,
  'PATCH /api/reserve/:id': REGION_LEDGER_WRITE,
  'DELETE /api/reserve/:id': REGION_LEDGER_WRITE,
  // project ledgers
  'GET /api/approvals': PROJECT_LIST,
  'GET /api/approvals/export': PROJECT_LIST,
  'POST /api/approvals': PROJECT_WRITE,
  'GET /api/approvals/:id': PROJECT_READ,
  'PATCH /api/approvals/:id': PROJECT_WRITE,
  'DELETE /api/approvals/:id': PROJECT_WRITE,
  'GET /api/issues': PROJECT_LIST,
  'GET /api/issues/export': PROJECT_LIST,
  'POST /api/issues': PROJECT_WRITE,
  'GET /api/issues/:id': PROJECT_READ,
  'PATCH /api/issues/:id': PROJECT_WRITE,
  'DELETE /api/issues/:id': PROJECT_WRITE,
  // statistics and data files
  'GET /api/stats': REGION_LEDGER_READ,
  'GET /api/dashboard': REGION_LEDGER_READ,
  'GET /api/dashboard/units/export': REGION_LEDGER_READ,
  'GET /api/warnings': REGION_LEDGER_READ,
  'GET /api/warnings/export': REGION_LEDGER_READ,
  'GET /api/periods': REGION_LEDGER_READ,
  'GET /api/quality': REGION_LEDGER_READ,
  'GET /api/quality/export': REGION_LEDGER_READ,
  'GET /api/quality/units/export': REGION_LEDGER_READ,
  'GET /api/map': REGION_LEDGER_READ,
  'POST /api/import/:kind': OFFICERS,
  'POST /api/import/:kind/errors': OFFICERS,
  'GET /api/export/:kind': REGION_LEDGER_READ,
  // the project list's visibility: officers and viewers their region, owners and leaders their projects
  'GET /api/export/oc4ids': PROJECT_LIST,
  'GET /api/templates/:kind': OFFICERS,
  'GET /api/templates/reports/form': OFFICERS,
  // evaluation schemes
  'GET /api/schemes': PUBLISHED_READ,
  'GET /api/schemes/:id': PUBLISHED_READ,
  'POST /api/schemes/validate': PUBLISHED_READ,
  // without a period (the text alone); with one it is a draft evaluation: see schemes.test.ts
  'POST /api/schemes/check': PUBLISHED_READ,
  // evaluations: drafts and publication by the province; published results for its readers
  'POST /api/evaluations/draft': PROVINCE_OFFICER,
  'GET /api/evaluations/draft/export': PROVINCE_OFFICER,
  'POST /api/evaluations/draft/sensitivity': PROVINCE_OFFICER,
  'POST /api/evaluations/draft/audit': PROVINCE_OFFICER,
  'POST /api/evaluations/draft/what-it-takes': PROVINCE_OFFICER,
  'POST /api/evaluations': PROVINCE_OFFICER,
  'POST /api/evaluations/:id/revoke': PROVINCE_OFFICER,
  'GET /api/evaluations': PUBLISHED_READ,
  'GET /api/evaluations/:id': PUBLISHED_READ,
  'GET /api/evaluations/:id/export': PUBLISHED_READ,
  'GET /api/evaluations/:id/verify': PUBLISHED_READ,
  'GET /api/evaluations/:id/sensitivity': PUBLISHED_READ,
  'GET /api/evaluations/:id/audit': PUBLISHED_READ,
  'GET /api/evaluations/:id/what-it-takes': PUBLISHED_READ,
  'GET /api/bulletins': PUBLISHED_READ,
  // public links (#7): the province office makes a published result or honours list public; anyone
  // with the slug reads it, its QR code and its short link (no session)
  'GET /api/evaluations/:id/public-link': PROVINCE_OFFICER,
  'POST /api/evaluations/:id/public-link': PROVINCE_OFFICER,
  'DELETE /api/evaluations/:id/public-link': PROVINCE_OFFICER,
  // 加分/扣分 events and manual adjustments: the province office enters, another officer approves
  // (the fixtures are entered by another account), any officer of the office revokes
  'GET /api/evaluation-entries/choices': PROVINCE_OFFICER,
  'GET /api/evaluation-events': PROVINCE_OFFICER,
  'POST /api/evaluation-events': PROVINCE_OFFICER,
  'POST /api/evaluation-events/import': PROVINCE_OFFICER,
  'POST /api/evaluation-events/:id/approve': PROVINCE_OFFICER,
  'POST /api/evaluation-events/:id/revoke': PROVINCE_OFFICER,
  'GET /api/evaluation-adjustments': PROVINCE_OFFICER,
  'POST /api/evaluation-adjustments': PROVINCE_OFFICER,
  'POST /api/evaluation-adjustments/import': PROVINCE_OFFICER,
  'POST /api/evaluation-adjustments/:id/approve': PROVINCE_OFFICER,
  'POST /api/evaluation-adjustments/:id/revoke': PROVINCE_OFFICER,
  // 自评分: a unit's own office reports (the office above reads, 403; elsewhere 404); officers list
  // the self-scores of their scope
  'GET /api/evaluation-self-scores/choices': OFFICERS,
  'GET /api/evaluation-self-scores': OFFICERS,
  'POST /api/evaluation-self-scores': SELF_SCORE_REPORT,
  'POST /api/evaluation-self-scores/import': UNIT_OFFICERS,
  'GET /api/honours': PROVINCE_OFFICER,
  'POST /api/honours': PROVINCE_OFFICER,
  'GET /api/honours/:id': PROVINCE_OFFICER,
  'GET /api/honours/:id/export': PROVINCE_OFFICER,
  'POST /api/honours/:id/publish': PROVINCE_OFFICER,
  'GET /api/honours/:id/public-link': PROVINCE_OFFICER,
  'POST /api/honours/:id/public-link': PROVINCE_OFFICER,
  'DELETE /api/honours/:id/public-link': PROVINCE_OFFICER,
  'GET /api/public/results/:slug': PUBLIC,
  'GET /api/public/results/:slug/qr.svg': PUBLIC,
  'GET /api/public/results/:slug/qr.png': PUBLIC,
  'GET /api/public/honours/:slug': PUBLIC,
  'GET /api/public/honours/:slug/qr.svg': PUBLIC,
  'GET /api/public/honours/:slug/qr.png': PUBLIC,
  'GET /p/:slug': PUBLIC,
  // 待办 and 站内消息: every account its own (empty for some roles; another's message is 404)
  'GET /api/todos': SIGNED_IN,
  'GET /api/messages': SIGNED_IN,
  'POST /api/messages/:id/read': SIGNED_IN,
  'POST /api/messages/read-all': SIGNED_IN,
  // 报送提醒: the regions' group robots, as the report settings (系统管理员 sets, both admins read)
  'GET /api/reminder-webhooks': USER_READ,
  'PUT /api/reminder-webhooks/:region': SYSADMIN,
  'DELETE /api/reminder-webhooks/:region': SYSADMIN,
  'POST /api/reminders/run': SYSADMIN,
  // background jobs (docs/api.md → 后台任务): started with the rights of the request each replaces
  // (checked at the start: 403/404 at once); a job is its owner's alone ('job.own'): each role sees,
  // fetches and cancels its own (another account's job is 404 for everyone: jobs.test.ts)
  'GET /api/jobs': SIGNED_IN,
  'GET /api/jobs/:id': SIGNED_IN,
  'GET /api/jobs/:id/result': SIGNED_IN,
  'DELETE /api/jobs/:id': SIGNED_IN,
  'POST /api/jobs/draft-sensitivity': PROVINCE_OFFICER,
  'POST /api/jobs/draft-what-it-takes': PROVINCE_OFFICER,
  'POST /api/jobs/draft-audit': PROVINCE_OFFICER,
  'POST /api/jobs/sensitivity': PUBLISHED_READ,
  'POST /api/jobs/what-it-takes': PUBLISHED_READ,
  'POST /api/jobs/audit': PUBLISHED_READ,
  'POST /api/jobs/export': REGION_LEDGER_READ,
  'POST /api/jobs/oc4ids': PROJECT_LIST,
  'POST /api/jobs/audit-log': AUDITOR,
};
