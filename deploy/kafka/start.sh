#!/bin/bash
# Kafka for docker compose: one KRaft node, clients only over SASL_SSL with SCRAM-SHA-512, an
# authorizer that denies what no ACL allows, and one user per service (clients.csv).
#
#   - a CA and the broker's certificate are made on first start into /var/lib/kafka/certs (the
#     services mount it read-only and trust truststore.p12);
#   - the admin user (inter-broker and setup) is created when the storage is formatted;
#   - after start, setup.sh creates the topics, the service users and their ACLs (idempotent).
#
# Environment: KAFKA_ADMIN_PASSWORD, KAFKA_TLS_PASSWORD, KAFKA_PASSWORD_<SERVICE> for each service
# of clients.csv (e.g. KAFKA_PASSWORD_MEMBER_SERVICE), KAFKA_CLUSTER_ID (22 characters, base64url).
set -euo pipefail

: "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_TLS_PASSWORD:?}" "${KAFKA_CLUSTER_ID:?}"
HERE=$(cd "$(dirname "$0")" && pwd)
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
DATA=${KAFKA_DATA:-/var/lib/kafka/data}
CERTS=${KAFKA_CERTS:-/var/lib/kafka/certs}
HOST=${KAFKA_ADVERTISED_HOST:-kafka}
PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
CONFIG=${KAFKA_CONFIG:-/tmp/server.properties}
MARKER=${KAFKA_SETUP_MARKER:-/tmp/kafka-setup-done}
SAN="dns:$HOST"
[ "$HOST" = localhost ] || SAN="$SAN,dns:localhost"

mkdir -p "$CERTS" "$DATA"
if [ ! -f "$CERTS/truststore.p12" ]; then
  echo "kafka: making a CA and the broker certificate for $HOST"
  keytool -genkeypair -alias ca -keyalg RSA -keysize 3072 -validity 3650 -dname "CN=dangjian-kafka-ca" \
    -ext bc:c -keystore "$CERTS/ca.p12" -storetype PKCS12 -storepass "$KAFKA_TLS_PASSWORD"
  keytool -genkeypair -alias broker -keyalg RSA -keysize 3072 -validity 825 -dname "CN=$HOST" \
    -ext "SAN=$SAN" -keystore "$CERTS/broker.p12" -storetype PKCS12 \
    -storepass "$KAFKA_TLS_PASSWORD"
  keytool -certreq -alias broker -keystore "$CERTS/broker.p12" -storepass "$KAFKA_TLS_PASSWORD" \
    | keytool -gencert -alias ca -keystore "$CERTS/ca.p12" -storepass "$KAFKA_TLS_PASSWORD" \
        -validity 825 -ext "SAN=$SAN" -rfc > "$CERTS/broker.pem"
  keytool -exportcert -alias ca -keystore "$CERTS/ca.p12" -storepass "$KAFKA_TLS_PASSWORD" -rfc > "$CERTS/ca.pem"
  keytool -importcert -noprompt -alias ca -file "$CERTS/ca.pem" -keystore "$CERTS/broker.p12" \
    -storepass "$KAFKA_TLS_PASSWORD"
  keytool -importcert -noprompt -alias broker -file "$CERTS/broker.pem" -keystore "$CERTS/broker.p12" \
    -storepass "$KAFKA_TLS_PASSWORD"
  keytool -importcert -noprompt -alias ca -file "$CERTS/ca.pem" -keystore "$CERTS/truststore.p12" \
    -storetype PKCS12 -storepass "$KAFKA_TLS_PASSWORD"
  chmod 0644 "$CERTS/truststore.p12" "$CERTS/ca.pem"
  chmod 0600 "$CERTS/ca.p12" "$CERTS/broker.p12"
fi

cat > "$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$CONTROLLER_PORT
listeners=SASL_SSL://:$PORT,CONTROLLER://localhost:$CONTROLLER_PORT
advertised.listeners=SASL_SSL://$HOST:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
ssl.keystore.type=PKCS12
ssl.keystore.location=$CERTS/broker.p12
ssl.keystore.password=$KAFKA_TLS_PASSWORD
ssl.truststore.type=PKCS12
ssl.truststore.location=$CERTS/truststore.p12
ssl.truststore.password=$KAFKA_TLS_PASSWORD
ssl.endpoint.identification.algorithm=https
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
log.dirs=$DATA
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
broker.session.timeout.ms=60000
PROPS
# User:ANONYMOUS is the controller listener's principal: it listens on localhost only.
# broker.session.timeout.ms: the single node is its own controller. After a stall longer than the
# default 9 s (the fault suite's 30 s freeze, a long GC pause, a suspended VM) the controller fenced
# its own broker on waking up: every partition lost its leader and every consumer group its
# coordinator, and consumers caught up 27-28 s after the stall instead of 3 s. With no other
# broker to fail over to, fencing the only one helps nobody.

# Formatted once, on the first start: the storage tool is a JVM of its own (seconds on a busy
# machine), and on a formatted volume it would only confirm that (a restart should be quick).
if [ ! -f "$DATA/meta.properties" ]; then
  "$KAFKA_HOME/bin/kafka-storage.sh" format --ignore-formatted -t "$KAFKA_CLUSTER_ID" -c "$CONFIG" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]"
fi

rm -f "$MARKER"
"$KAFKA_HOME/bin/kafka-server-start.sh" "$CONFIG" &
broker=$!
trap 'kill -TERM $broker; wait $broker' TERM INT
# setup.sh starts ≈ 35 CLI JVMs (2 min on 2 cores): after a restart with the same clients, passwords
# and script (the fingerprint on the data volume), only wait until the broker answers.
fingerprint=$( (cat "$HERE/clients.csv" "$HERE/setup.sh"; env | grep -E '^KAFKA_(ADMIN_PASSWORD|PASSWORD_)' | sort) \
  | sha256sum | cut -d' ' -f1)
if [ "$(cat "$DATA/.dangjian-setup" 2>/dev/null)" = "$fingerprint" ]; then
  echo "kafka: topics, users and ACLs unchanged since the last setup"
  KAFKA_SETUP_WAIT_ONLY=1 KAFKA_BOOTSTRAP=localhost:$PORT KAFKA_CERTS="$CERTS" "$HERE/setup.sh" \
    || { kill -TERM $broker; exit 1; }
else
  KAFKA_BOOTSTRAP=localhost:$PORT KAFKA_CERTS="$CERTS" "$HERE/setup.sh" || { kill -TERM $broker; exit 1; }
  echo "$fingerprint" > "$DATA/.dangjian-setup"
fi
touch "$MARKER"   # the compose healthcheck: ready once users and ACLs exist
wait $broker
