#!/usr/bin/env bash
# Direct vs nginx vs gateway, side by side in one run (issue 25 item 5; bench/README.md,
# "Gateway compare"). Builds member-service, the gateway and the bench classes under the shared
# Maven lock (skip with NO_BUILD=1), installs Debian's nginx and wrk when they are missing, then
# runs cn.dangjian.bench.GatewayCompare from the repository root with the arguments given, e.g.
#   bench/scripts/gateway-compare.sh --rounds=2 --seconds=20
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nginx wrk
fi
if [ "${NO_BUILD:-0}" != "1" ]; then
  flock /tmp/dangjian-mvn.lock ./mvnw -B -o -q -Pbench -pl member-service,gateway,bench -am \
    -DskipTests -Djacoco.skip=true package
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
exec java -Dloader.main=cn.dangjian.bench.GatewayCompare -cp bench/target/bench.jar \
  org.springframework.boot.loader.launch.PropertiesLauncher --nginx="$nginx_bin" "$@"
