// Every route file, registered in one place. Adding a resource: write routes/<name>.ts and
// <name>.types.ts, register it here, give its actions a rule in src/policies/rules.ts, and add
// its rows to test/authz-matrix.ts (the matrix test fails until you do).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../request-auth';
import { approvalRoutes } from './approvals';
import { auditRoutes } from './audit';
import { authRoutes, type LoginRateLimit } from './auth';
import { bulletinRoutes } from './bulletins';
import { dataFileRoutes } from './data-files';
import { dealRoutes } from './deals';
import { evaluationEntryRoutes } from './evaluation-entries';
import { evaluationRoutes } from './evaluations';
import { healthRoutes } from './health';
import { honourRoutes } from './honours';
import { issueRoutes } from './issues';
import { mapRoutes } from './map';
import { messageRoutes } from './messages';
import { oc4idsRoutes } from './oc4ids';
import { periodRoutes } from './periods';
import { projectRoutes } from './projects';
import { publicRoutes } from './public';
import { publicLinkRoutes } from './public-links';
import { publicResultRoutes } from './public-results';
import { qualityRoutes } from './quality';
import { regionRoutes } from './regions';
import { reminderRoutes } from './reminders';
import { reportRoutes } from './reports';
import { reserveRoutes } from './reserve';
import { schemeRoutes } from './schemes';
import { settingsRoutes } from './settings';
import { statsRoutes } from './stats';
import { todoRoutes } from './todos';
import { userRoutes } from './users';
import { warningRoutes } from './warnings';

export function registerRoutes(app: FastifyInstance, deps: AppDeps, loginRateLimit: LoginRateLimit): void {
  healthRoutes(app, deps);
  publicRoutes(app, deps);
  authRoutes(app, deps, loginRateLimit);
  userRoutes(app, deps);
  settingsRoutes(app, deps);
  auditRoutes(app, deps);
  regionRoutes(app, deps);
  projectRoutes(app, deps);
  reportRoutes(app, deps);
  dealRoutes(app, deps);
  reserveRoutes(app, deps);
  approvalRoutes(app, deps);
  issueRoutes(app, deps);
  statsRoutes(app, deps);
  warningRoutes(app, deps);
  periodRoutes(app, deps);
  qualityRoutes(app, deps);
  mapRoutes(app, deps);
  oc4idsRoutes(app, deps);
  dataFileRoutes(app, deps);
  schemeRoutes(app, deps);
  evaluationRoutes(app, deps);
  bulletinRoutes(app, deps);
  publicLinkRoutes(app, deps);
  publicResultRoutes(app, deps);
  honourRoutes(app, deps);
  evaluationEntryRoutes(app, deps);
  todoRoutes(app, deps);
  messageRoutes(app, deps);
  reminderRoutes(app, deps);
}
