# Shared by backup.sh, restore.sh and replay-consumers.sh (sourced, not run).
#
# The database server: BACKUP_DB_HOST (127.0.0.1), BACKUP_DB_PORT (3306), BACKUP_DB_USER (root),
# BACKUP_DB_PASSWORD (empty). The password goes into a 0600 option file, never onto a command line.

SERVICES="member dues org-life assessment alert"

# service -> schema (deploy/compose/mysql-init/01-databases.sh, each application.yml)
schema_of() {
  case "$1" in
    member) echo member_db ;;
    dues) echo dues_db ;;
    org-life) echo orglife_db ;;
    assessment) echo assessment_db ;;
    alert) echo alert_db ;;
    keycloak) echo keycloak ;;
    *) return 1 ;;
  esac
}

# service -> "group:topic,topic" per consumer group whose offsets belong with its schema (the
# @KafkaListener groupIds; every one is idempotent through the schema's processed_event table).
# alert-service-job-events is left out on purpose: it relays job progress to SSE streams, keeps
# nothing in the schema and starts from "latest".
groups_of() {
  case "$1" in
    member)
      echo "member-service-statistics:member.events,dues.events,orglife.events,alert.events,assessment.events"
      echo "member-service-unqualified-triggers:orglife.events,alert.events" ;;
    dues)
      echo "dues-service-member-projection:member.events"
      echo "dues-service-meetings:orglife.events" ;;
    org-life)
      echo "org-life-service-member-projection:member.events" ;;
    assessment)
      echo "assessment-service-member-projection:member.events"
      echo "assessment-service-sources:dues.events,orglife.events,alert.events" ;;
    alert)
      echo "alert-service-member-projection:member.events"
      echo "alert-service-domain-events:dues.events,orglife.events,assessment.events"
      echo "alert-service-notifications:member.events,dues.events,orglife.events,assessment.events,alert.events" ;;
    *) return 1 ;;
  esac
}

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# the first of the named programs on the PATH
first_of() {
  local p
  for p in "$@"; do
    if command -v "$p" >/dev/null 2>&1; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

# writes the client option file and sets DB_OPTS (must come first on a client's command line)
db_connect_options() {
  DB_OPTFILE=$(mktemp)
  chmod 600 "$DB_OPTFILE"
  {
    echo "[client]"
    echo "host=${BACKUP_DB_HOST:-127.0.0.1}"
    echo "port=${BACKUP_DB_PORT:-3306}"
    echo "user=${BACKUP_DB_USER:-root}"
    if [ -n "${BACKUP_DB_PASSWORD:-}" ]; then
      echo "password=${BACKUP_DB_PASSWORD}"
    fi
    echo "protocol=tcp"
  } >"$DB_OPTFILE"
  DB_OPTS=(--defaults-extra-file="$DB_OPTFILE")
  MYSQL=$(first_of mariadb mysql) || die "neither mariadb nor mysql (the client) is installed"
}

# one value from the server, no column names
db_value() {
  "$MYSQL" "${DB_OPTS[@]}" -N -B -e "$1"
}

utc_now() {
  date -u +%Y-%m-%dT%H:%M:%S.%3NZ
}

# key=value from a manifest file
manifest_get() {
  sed -n "s/^$2=//p" "$1" | head -n 1
}
