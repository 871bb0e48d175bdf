#!/bin/bash
# Topics, service users and ACLs from clients.csv, through the admin user. Idempotent: run after
# every start; a changed password in the environment replaces the stored SCRAM credential.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
BOOTSTRAP=${KAFKA_BOOTSTRAP:-localhost:9092}
CERTS=${KAFKA_CERTS:-/var/lib/kafka/certs}
ADMIN=${KAFKA_ADMIN_CONFIG:-/tmp/admin.properties}
cat > "$ADMIN" <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
ssl.truststore.type=PKCS12
ssl.truststore.location=$CERTS/truststore.p12
ssl.truststore.password=$KAFKA_TLS_PASSWORD
PROPS
bin="$KAFKA_HOME/bin"

answering=
for _ in $(seq 1 60); do
  if "$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --list >/dev/null 2>&1; then
    answering=yes; break
  fi
  sleep 2
done
[ -n "$answering" ] || { echo "kafka setup: the broker did not answer in 2 minutes" >&2; exit 1; }
# start.sh: nothing changed since the last setup, the broker answering is all it waits for
[ -z "${KAFKA_SETUP_WAIT_ONLY:-}" ] || exit 0

grep -v '^#' "$HERE/clients.csv" | while IFS=';' read -r service publishes consumes; do
  [ -n "$service" ] || continue
  var="KAFKA_PASSWORD_$(echo "$service" | tr 'a-z-' 'A-Z_')"
  password="${!var:?$var is not set}"
  # the domain topic is the history the statistics read model is rebuilt from (replay): kept
  # forever (retention.ms=-1); its DLT keeps Kafka's default
  "$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" \
    --create --if-not-exists --topic "$publishes" --partitions 6 --replication-factor 1 \
    --config retention.ms=-1
  "$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" \
    --create --if-not-exists --topic "$publishes.DLT" --partitions 6 --replication-factor 1
  "$bin/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --alter \
    --entity-type users --entity-name "$service" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
  acl() { "$bin/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --add \
    --allow-principal "User:$service" "$@" >/dev/null; }
  acl --operation Write --operation Describe --topic "$publishes"
  if [ -n "$consumes" ]; then
    reads=() dlts=()
    for topic in $consumes; do reads+=(--topic "$topic"); dlts+=(--topic "$topic.DLT"); done
    acl --operation Read --operation Describe "${reads[@]}"
    acl --operation Write --operation Describe "${dlts[@]}"
  fi
  acl --operation Read --group "$service-" --resource-pattern-type prefixed
  echo "kafka setup: $service may write $publishes and read: ${consumes:-nothing}"
done
