#!/usr/bin/env bash
# Validation benchmark (issue 4): HTTP on an in-process vanthu vs raw DSS, then 64 concurrent clients.
# Usage: scripts/bench.sh [seconds-of-concurrency, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/vanthu.jar ] || [ ! -d target/test-classes ]; then
  mvn -B -q -DskipTests package test-compile
fi
exec java -Xmx1g -cp target/vanthu.jar:target/test-classes vn.vanthu.bench.ValidationBench "${1:-120}"
