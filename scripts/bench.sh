#!/usr/bin/env bash
# Benchmarks (not tests): figures for README. Usage: scripts/bench.sh [startup|signing|validation|all]
# Runs on this machine as it is; compare the ratios printed side by side, not absolute numbers across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
[ -f target/vanthu.jar ] || mvn -B -q -DskipTests package
[ -d target/test-classes ] || mvn -B -q -DskipTests test-compile

startup() {
  local runs=${STARTUP_RUNS:-5} port=18291 total=0 best=999999 rss_max=0
  local dir; dir=$(mktemp -d)
  echo "== Cold start: scripts/run.sh (java -jar with its class-data archive) until /health is UP ($runs runs)"
  # One run to record the class-data archive, as the first scripts/run.sh after a build does.
  VANTHU_DATA_DIR="$dir" VANTHU_PORT=$port scripts/run.sh >"$dir/log.0" 2>&1 &
  local first=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.1; done
  kill -TERM $first; wait $first 2>/dev/null || true
  for i in $(seq 1 "$runs"); do
    local t0; t0=$(date +%s%N)
    VANTHU_DATA_DIR="$dir" VANTHU_PORT=$port scripts/run.sh >"$dir/log.$i" 2>&1 &
    local pid=$!
    until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
      kill -0 $pid 2>/dev/null || { echo "service died"; cat "$dir/log.$i"; exit 1; }
      sleep 0.02
    done
    local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    sleep 3
    local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
    kill -TERM $pid; wait $pid 2>/dev/null || true
    echo "run $i: start ${ms} ms, idle RSS ${rss} MB"
    total=$((total + ms)); [ "$ms" -lt "$best" ] && best=$ms; [ "$rss" -gt "$rss_max" ] && rss_max=$rss
  done
  echo "startup: mean $((total / runs)) ms, best ${best} ms (goal ≤ 3000); idle RSS max ${rss_max} MB (goal ≤ 300)"
  rm -rf "$dir"
}

java_bench() {
  local cls=$1; shift
  if [ -f "target/test-classes/vn/vanthu/bench/$cls.class" ]; then
    echo "== $cls"
    java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "target/vanthu.jar:target/test-classes" "vn.vanthu.bench.$cls" "$@"
  fi
}

case "$what" in
  startup) startup ;;
  signing) java_bench SigningBench ;;
  validation) java_bench ValidationBench ;;
  all) startup; java_bench SigningBench; java_bench ValidationBench ;;
  *) echo "usage: $0 [startup|signing|validation|all]"; exit 2 ;;
esac
