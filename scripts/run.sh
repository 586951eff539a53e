#!/usr/bin/env bash
# Starts vanthu with its embedded defaults: H2 and documents under ./data (VANTHU_DATA_DIR), port 8080
# (VANTHU_PORT), the development PKI from keystore-samples/ and the demo users. Builds the jar when needed.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/vanthu.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building $jar …"
  mvn -B -q -DskipTests package
fi
# JAVA_OPTS overrides the JVM options (raise -Xmx to sign many 100 MB documents at once).
exec java ${JAVA_OPTS:--Xmx1g} -jar "$jar" "$@"
