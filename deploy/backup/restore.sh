#!/bin/bash
# Restores one schema from a backup.sh dump, then optionally replays the binary logs up to a time.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") <dir>/<schema>.sql.gz [--into <schema>] [--to <UTC datetime>] [--yes]

Checks the dump against its manifest (<schema>.manifest beside it: sha256), then loads it:
  in place (the schema it was taken from): the schema is dropped and created again first, so
    tables made after the backup go too; needs --yes. Stop the service first.
  --into <schema>: into another schema (a dry run beside the live one); created when missing,
    refused when it holds tables unless --yes.
  --to '2026-12-07 10:15:00' (UTC; 'T' and 'Z' accepted): then applies what the binary logs hold
    for the schema from the backup's recorded position up to that time (mysqlbinlog or
    mariadb-binlog --start-position --stop-datetime --database, --rewrite-db for --into).
    Refused when the backup has no binlog position (binary logging was off), the server has
    binary logging off, or the first binlog file of the backup has been purged.
Then reset the service's consumer groups (replay-consumers.sh) to the backup time (or --to).

Environment: BACKUP_DB_HOST (127.0.0.1) BACKUP_DB_PORT (3306) BACKUP_DB_USER (root)
  BACKUP_DB_PASSWORD ()
USAGE
}

dump="" into="" to="" yes=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --into) [ $# -ge 2 ] || { usage >&2; exit 2; }; into=$2; shift 2 ;;
    --to) [ $# -ge 2 ] || { usage >&2; exit 2; }; to=$2; shift 2 ;;
    --yes) yes=1; shift ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) [ -z "$dump" ] || { usage >&2; exit 2; }; dump=$1; shift ;;
  esac
done
[ -n "$dump" ] || { usage >&2; exit 2; }
[ -f "$dump" ] || die "no such dump: $dump"
manifest="${dump%.sql.gz}.manifest"
[ -f "$manifest" ] || die "no manifest beside the dump: $manifest"
schema=$(manifest_get "$manifest" schema)
target=${into:-$schema}
[[ "$target" =~ ^[A-Za-z0-9_]+$ ]] || die "schema names must be [A-Za-z0-9_]+: $target"
if [ -n "$to" ]; then
  # mysqlbinlog reads --stop-datetime in the local zone: run it in UTC, give it 'YYYY-MM-DD HH:MM:SS'
  to=$(date -u -d "$(sed -E 's/T/ /; s/Z$//' <<<"$to") UTC" '+%Y-%m-%d %H:%M:%S') \
    || die "--to is no date-time: give e.g. '2026-12-07 10:15:00' (UTC)"
fi

expected=$(manifest_get "$manifest" sha256)
actual=$(sha256sum "$dump" | cut -d' ' -f1)
[ "$expected" = "$actual" ] || die "$dump does not match its manifest (sha256 $actual, expected $expected)"

db_connect_options
trap 'rm -f "$DB_OPTFILE"; rm -rf "${BINLOG_DIR:-}"' EXIT
db_value "SELECT 1" >/dev/null || die "cannot reach the database server"

# PITR preconditions before anything is dropped
binlog_file=$(manifest_get "$manifest" binlog_file)
binlog_position=$(manifest_get "$manifest" binlog_position)
if [ -n "$to" ]; then
  [ -n "$binlog_file" ] && [ -n "$binlog_position" ] \
    || die "--to: the backup recorded no binlog position (binary logging was off when it was taken)"
  [ "$(db_value "SELECT @@log_bin")" = 1 ] || die "--to: the server has binary logging off"
  logs=$(db_value "SHOW BINARY LOGS" | cut -f1)
  grep -qx "$binlog_file" <<<"$logs" \
    || die "--to: binlog $binlog_file of the backup is gone (purged); restore without --to"
  started=$(manifest_get "$manifest" started_at)
  [ "$(date -u -d "$to UTC" +%s)" -ge "$(date -u -d "$(sed -E 's/T/ /; s/Z$//' <<<"$started") UTC" +%s)" ] \
    || die "--to $to is before the backup ($started): pick an older backup"
  [ "$(date -u -d "$to UTC" +%s)" -lt "$(date -u +%s)" ] \
    || die "--to $to is not in the past: the restore itself would be replayed"
  # each flavour's binlog reader reads its own server's logs
  if [[ "$(db_value "SELECT VERSION()")" == *MariaDB* ]]; then
    BINLOG=$(first_of mariadb-binlog mysqlbinlog) || die "--to: neither mariadb-binlog nor mysqlbinlog is installed"
  else
    BINLOG=$(first_of mysqlbinlog mariadb-binlog) || die "--to: neither mysqlbinlog nor mariadb-binlog is installed"
  fi
fi

tables=$(db_value "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$target'")
if [ "$target" = "$schema" ]; then
  [ -n "$yes" ] || die "this replaces schema $schema in place ($tables tables now): stop the service, then pass --yes"
  charset=$(db_value "SELECT CONCAT(default_character_set_name, ' COLLATE ', default_collation_name)
    FROM information_schema.schemata WHERE schema_name = '$schema'")
  # grants on the schema survive the drop (they are kept by name)
  db_value "DROP DATABASE IF EXISTS \`$schema\`"
  db_value "CREATE DATABASE \`$schema\` CHARACTER SET ${charset:-utf8mb4 COLLATE utf8mb4_unicode_ci}"
else
  if [ "$tables" != 0 ] && [ -z "$yes" ]; then
    die "schema $target already holds $tables tables: pick an empty one or pass --yes to replace it"
  fi
  db_value "DROP DATABASE IF EXISTS \`$target\`"
  db_value "CREATE DATABASE \`$target\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
fi

start_ms=$(($(date +%s%N) / 1000000))
gzip -dc "$dump" | "$MYSQL" "${DB_OPTS[@]}" --default-character-set=utf8mb4 "$target"
echo "restored $schema into $target in $(($(date +%s%N) / 1000000 - start_ms)) ms" >&2

if [ -n "$to" ]; then
  BINLOG_DIR=$(mktemp -d)
  # raw copies of the backup's binlog and every later one, then decoded here: --database filters
  # local files reliably with both clients
  files="" on=""
  while read -r log; do
    [ "$log" = "$binlog_file" ] && on=1
    [ -z "$on" ] || files+="$log "
  done <<<"$logs"
  # shellcheck disable=SC2086
  (cd "$BINLOG_DIR" && "$BINLOG" "${DB_OPTS[@]}" --read-from-remote-server --raw $files)
  # mariadb-binlog filters --database on the name in the log, MySQL's mysqlbinlog on the rewritten one
  binlog_help=$("$BINLOG" --help 2>/dev/null || true)
  if [[ "$(head -n 5 <<<"$binlog_help")" == *MariaDB* ]]; then filter=$schema; else filter=$target; fi
  decode=(--start-position="$binlog_position" --stop-datetime="$to" --database="$filter")
  [ "$target" = "$schema" ] || decode+=(--rewrite-db="$schema->$target")
  # MySQL's mysqlbinlog: without this the server skips the transactions whose GTIDs it has seen
  if grep -q -- --skip-gtids <<<"$binlog_help"; then decode+=(--skip-gtids); fi
  start_ms=$(($(date +%s%N) / 1000000))
  # shellcheck disable=SC2086
  (cd "$BINLOG_DIR" && TZ=UTC "$BINLOG" "${decode[@]}" $files) | "$MYSQL" "${DB_OPTS[@]}"
  echo "replayed binlogs $binlog_file:$binlog_position .. $to into $target" \
    "in $(($(date +%s%N) / 1000000 - start_ms)) ms" >&2
fi
