#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 cluster and makes the `sibi` role the tests connect as (CREATEDB
# for a database per test file, CREATEROLE for src/db/app-role.test.ts, which makes an app role).
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q online; then
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
runuser -u postgres -- psql -q -h 127.0.0.1 -c "DO \$\$ BEGIN
  CREATE ROLE sibi LOGIN PASSWORD 'sibi' CREATEDB;
EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;" 2>/dev/null || runuser -u postgres -- psql -q -c "DO \$\$ BEGIN
  CREATE ROLE sibi LOGIN PASSWORD 'sibi' CREATEDB;
EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;"
runuser -u postgres -- psql -q -h 127.0.0.1 -c "ALTER ROLE sibi CREATEDB CREATEROLE" 2>/dev/null ||
  runuser -u postgres -- psql -q -c "ALTER ROLE sibi CREATEDB CREATEROLE"
