#!/bin/bash
# Points a restored service's consumer groups back to the backup time, so it replays its topics.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") <service> <UTC datetime> [--margin <seconds>] [--dry-run]
  service: $SERVICES

After restore.sh: sets every consumer group of the service whose effects live in its schema to
the first offset at or after <datetime> minus the margin (default 300 s), on each topic the group
reads (kafka-consumer-groups.sh --reset-offsets --to-datetime ... --execute). Give the backup's
started_at from its manifest, or the --to time of a point-in-time restore. The consumers are
idempotent (each event id once per consumer, marked in processed_event in the same transaction as
its effect), so replaying more than needed is harmless; the margin covers events published
before the backup but consumed after it.

The service must be stopped: Kafka resets only a group with no members. The script checks each
group's state first and refuses while any is not Empty (or Dead: never committed).

Environment:
  KAFKA_RUN        local (kafka-consumer-groups.sh on the PATH; default), compose (docker compose
                   exec into the kafka service) or k8s (kubectl exec into the broker pod)
  KAFKA_BOOTSTRAP  bootstrap server as seen from where the tool runs (localhost:9092)
  KAFKA_COMMAND_CONFIG  client properties file there (compose: /tmp/admin.properties, written by
                   deploy/kafka/setup.sh; local and k8s: none)
  COMPOSE_SERVICE  compose service of the broker (kafka)
  K8S_NAMESPACE (dangjian) KAFKA_POD (dangjian-kafka-kafka-0)  for k8s
USAGE
}

service="" at="" margin=300 dry=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --margin) [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || { usage >&2; exit 2; }; margin=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) if [ -z "$service" ]; then service=$1; elif [ -z "$at" ]; then at=$1; else usage >&2; exit 2; fi
       shift ;;
  esac
done
[ -n "$service" ] && [ -n "$at" ] || { usage >&2; exit 2; }
groups=$(groups_of "$service") || { echo "unknown service: $service" >&2; usage >&2; exit 2; }
epoch=$(date -u -d "$(sed -E 's/T/ /; s/Z$//' <<<"$at") UTC" +%s) \
  || die "no date-time: $at (give e.g. 2026-12-07T10:15:00Z, UTC)"
from=$(date -u -d "@$((epoch - margin))" +%Y-%m-%dT%H:%M:%S.000Z)

bootstrap=${KAFKA_BOOTSTRAP:-localhost:9092}
case "${KAFKA_RUN:-local}" in
  local) tool=(kafka-consumer-groups.sh); config=${KAFKA_COMMAND_CONFIG:-} ;;
  compose)
    if docker compose version >/dev/null 2>&1; then dc=(docker compose); else dc=(docker-compose); fi
    tool=("${dc[@]}" exec -T "${COMPOSE_SERVICE:-kafka}" /opt/kafka/bin/kafka-consumer-groups.sh)
    config=${KAFKA_COMMAND_CONFIG:-/tmp/admin.properties} ;;
  k8s)
    tool=(kubectl exec -i -n "${K8S_NAMESPACE:-dangjian}" "${KAFKA_POD:-dangjian-kafka-kafka-0}" --
      /opt/kafka/bin/kafka-consumer-groups.sh)
    config=${KAFKA_COMMAND_CONFIG:-} ;;
  *) die "KAFKA_RUN must be local, compose or k8s" ;;
esac
kafka() {
  "${tool[@]}" --bootstrap-server "$bootstrap" ${config:+--command-config "$config"} "$@"
}

# every group first: nothing is reset unless the whole service is down
for line in $groups; do
  group=${line%%:*}
  state=$(kafka --describe --group "$group" --state 2>&1 | awk -v g="$group" '$1 == g { print $(NF - 1) }' | head -n 1 || true)
  # the state column is the one before the member count; no row: the group does not exist
  case "$state" in
    Empty | Dead | "") ;;
    *) die "consumer group $group is $state: stop $service (all replicas) first, then run this again" ;;
  esac
done

for line in $groups; do
  group=${line%%:*}
  topics=()
  IFS=, read -r -a names <<<"${line#*:}"
  for topic in "${names[@]}"; do topics+=(--topic "$topic"); done
  echo "$group: offsets of ${line#*:} to $from" >&2
  kafka --reset-offsets --group "$group" "${topics[@]}" --to-datetime "$from" \
    "$([ -n "$dry" ] && echo --dry-run || echo --execute)"
done
echo "start $service again: it replays from $from and skips what its schema has processed" >&2
