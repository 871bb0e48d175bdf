#!/bin/sh
# The start archive, made at image build time (docs/benchmarks-platform.md, "Start-up settings").
# The service is started until its context is refreshed and exits; what it loaded goes into the
# archive: on JDK 25+ an AOT cache (JEP 483/514/515: classes loaded and linked, method profiles),
# on older JDKs an AppCDS archive of the loaded classes. The option that uses it is written to
# archive.args beside the jar, which the image's entrypoint passes to java (`java @archive.args`).
# No database, broker or Keycloak is reachable during `docker build`, so everything that would talk
# to one at refresh time is switched off for this run only; the image runs with its normal settings.
# Usage: appcds-training.sh <app.jar> <archive path without extension>
# (APPCDS_OPTIONS replaces the option that makes the archive; deploy's AppCdsTrainingTest uses it
# to start once more from the archive with -Xshare:on / -XX:AOTMode=on, which fails if the archive
# does not match the jars.)
set -eu
jar="$1"
stem="$2"
feature=$(java -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
if [ "${feature:-0}" -ge 25 ]; then
  archive="$stem.aot"
  make="-XX:AOTCacheOutput=$archive"
  use="-XX:AOTCache=$archive"
else
  archive="$stem.jsa"
  make="-XX:ArchiveClassesAtExit=$archive"
  use="-XX:SharedArchiveFile=$archive"
fi
options="${APPCDS_OPTIONS:-$make}"
log="${TMPDIR:-/tmp}/appcds-training-$$.log"
# throwaway keys: member-service refuses to start without them; nothing is encrypted in this run
key=$(head -c 32 /dev/urandom | base64)
# -Xmx: the image's JAVA_TOOL_OPTIONS size the heap from the build host's memory, and above 32 GB
# that turns compressed oops off, which would make the archive unusable in a small pod
# shellcheck disable=SC2086 # the options are several words
DANGJIAN_PRIVACY_ENCRYPTION_KEY="$key" DANGJIAN_PRIVACY_HASH_KEY="$key" \
java -Xmx512m $options -Dspring.context.exit=onRefresh -jar "$jar" \
  --server.port=0 \
  --spring.datasource.url=jdbc:mysql://127.0.0.1:1/appcds-training \
  --spring.flyway.enabled=false \
  --spring.jpa.hibernate.ddl-auto=none \
  --spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
  --spring.modulith.events.republish-outstanding-events-on-restart=false \
  --spring.kafka.bootstrap-servers=127.0.0.1:1 \
  --logging.level.root=ERROR \
  > "$log" 2>&1 || { cat "$log"; exit 1; }
rm -f "$log"
test -s "$archive"
echo "$use" > "$(dirname "$jar")/archive.args"
