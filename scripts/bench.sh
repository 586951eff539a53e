#!/usr/bin/env bash
# Raw DSS vs the service, side by side (see src/test/java/vn/vanthu/bench/SigningBench.java).
# -Xmx512m: the 100 MB PDF must sign within it (file-backed documents, DSS PDF memory setting).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/vanthu.jar ] || [ ! -f target/test-classes/vn/vanthu/bench/SigningBench.class ]; then
  mvn -B -q -DskipTests package
fi
exec java -Xmx512m -cp target/vanthu.jar:target/test-classes vn.vanthu.bench.SigningBench "$@"
