#!/bin/sh
# Run once by the postgres image when it initialises a new volume (/docker-entrypoint-initdb.d), as
# the superuser: the two roles Roundhouse runs as (README, "Access control and audit").
#   roundhouse_owner  owns the database and every table; migrations run as it (DATABASE_MIGRATION_URL)
#   roundhouse_api    what the api runs as (DATABASE_URL): reads and writes rows, only reads and adds
#                     audit entries; migrations grant it exactly that after every run
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v database="$POSTGRES_DB" -v owner_password="$ROUNDHOUSE_OWNER_PASSWORD" -v api_password="$ROUNDHOUSE_API_PASSWORD" <<'SQL'
CREATE ROLE roundhouse_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE roundhouse_api LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'api_password';
-- The owner hands pg-boss's schema to the api role once it has made it; never the other way round.
GRANT roundhouse_api TO roundhouse_owner;
ALTER DATABASE :"database" OWNER TO roundhouse_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
