// Which cached reads a write makes stale: the one list of "what changes what" in the web app. A
// read's query key starts with the API path it reads (query.ts); a write to a path below makes
// every read at or under the listed paths stale, and those on screen are read again at once.
// Every write is audited in the same transaction, so every write also affects the audit log.

/** Figures computed from the registry, the reports and the ledgers. */
const FIGURES = [
  '/api/dashboard',
  '/api/map',
  '/api/warnings',
  '/api/quality',
  '/api/stats',
  '/api/periods',
  '/api/bulletins',
  // the trial evaluation (a POST that only reads) and each unit's self-score comparison
  '/api/evaluations/draft',
];
/** The project registry and everything that hangs off a project (and the to-do list it makes). */
const PROJECT_DATA = ['/api/projects', '/api/reports', '/api/todos', ...FIGURES];
const LEDGERS = ['/api/deals', '/api/reserve', '/api/approvals', '/api/issues'];
const EVALUATION_INPUTS = [
  '/api/evaluation-entries',
  '/api/evaluation-events',
  '/api/evaluation-adjustments',
  '/api/evaluation-self-scores',
  '/api/evaluations/draft',
  '/api/todos',
];

/** Writes (first match wins) and the reads they affect, besides the audit log. */
export const WRITE_EFFECTS: { write: RegExp; reads: string[] }[] = [
  // POSTs that only compute: they change nothing (the trial evaluation and its sensitivity, audit
  // and what-it-takes: a POST that marked /api/evaluations stale would refetch itself, endlessly).
  { write: /^\/api\/evaluations\/draft(\/|$)/, reads: [] },
  // Background jobs hold their own results; starting or cancelling one changes no other read.
  { write: /^\/api\/jobs(\/|$)/, reads: [] },
  { write: /^\/api\/schemes\/check$/, reads: [] },
  // Sign-in and sign-out clear the whole cache (session.tsx); a password change marks the account.
  { write: /^\/api\/auth\/(login|logout)$/, reads: [] },
  { write: /^\/api\/auth\//, reads: ['/api/users'] },
  // Monthly reports: create, edit, submit, delete, approve, return.
  { write: /^\/api\/reports(\/|$)/, reads: PROJECT_DATA },
  { write: /^\/api\/projects(\/|$)/, reads: [...PROJECT_DATA, ...LEDGERS] },
  // The four 台账: each list, the project pages that show them, and the figures built on them.
  {
    write: /^\/api\/(deals|reserve|approvals|issues)(\/|$)/,
    reads: [...LEDGERS, '/api/projects', ...FIGURES],
  },
  // Imports (registry, reports, ledgers, regions): anything imported may change any of them.
  {
    write: /^\/api\/import\//,
    reads: [...PROJECT_DATA, ...LEDGERS, '/api/regions', '/api/users', ...EVALUATION_INPUTS],
  },
  // Scores entered by hand (加分/扣分 events, adjustments, self-scores) feed the trial evaluation.
  {
    write:
      /^\/api\/(evaluation-entries|evaluation-events|evaluation-adjustments|evaluation-self-scores)(\/|$)/,
    reads: EVALUATION_INPUTS,
  },
  // Publishing, revoking, public links: the published list and each result (and its public page).
  { write: /^\/api\/evaluations(\/|$)/, reads: ['/api/evaluations', '/api/public'] },
  { write: /^\/api\/honours(\/|$)/, reads: ['/api/honours', '/api/public'] },
  { write: /^\/api\/users(\/|$)/, reads: ['/api/users'] },
  { write: /^\/api\/settings(\/|$)/, reads: ['/api/settings', '/api/todos'] },
  // The regions' group robots, and running the reminders (messages to the fillers, deliveries).
  {
    write: /^\/api\/(reminder-webhooks|reminders)(\/|$)/,
    reads: ['/api/reminder-webhooks', '/api/todos', '/api/messages'],
  },
  // Messages marked read: the list and the unread count on the to-do page.
  { write: /^\/api\/messages(\/|$)/, reads: ['/api/messages', '/api/todos'] },
  { write: /^\/api\/regions(\/|$)/, reads: ['/api/regions', ...PROJECT_DATA] },
];

/** The read paths a successful write to `path` makes stale (the audit log for any real write). */
export function affectedReads(path: string): string[] {
  const bare = path.split('?')[0]!;
  const rule = WRITE_EFFECTS.find((r) => r.write.test(bare));
  if (rule && rule.reads.length === 0) return [];
  // A write this table does not know: everything, rather than a stale screen.
  if (!rule) return ['/api'];
  return [...new Set([...rule.reads, '/api/audit'])];
}
