#!/usr/bin/env bash
# Starts vanthu in the development profile (VANTHU_PROFILE=dev unless set): H2 and documents under ./data
# (VANTHU_DATA_DIR), port 8080 (VANTHU_PORT), the development PKI from keystore-samples/ and the demo users.
# The jar on its own starts in production instead, which needs trust anchors and a seal. Builds the jar when needed.
# JAVA_OPTS overrides the JVM options (raise -Xmx to sign many 100 MB documents at once).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/vanthu.jar
cds=target/vanthu.jsa
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building $jar …"
  mvn -B -q -DskipTests package
fi
# Class-data sharing: the first run records the classes it loaded into $cds when it stops; later runs map that
# archive and start about twice as fast. A rebuilt jar gets a new archive.
if [ -f "$cds" ] && [ "$cds" -nt "$jar" ]; then
  share="-XX:SharedArchiveFile=$cds -Xshare:auto"
else
  rm -f "$cds"
  share="-XX:ArchiveClassesAtExit=$cds -Xlog:cds=off,cds+dynamic=off"
fi
export VANTHU_PROFILE=${VANTHU_PROFILE:-dev}
exec java $share ${JAVA_OPTS:--Xmx1g} -jar "$jar" "$@"
