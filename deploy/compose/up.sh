#!/usr/bin/env bash
# From nothing to a healthy compose stack on a Debian machine, with images built here (no image
# registry): installs and starts the Docker engine if needed, builds the jars and the images
# (deploy/images/build.sh), writes a .env with random secrets if there is none, runs
# `docker-compose up -d` and waits until every container is healthy.
#
#   sudo deploy/compose/up.sh            # then: gateway http://localhost:8080, Keycloak :8180
#   deploy/compose/down.sh               # stop and remove containers and volumes
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH=/usr/sbin:/usr/bin:$PATH

if ! command -v dockerd >/dev/null || ! command -v docker-compose >/dev/null || ! command -v debootstrap >/dev/null; then
  echo "up: installing docker.io, docker-compose and debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose debootstrap >/dev/null
fi
if ! docker info >/dev/null 2>&1; then
  echo "up: starting dockerd"
  # dockerd outlives this script: it must not inherit any descriptor but the three standard ones
  # (a caller's `flock` lock file would otherwise stay locked for as long as the engine runs)
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-"; fi
    done
    exec dockerd --storage-driver=overlay2 >/var/log/dockerd.log 2>&1
  ) &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
fi

if [ ! -f member-service/target/member-service.jar ]; then
  ./mvnw -B -q -DskipTests package
fi
build_start=$SECONDS
bash deploy/images/build.sh
echo "up: images built in $((SECONDS - build_start)) s"
# shellcheck disable=SC1091
source deploy/images/images.env

if [ ! -f .env ]; then
  echo "up: writing .env with random secrets (keep it; the volumes are encrypted and keyed with it)"
  random() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }
  password() { printf 'Dj-%s-9a' "$(head -c 18 /dev/urandom | base64 | tr -d '\n/+=')"; }
  while IFS= read -r line; do
    key=${line%%=*}
    case "$line" in
      *=CHANGE_ME)
        case "$key" in
          KAFKA_CLUSTER_ID) value=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n') ;;
          DANGJIAN_ADMIN_USERNAME) value=zzb-admin ;;
          *_KEY) value=$(random 32) ;;
          *) value=$(password) ;;
        esac
        echo "$key=$value" ;;
      *) echo "$line" ;;
    esac
  done < deploy/compose/.env.example > .env
  chmod 600 .env
fi

up_start=$SECONDS
docker-compose up -d
echo "up: waiting until every container is healthy"
deadline=$((SECONDS + ${UP_TIMEOUT:-900}))
while :; do
  unhealthy=$(docker-compose ps -q | xargs docker inspect -f '{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' \
    | grep -v ' healthy$' | grep -v 'keycloak-bootstrap' || true)
  [ -z "$unhealthy" ] && break
  if [ $SECONDS -ge $deadline ]; then
    echo "up: not healthy in time:" >&2; echo "$unhealthy" >&2; exit 1
  fi
  sleep 5
done
echo "up: healthy $((SECONDS - up_start)) s after up — gateway http://localhost:8080, Keycloak http://localhost:8180"
