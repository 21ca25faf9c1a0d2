-- The role the sibi server runs as on PostgreSQL (docs/security.md → 审计日志只增不改).
-- Run as a superuser, in the sibi database, after the owner role has run the migrations once
-- (for example `DATABASE_URL=postgres://sibi_owner:…@host/sibi sibi serve`, then stop it):
--   psql -d sibi -v owner=sibi_owner -v app_password="'…'" -f scripts/app-role.sql
-- Then run every server instance as that role, with migrations off:
--   DATABASE_URL=postgres://sibi_app:…@host/sibi SIBI_MIGRATE=0 sibi serve
-- The owner keeps the schema. The application reads and writes the business tables, and on the
-- audit log may only INSERT and SELECT: UPDATE, DELETE and TRUNCATE are refused by privilege
-- (before the append-only trigger is even reached), and it cannot drop the trigger.
CREATE ROLE sibi_app LOGIN PASSWORD :app_password;
GRANT CONNECT ON DATABASE :"DBNAME" TO sibi_app;
GRANT USAGE ON SCHEMA public TO sibi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sibi_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM sibi_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sibi_app;
-- Nothing on the audit chain head (migration 0015): only the chain trigger, which runs as the owner,
-- moves it (a trigger on the head refuses anything else, should a default grant reach it). The version
-- guard reads the level the owner's migration recorded (src/db/version.ts).
REVOKE ALL ON audit_chain_head FROM sibi_app;
GRANT USAGE ON SCHEMA drizzle TO sibi_app;
GRANT SELECT ON drizzle.schema_version TO sibi_app;
-- Tables that later migrations (run by the owner) add get the same grants.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sibi_app;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sibi_app;
