// The shapes the API answers come from the server's zod schemas (src/http/contract.ts, types
// only: nothing of the server enters the bundle). Only the role lists the browser needs as values
// are declared here.
import type { Role } from '../../../src/http/contract';

export type {
  Account,
  AccountWithPassword,
  AuditRow,
  Capability,
  DemoAccounts,
  Me,
  MonthlyReport as Report,
  Page,
  PendingStep,
  Region,
  RegionKind,
  ReminderRun,
  Robot,
  RobotBody,
  RobotDelivery,
  RobotList,
  Role,
  SessionResponse,
  SettingItem,
  SettingsView,
  Stats,
  TotpEnrolment,
} from '../../../src/http/contract';

/** The roles (src/policies/roles.ts: pure data, no imports). */
export { ROLES } from '../../../src/policies/roles';
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];
/** Roles bound to a region (they see it and its descendants). */
export const REGION_ROLES: readonly Role[] = ['province_officer', 'city_officer', 'county_officer', 'viewer'];
/** Roles bound to projects by code. */
export const PROJECT_ROLES: readonly Role[] = ['project_owner', 'leader'];
