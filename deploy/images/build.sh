#!/usr/bin/env bash
# Builds every image the compose stack needs without any image registry — only Debian's packages
# and Maven Central:
#   dangjian/debian:{bookworm,trixie}  debootstrap'ed Debian, imported (docker import)
#   dangjian/jre:17                     Debian 12's OpenJDK 17 runtime (base of Kafka)
#   dangjian/jre:25                     Debian 13's OpenJDK 25 runtime (base of the services)
#   dangjian/mariadb:10.11              Debian's MariaDB with the MySQL image's start-up contract
#   dangjian/prometheus:2.53            Debian's Prometheus (observability profile; Grafana is not
#                                       packaged by Debian and stays the official image)
#   dangjian/kafka:<kafka.version>      the broker and CLIs from Maven Central (KRaft, SASL_SSL)
#   dangjian/keycloak:<keycloak.version> Keycloak's Maven Central distribution on Debian's JDK 21
#   dangjian/<service>:$TAG             the six services from the Maven output (./mvnw package)
# Layers are cached: a second run rebuilds only what changed. Needs root, docker, debootstrap.
#
# Then run the stack on these images (the compose defaults stay the official images):
#   source deploy/images/images.env && docker compose up -d
set -euo pipefail
cd "$(dirname "$0")/../.."
DOCKER=${DOCKER:-docker}
TAG=${TAG:-latest}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' deploy/images/kafka/pom.xml)
KEYCLOAK_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)
step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

debian() {
  local suite=$1
  if ! $DOCKER image inspect "dangjian/debian:$suite" >/dev/null 2>&1; then
    step "debootstrap $suite"
    local rootfs
    rootfs=$(mktemp -d)
    debootstrap --variant=minbase "$suite" "$rootfs" "$MIRROR" >/dev/null
    tar -C "$rootfs" -c . | $DOCKER import - "dangjian/debian:$suite" >/dev/null
    rm -rf "$rootfs"
  fi
}
debian bookworm
debian trixie

step "dangjian/jre:17"
$DOCKER build -q -t dangjian/jre:17 deploy/images/jre
step "dangjian/jre:25"
$DOCKER build -q -t dangjian/jre:25 --build-arg BASE=dangjian/debian:trixie \
  --build-arg JRE_PACKAGE=openjdk-25-jre-headless deploy/images/jre
step "dangjian/mariadb:10.11"
$DOCKER build -q -t dangjian/mariadb:10.11 deploy/images/mariadb

step "dangjian/prometheus:2.53"   # the observability profile's; Grafana has no Debian package
$DOCKER build -q -t dangjian/prometheus:2.53 deploy/images/prometheus

step "dangjian/kafka:$KAFKA_VERSION"
if [ ! -d deploy/images/kafka/lib ]; then
  ./mvnw -B -q -f deploy/images/kafka/pom.xml dependency:copy-dependencies \
    -DoutputDirectory=lib -DincludeScope=runtime
fi
$DOCKER build -q -t "dangjian/kafka:$KAFKA_VERSION" deploy/images/kafka

step "dangjian/keycloak:$KEYCLOAK_VERSION"
if [ ! -d deploy/images/keycloak/dist ]; then
  ./mvnw -B -q dependency:unpack -N \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory=deploy/images/keycloak/unpacked
  mv "deploy/images/keycloak/unpacked/keycloak-$KEYCLOAK_VERSION" deploy/images/keycloak/dist
  rm -rf deploy/images/keycloak/unpacked
fi
$DOCKER build -q -t "dangjian/keycloak:$KEYCLOAK_VERSION" deploy/images/keycloak

port=8080
for service in gateway member-service dues-service org-life-service assessment-service alert-service; do
  step "dangjian/$service:$TAG"
  [ "$service" = gateway ] && p=8080 || { port=$((port + 1)); p=$port; }
  $DOCKER build -q -f deploy/docker/Dockerfile --build-arg SERVICE="$service" --build-arg PORT="$p" \
    --build-arg JAVA_IMAGE=dangjian/jre:25 --build-arg REVISION="$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
    -t "dangjian/$service:$TAG" .
done

cat > deploy/images/images.env <<ENV
export MYSQL_IMAGE=dangjian/mariadb:10.11
export KAFKA_IMAGE=dangjian/kafka:$KAFKA_VERSION
export KEYCLOAK_IMAGE=dangjian/keycloak:$KEYCLOAK_VERSION
export KEYCLOAK_DB_VENDOR=mariadb
export JAVA_IMAGE=dangjian/jre:25
export PROMETHEUS_IMAGE=dangjian/prometheus:2.53
export TAG=$TAG
ENV
step "done"
$DOCKER images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep '^dangjian/' | sort
