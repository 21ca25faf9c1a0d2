// Who did it, from where, and when: what every service that writes passes to the audit log.
export interface AuditContext {
  /** The account name (or `cli:<user>`, `system`) written as the audit actor. */
  actor: string;
  ip: string | null;
  now: Date;
  /** The signed-in account, where a table records who changed it (project_leader_history). */
  userId?: number | null;
}
