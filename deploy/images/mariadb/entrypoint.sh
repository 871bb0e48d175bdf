#!/bin/bash
# First start: initialise the data directory, set the root password, run the init scripts, exactly
# once. Every start: run the server in the foreground as the mysql user with the given arguments.
set -euo pipefail
DATADIR=/var/lib/mysql
if [ "${1:-mariadbd}" = mariadbd ] || [ "${1#-}" != "$1" ]; then
  [ "${1:-}" = mariadbd ] && shift || true
  if [ ! -d "$DATADIR/mysql" ]; then
    : "${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD}"
    echo "entrypoint: initialising $DATADIR"
    chown -R mysql:mysql "$DATADIR"
    mariadb-install-db --user=mysql --datadir="$DATADIR" --skip-test-db --auth-root-authentication-method=normal >/dev/null
    mariadbd --user=mysql --datadir="$DATADIR" --skip-networking --socket=/run/mysqld/mysqld.sock &
    pid=$!
    for _ in $(seq 1 60); do
      mariadb-admin --socket=/run/mysqld/mysqld.sock ping --silent 2>/dev/null && break
      sleep 1
    done
    mariadb --socket=/run/mysqld/mysqld.sock -uroot <<SQL
ALTER USER 'root'@'localhost' IDENTIFIED BY '${MYSQL_ROOT_PASSWORD}';
CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '${MYSQL_ROOT_PASSWORD}';
GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
    export MYSQL_PWD="$MYSQL_ROOT_PASSWORD"
    for script in /docker-entrypoint-initdb.d/*; do
      case "$script" in
        *.sh) echo "entrypoint: running $script"; bash "$script" ;;
        *.sql) echo "entrypoint: running $script"; mariadb --socket=/run/mysqld/mysqld.sock -uroot < "$script" ;;
      esac
    done
    unset MYSQL_PWD
    mariadb-admin --socket=/run/mysqld/mysqld.sock -uroot -p"$MYSQL_ROOT_PASSWORD" shutdown
    wait "$pid" || true
  fi
  exec mariadbd --user=mysql --datadir="$DATADIR" --bind-address=0.0.0.0 "$@"
fi
exec "$@"
