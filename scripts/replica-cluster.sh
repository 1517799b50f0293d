#!/usr/bin/env bash
# A streaming replica of the local Debian PostgreSQL 15 cluster `main` (127.0.0.1:5432), as the cluster
# `replica` on 127.0.0.1:5433, for the read-replica test (src/db/replica.test.ts) and for trying
# DATABASE_READ_URL by hand. Run as root (CI does); idempotent: an existing `replica` cluster is dropped
# and made again from a fresh base backup, so a second run on the same machine starts clean.
#
#   scripts/replica-cluster.sh          # (re)create and start the replica
#   scripts/replica-cluster.sh drop     # stop and remove it
#
# Then: DATABASE_READ_URL=postgres://USER:PASS@127.0.0.1:5433/DB beside DATABASE_URL=…:5432/DB.
set -euo pipefail

VERSION=15
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
# The role the replica streams the write-ahead log with; it may replicate and nothing else.
REPLICATION_ROLE=custodia_replication
REPLICATION_PASSWORD=${REPLICATION_PASSWORD:-custodia_replication}
# The role the tests connect as: it may pause and resume replay on the replica (the test's proof that a
# read went there). Granted in template1, so every database created afterwards has it.
TEST_ROLE=${TEST_ROLE:-custodia_ci}

as_postgres() { runuser -u postgres -- "$@"; }
started=$SECONDS

if pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -qx "$VERSION replica"; then
  pg_dropcluster --stop "$VERSION" replica
fi
if [ "${1:-}" = drop ]; then
  echo "replica cluster removed"
  exit 0
fi

# The primary: running, with a replication role and a pg_hba.conf line that lets it in from 127.0.0.1.
if ! pg_lsclusters -h | grep -q "^$VERSION *main .*online"; then
  pg_ctlcluster "$VERSION" main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PRIMARY_PORT" && break; sleep 1; done
as_postgres psql -p "$PRIMARY_PORT" -v ON_ERROR_STOP=1 -q <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$REPLICATION_ROLE') THEN
    CREATE ROLE $REPLICATION_ROLE REPLICATION LOGIN PASSWORD '$REPLICATION_PASSWORD';
  ELSE
    ALTER ROLE $REPLICATION_ROLE REPLICATION LOGIN PASSWORD '$REPLICATION_PASSWORD';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$TEST_ROLE') THEN
    CREATE ROLE $TEST_ROLE LOGIN CREATEDB PASSWORD '$TEST_ROLE';
  END IF;
END \$\$;
SQL
as_postgres psql -p "$PRIMARY_PORT" -d template1 -v ON_ERROR_STOP=1 -q \
  -c "GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume(), pg_is_wal_replay_paused() TO $TEST_ROLE"
HBA=$(as_postgres psql -p "$PRIMARY_PORT" -Atc 'show hba_file')
# Debian's default pg_hba.conf already has this line; add it if someone removed it.
if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+(all|'"$REPLICATION_ROLE"')[[:space:]]+127\.0\.0\.1/32' "$HBA"; then
  echo "host replication $REPLICATION_ROLE 127.0.0.1/32 scram-sha-256" >>"$HBA"
  as_postgres psql -p "$PRIMARY_PORT" -q -c 'select pg_reload_conf()' >/dev/null
fi
# wal_level replica and max_wal_senders 10 are PostgreSQL 15's defaults; say so if they were changed.
level=$(as_postgres psql -p "$PRIMARY_PORT" -Atc 'show wal_level')
senders=$(as_postgres psql -p "$PRIMARY_PORT" -Atc 'show max_wal_senders')
if [ "$level" = minimal ] || [ "$senders" -lt 1 ]; then
  echo "the primary cannot stream: wal_level=$level max_wal_senders=$senders (need replica and ≥ 1; restart after changing)" >&2
  exit 3
fi

# The replica: a base backup of the primary (fast checkpoint; -R writes standby.signal and the primary's
# connection), then made a Debian cluster of its own (configuration in /etc, its own port): pg_createcluster
# adopts an existing data directory instead of running initdb, which would take longer than the copy.
DATA=/var/lib/postgresql/$VERSION/replica
rm -rf "$DATA"
as_postgres env PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup \
  -h 127.0.0.1 -p "$PRIMARY_PORT" -U "$REPLICATION_ROLE" -D "$DATA" -R -X stream -c fast --no-sync
# The primary's configuration files to start from (pg_createcluster moves them to /etc and points them at
# the replica's directory, name and port).
CONF=$(dirname "$HBA")
install -o postgres -g postgres -m 0640 "$CONF/postgresql.conf" "$CONF/pg_hba.conf" "$CONF/pg_ident.conf" "$DATA/"
pg_createcluster "$VERSION" replica -p "$REPLICA_PORT" -d "$DATA" >/dev/null
# A scratch replica: no fsync, so it starts without syncing every file of the copy first. Never in production.
echo "fsync = off" >"/etc/postgresql/$VERSION/replica/conf.d/custodia-test.conf"
pg_ctlcluster "$VERSION" replica start
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT" && break; sleep 1; done
recovery=$(as_postgres psql -p "$REPLICA_PORT" -Atc 'select pg_is_in_recovery()')
if [ "$recovery" != t ]; then
  echo "the replica on port $REPLICA_PORT is not in recovery" >&2
  exit 3
fi
echo "replica cluster $VERSION/replica streaming from 127.0.0.1:$PRIMARY_PORT on 127.0.0.1:$REPLICA_PORT ($((SECONDS - started)) s)"
