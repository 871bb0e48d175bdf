#!/bin/bash
# Runs once, when the MySQL volume is new: one database and one user per service, each user
# allowed only its own schema (ARCHITECTURE.md: a service never reads another's database).
set -euo pipefail
create() {
  local db="$1" user="$2" password="$3"
  mysql -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON \`${db}\`.* TO '${user}'@'%';
SQL
}
create member_db member "${MEMBER_DB_PASSWORD}"
create dues_db dues "${DUES_DB_PASSWORD}"
create orglife_db orglife "${ORGLIFE_DB_PASSWORD}"
create assessment_db assessment "${ASSESSMENT_DB_PASSWORD}"
create alert_db alert "${ALERT_DB_PASSWORD}"
# the gateway's shared rate-limit buckets
create gateway_db gateway "${GATEWAY_DB_PASSWORD}"
create keycloak keycloak "${KEYCLOAK_DB_PASSWORD}"
mysql -uroot -p"${MYSQL_ROOT_PASSWORD}" -e "FLUSH PRIVILEGES"
