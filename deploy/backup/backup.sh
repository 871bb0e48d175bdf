#!/bin/bash
# One consistent, gzipped dump per service schema, with a manifest, into a dated directory.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") <service>|all
  service: $SERVICES keycloak  (all = the five services and keycloak)

Dumps each schema with --single-transaction (a consistent snapshot without locking InnoDB
tables), routines, triggers and events, binary columns as hex; when the server has binary logging
on, the binlog file and position of the snapshot are recorded (--source-data=2 / --master-data=2)
for a point-in-time restore (restore.sh --to). Writes, per schema, <schema>.sql.gz and
<schema>.manifest (schema, UTC times, binlog file/position, sizes, sha256) into
\$BACKUP_DIR/<UTC date-time>/ and prints that directory.

Environment:
  BACKUP_DB_HOST (127.0.0.1) BACKUP_DB_PORT (3306) BACKUP_DB_USER (root) BACKUP_DB_PASSWORD ()
  BACKUP_DIR            where the dated directories go (./backups)
  BACKUP_SCHEMA         dump this schema instead of the service's (one service only; tests)
  BACKUP_RETENTION_DAYS after a successful run, delete dated directories older than this
USAGE
}

[ $# -eq 1 ] || { usage >&2; exit 2; }
case "$1" in
  -h | --help) usage; exit 0 ;;
  all) targets="$SERVICES keycloak" ;;
  *) schema_of "$1" >/dev/null || { echo "unknown service: $1" >&2; usage >&2; exit 2; }
     targets="$1" ;;
esac
if [ -n "${BACKUP_SCHEMA:-}" ]; then
  [ "$1" != all ] || die "BACKUP_SCHEMA names one schema: give one service, not all"
  [[ "$BACKUP_SCHEMA" =~ ^[A-Za-z0-9_]+$ ]] || die "BACKUP_SCHEMA must be [A-Za-z0-9_]+"
fi

db_connect_options
trap 'rm -f "$DB_OPTFILE"' EXIT
server_version=$(db_value "SELECT VERSION()") || die "cannot reach the database server"
# a MariaDB server wants MariaDB's client and MySQL 8.4 MySQL's (it has no SHOW MASTER STATUS)
if [[ "$server_version" == *MariaDB* ]]; then
  DUMP=$(first_of mariadb-dump mysqldump) || die "neither mariadb-dump nor mysqldump is installed"
else
  DUMP=$(first_of mysqldump mariadb-dump) || die "neither mysqldump nor mariadb-dump is installed"
fi
dump_help=$("$DUMP" --help 2>/dev/null || true)
has_option() { grep -q -- "--$1" <<<"$dump_help"; }

options=(--single-transaction --quick --routines --triggers --events --hex-blob --no-tablespaces
  --default-character-set=utf8mb4)
log_bin=$(db_value "SELECT @@log_bin")
if [ "$log_bin" = 1 ]; then
  if has_option source-data; then options+=(--source-data=2); else options+=(--master-data=2); fi
fi
# MySQL's client: GTID_PURGED would make the dump unloadable into the server it came from
if has_option set-gtid-purged; then options+=(--set-gtid-purged=OFF); fi
# MySQL 8's client asks a MariaDB server for column statistics it does not have
if has_option column-statistics && [[ "$server_version" == *MariaDB* ]]; then
  options+=(--column-statistics=0)
fi

root=${BACKUP_DIR:-./backups}
dir="$root/$(date -u +%Y-%m-%dT%H%M%SZ)"
mkdir -p "$dir"

for service in $targets; do
  schema=${BACKUP_SCHEMA:-$(schema_of "$service")}
  exists=$(db_value "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '$schema'")
  if [ "$exists" != 1 ]; then
    [ "$1" = all ] || die "schema $schema does not exist"
    echo "skipped $schema: no such schema" >&2
    continue
  fi
  file="$dir/$schema.sql.gz"
  tables=$(db_value "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$schema'")
  started=$(utc_now)
  start_ms=$(($(date +%s%N) / 1000000))
  "$DUMP" "${DB_OPTS[@]}" "${options[@]}" "$schema" | gzip -6 >"$file.part"
  finished=$(utc_now)
  elapsed_ms=$(($(date +%s%N) / 1000000 - start_ms))
  mv "$file.part" "$file"
  binlog_file="" binlog_position=""
  if [ "$log_bin" = 1 ]; then
    # the commented CHANGE MASTER/REPLICATION SOURCE TO line near the top of the dump
    coords=$(gzip -dc "$file" | grep -m 1 -E "LOG_FILE='[^']+'" || true)
    binlog_file=$(sed -nE "s/.*LOG_FILE='([^']+)'.*/\1/p" <<<"$coords")
    binlog_position=$(sed -nE "s/.*LOG_POS=([0-9]+).*/\1/p" <<<"$coords")
    [ -n "$binlog_file" ] && [ -n "$binlog_position" ] \
      || die "binary logging is on but $DUMP recorded no binlog coordinates in $file"
  fi
  uncompressed=$(gzip -dc "$file" | wc -c)
  cat >"$dir/$schema.manifest" <<MANIFEST
schema=$schema
service=$service
started_at=$started
finished_at=$finished
dump_millis=$elapsed_ms
server_version=$server_version
client=$("$DUMP" --version | head -n 1)
binlog_file=$binlog_file
binlog_position=$binlog_position
tables=$tables
dump=$schema.sql.gz
compressed_bytes=$(wc -c <"$file" | tr -d ' ')
uncompressed_bytes=$uncompressed
sha256=$(sha256sum "$file" | cut -d' ' -f1)
MANIFEST
  echo "dumped $schema: $tables tables, $(wc -c <"$file" | tr -d ' ') bytes gzipped," \
    "binlog ${binlog_file:-off}${binlog_position:+:$binlog_position}" >&2
done

if [ -n "${BACKUP_RETENTION_DAYS:-}" ]; then
  [[ "$BACKUP_RETENTION_DAYS" =~ ^[0-9]+$ ]] || die "BACKUP_RETENTION_DAYS must be a number of days"
  # only our own dated directories, never anything else under BACKUP_DIR
  find "$root" -mindepth 1 -maxdepth 1 -type d -name '20[0-9][0-9]-*T*Z' \
    -mtime +"$BACKUP_RETENTION_DAYS" -print -exec rm -rf {} + >&2
fi
echo "$dir"
