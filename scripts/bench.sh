#!/usr/bin/env bash
# Benchmarks (not tests): figures for README.
# Usage: scripts/bench.sh [startup|signing|validation|dossier|dispatch2|figures|digitization|exchange|pages|versus|all] [seconds of the 64-client validation soak, default 120]
#   dossier: work dossiers — close, seal and download a dossier of DOSSIER_DOCS (1000) scans totalling DOSSIER_BYTES (1 GiB),
#   DOSSIER_SIGNED (10) of them signed PAdES-LT, service at -Xmx256m, against sha256sum + zip -0 of the same files.
#   Needs curl, jq, zip, python3, about 4 × DOSSIER_BYTES of free disk under TMPDIR; KEEP=1 keeps its folder.
#   dispatch2: outgoing dispatches — scripts/bench-dispatch.sh (N, default 40; 8 clients) against two instances on one
#   PostgreSQL (embedded, started by vn.vanthu.bench.BenchPostgres), after the same against one of them.
#   DISPATCH_JAVA_OPTS (-Xmx1g) are the instances' JVM options (add -XX:StartFlightRecording=… to profile).
#   figures: a year of a large department (FIGURES_OUT 20000 outgoing, FIGURES_IN 60000 incoming, FIGURES_DOSSIERS 3000
#   dossiers, inserted by SQL) on H2 and on embedded PostgreSQL; p50 of GET /api/v1/figures (goal <= 1 s), queries per call.
#   digitization: the service's digitization of a DIGITIZATION_PAGES (10) page 300 dpi scan (POST to job DONE) against
#   ocrmypdf alone with the service's options on the same file, DIGITIZATION_ROUNDS (2) alternating pairs; wall and CPU
#   seconds (with the OCR processes) of both and their ratios (goal <= 1.2×). Needs ocrmypdf, tesseract-ocr-vie, pdftoppm.
#   exchange: two instances in one JVM (H2): receiving + registering a 1 MB signed PDF as edXML vs validating it alone
#   (EXCHANGE_RECEIVED 10 pairs), deliveries/s with exchange.in.flight 1, 2, 4, 8 (EXCHANGE_DELIVERED 16 each), heap
#   after GC with EXCHANGE_QUEUED (10000) deliveries queued for a partner that is down. EXCHANGE_PARTS (abc) picks
#   the parts: EXCHANGE_PARTS=a scripts/bench.sh exchange runs only the first.
#   pages: the registers and the dossier list (pages and API) with PAGES_OUT 100000 outgoing and PAGES_IN 100000
#   incoming documents (PAGES_DOSSIERS 3000 dossiers, inserted by SQL) on H2 and on embedded PostgreSQL; p95 of random
#   pages at PAGES_USERS 8 concurrent clients signed in with a bearer token, PAGES_REQUESTS 25 each after a round not
#   counted (goal p95 <= 300 ms; PAGES_DB H2 or POSTGRES runs one).
#   versus: this build against the jar of VERSUS_COMMIT (9310ce3, the commit before the service's limits and data loader;
#   built in a worktree under target/) or VERSUS_JAR: validation and signing requests to both in turn, VERSUS_ROUNDS 60;
#   median wall time and CPU per request of each process (in all, then its request threads, JIT and GC), and their
#   ratios (counted once both are idle after their start). VERSUS_JAVA_OPTS are more JVM options for both, {label}
#   standing for other/this (e.g. -XX:StartFlightRecording=filename=/tmp/{label}.jfr,settings=profile to compare
#   where each spends its CPU);
#   VERSUS_CASES runs only the cases whose name contains it (e.g. "sign PAdES"); VERSUS_WARMUP rounds a case are not
#   counted (default a fifth of the rounds; the JITs settle after several hundred); VERSUS_DB_URL, {data} standing for
#   each side's data folder, gives both the same database settings (e.g. the same H2 commit durability).
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

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

dossier() {
  local count=${DOSSIER_DOCS:-1000} bytes=${DOSSIER_BYTES:-1073741824} nsigned=${DOSSIER_SIGNED:-10}
  local port=${DOSSIER_PORT:-18293} url heap=${DOSSIER_XMX:--Xmx256m}
  url="http://127.0.0.1:$port"
  for tool in curl jq zip sha256sum python3; do
    command -v $tool >/dev/null || { echo "dossier benchmark: $tool is missing (apt-get install -y $tool)" >&2; exit 1; }
  done
  if [ -n "$(find src/main pom.xml -newer target/vanthu.jar -print -quit)" ]; then mvn -B -q -DskipTests package; fi
  if [ ! -f target/test-classes/vn/vanthu/bench/DossierDocs.class ] \
     || [ src/test/java/vn/vanthu/bench/BenchDocs.java -nt target/test-classes/vn/vanthu/bench/BenchDocs.class ]; then
    mvn -B -q -DskipTests test-compile
  fi
  local dir; dir=$(mktemp -d "${TMPDIR:-/tmp}/vanthu-dossier-bench.XXXXXX")
  bench_pid=""
  # shellcheck disable=SC2064
  trap "[ -z \"\$bench_pid\" ] || kill -TERM \$bench_pid 2>/dev/null; [ -n \"${KEEP:-}\" ] || rm -rf '$dir'" EXIT
  echo "== Dossier: close + seal + package of $count documents, $((bytes / 1048576)) MiB, service at $heap (work folder $dir)"
  java -cp "target/vanthu.jar:target/test-classes" vn.vanthu.bench.DossierDocs "$dir/docs" "$count" "$bytes"

  VANTHU_PROFILE=dev VANTHU_DATA_DIR="$dir/data" VANTHU_PORT=$port VANTHU_MAX_UPLOAD_MB=64 \
    java $heap -Xlog:gc:file="$dir/gc.log" -jar target/vanthu.jar >"$dir/service.log" 2>&1 &
  bench_pid=$!; local pid=$bench_pid
  until curl -sf "$url/health" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "service died"; tail -50 "$dir/service.log"; exit 1; }
    sleep 0.2
  done
  local tokens="$dir/data/demo-tokens.json"
  local official clerk auditor
  official=$(jq -r .official "$tokens"); clerk=$(jq -r .clerk "$tokens"); auditor=$(jq -r .auditor "$tokens")

  # Some documents arrive signed: the official signs them through the service (PAdES-BASELINE-LT), so closing
  # validates real signatures with their revocation data.
  local signed=0 f
  for f in $(ls "$dir/docs" | head -n "$nsigned"); do
    curl -sf -H "Authorization: Bearer $official" -F "file=@$dir/docs/$f;type=application/pdf" -F format=PAdES \
      -F level=LT -F keyId=official1 -F pin=123456 -o "$dir/signed.pdf" "$url/api/v1/signatures" \
      || { echo "signing $f failed"; tail -20 "$dir/service.log"; exit 1; }
    mv "$dir/signed.pdf" "$dir/docs/$f"; signed=$((signed + 1))
  done
  local total; total=$(du -cb "$dir"/docs/*.pdf | tail -1 | cut -f1)
  echo "documents: $count PDFs (one-page scans of incompressible noise), $signed of them signed PAdES-BASELINE-LT by official1, $total bytes"

  local me dossier_id
  me=$(curl -sf -H "Authorization: Bearer $clerk" "$url/api/v1/users/me" | jq -r .id)
  dossier_id=$(curl -sf -H "Authorization: Bearer $clerk" -H 'Content-Type: application/json' \
    -d "$(jq -nc --arg u "$me" '{symbol:"99.BENCH", title:"Hồ sơ đo hiệu năng: 1.000 văn bản", retention:"10Y", responsibleUserId:$u}')" \
    "$url/api/v1/dossiers" | jq -r .id)
  local t0; t0=$(date +%s%N)
  export url clerk dossier_id dir
  # shellcheck disable=SC2016
  ls "$dir/docs" | xargs -P 4 -I{} bash -c 'code=$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $clerk" \
      -F "file=@$dir/docs/{};type=application/pdf" \
      -F "metadata={\"kind\":\"OTHER\",\"documentDate\":\"2026-0$(( (10#${1:0:4} % 9) + 1 ))-15\",\"subject\":\"Bản quét ${1:0:4}\"}" \
      "$url/api/v1/dossiers/$dossier_id/documents"); [ "$code" = 201 ] || { echo "filing $1 → $code" >&2; exit 255; }' _ {}
  local filed; filed=$(curl -sf -H "Authorization: Bearer $clerk" "$url/api/v1/dossiers/$dossier_id" | jq '.items | length')
  echo "filed $filed documents in $(ms_since "$t0") ms (not part of the figures); service VmHWM so far $(awk '/VmHWM/ {print int($2/1024)}' /proc/$pid/status) MB"

  # The baseline, same files, same run: hash them, then store them in a ZIP. Timed before and after the service's
  # part, so that a change in the machine's load during the run (other builds) weighs on both sides alike.
  # CPU seconds are printed too: they hardly depend on what else the machine runs meanwhile.
  baseline() {
    rm -f "$dir/baseline.zip"; sync; sleep 2
    local t; t=$(date +%s%N)
    (cd "$dir/docs" && /usr/bin/time -f '%U %S' -o "$dir/cpu.sha" sha256sum -- *.pdf >"$dir/sums"); echo -n "$(ms_since "$t") "
    t=$(date +%s%N)
    (cd "$dir/docs" && /usr/bin/time -f '%U %S' -o "$dir/cpu.zip" zip -0 -q "$dir/baseline.zip" -- *.pdf); echo -n "$(ms_since "$t") "
    echo -n "$(cut -d' ' -f1 /proc/loadavg) "
    cat "$dir/cpu.sha" "$dir/cpu.zip" | awk '{c += $1 + $2} END {printf "%.2f\n", c}'
  }
  cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
  local a b base1 base2 load c0 c1 c2
  base1=$(baseline)
  sync; sleep 2
  load=$(cut -d' ' -f1 /proc/loadavg)
  c0=$(cpu_ticks)
  t0=$(date +%s%N)
  curl -sf -o "$dir/closed.json" -H "Authorization: Bearer $clerk" -H 'Content-Type: application/json' \
    -d '{"keyId":"seal","pin":"123456"}' "$url/api/v1/dossiers/$dossier_id/close" \
    || { echo "closing failed"; tail -50 "$dir/service.log"; exit 1; }
  a=$(ms_since "$t0"); c1=$(cpu_ticks); t0=$(date +%s%N)
  curl -sf -o "$dir/package.zip" -H "Authorization: Bearer $auditor" "$url/api/v1/dossiers/$dossier_id/package" \
    || { echo "package download failed"; tail -50 "$dir/service.log"; exit 1; }
  b=$(ms_since "$t0"); c2=$(cpu_ticks)
  local cpu; cpu="$(( c1 - c0 )) $(( c2 - c1 )) $(getconf CLK_TCK)"
  local rss; rss=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$pid/status)

  load="$load → $(cut -d' ' -f1 /proc/loadavg)"
  base2=$(baseline)

  kill -TERM $pid; wait $pid 2>/dev/null || true; bench_pid=""
  local oom heap_peak
  oom=$(cat "$dir/service.log" "$dir"/data/*.trace.db 2>/dev/null | grep -c OutOfMemoryError || true)
  heap_peak=$(grep -E 'Pause (Young|Full)' "$dir/gc.log" | grep -o -- '->[0-9]*M' | tr -dc '0-9\n' | sort -n | tail -1)

  # The package: every document, and the SHA-256 of some of them, the signed ones included, agree with METS.xml.
  local check; check=$(python3 - "$dir/package.zip" "$count" "$nsigned" <<'PY'
import hashlib, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1]); count, nsigned = int(sys.argv[2]), int(sys.argv[3])
names = z.namelist()
data = [n for n in names if n.startswith("representations/rep1/data/")]
mets = z.read("METS.xml").decode()
sums = {m.group(2): m.group(1) for m in re.finditer(r'CHECKSUM="([0-9a-f]{64})"[^>]*>\s*<FLocat[^>]*xlink:href="([^"]+)"', mets)}
pick = data[:nsigned] + data[nsigned::max(1, len(data) // 10)] + data[-1:]
bad = [n for n in pick if hashlib.sha256(z.read(n)).hexdigest() != sums.get(n)]
stored = sum(1 for n in data if z.getinfo(n).compress_size >= z.getinfo(n).file_size)
ok = len(data) == count and not bad and names[-1] == "META-INF/signatures.xml" and z.testzip() is None
print(f"{'OK' if ok else 'FAILED'}: {len(data)} data files (want {count}), {len(sums)} files in METS.xml, "
      f"{len(pick) - len(bad)}/{len(pick)} checked SHA-256 agree with METS.xml, CRCs good, seal last: {names[-1]}, "
      f"{stored} documents not compressed")
PY
)
  local v; v=$(jq -r '"closed: status \(.status), \(.docTotal // "?") documents"' "$dir/closed.json")
  python3 - "$a" "$b" "$base1" "$base2" "$rss" "$oom" "${heap_peak:-?}" "$(stat -c %s "$dir/package.zip")" \
    "$(stat -c %s "$dir/baseline.zip")" "$heap" "$load" "$cpu" <<'PY'
import sys
a, b = int(sys.argv[1]), int(sys.argv[2]); runs = [sys.argv[3].split(), sys.argv[4].split()]
rss, oom, heap, pkg, base, xmx, load = int(sys.argv[5]), int(sys.argv[6]), sys.argv[7], int(sys.argv[8]), int(sys.argv[9]), sys.argv[10], sys.argv[11]
ca, cb, tck = map(int, sys.argv[12].split()); ca, cb = ca / tck, cb / tck
print(f"close (validate + package files + XAdES-LTA seal): {a} ms")
print(f"package download (GET, {pkg} bytes):             {b} ms")
print(f"close + package:                                    {a + b} ms   (load average {load})")
for when, (s, z, l, c) in zip(("before", "after"), runs):
    print(f"baseline {when:6}: sha256sum {s} ms + zip -0 ({base} bytes) {z} ms = {int(s) + int(z)} ms   "
          f"(load average {l}; CPU {c} s)")
s = sum(int(r[0]) for r in runs) / 2; z = sum(int(r[1]) for r in runs) / 2; c = sum(float(r[3]) for r in runs) / 2
print(f"baseline mean:    sha256sum {s:.0f} ms + zip -0 {z:.0f} ms = {s + z:.0f} ms")
print(f"ratio (close + package) / (sha256sum + zip -0): {(a + b) / (s + z):.2f}x   close alone: {a / (s + z):.2f}x   (goal ≤ 2x)")
print(f"CPU seconds: service close {ca:.1f} + package {cb:.1f} = {ca + cb:.1f} (all its threads: GC, JIT too); "
      f"baseline {c:.1f}; ratio {(ca + cb) / c:.2f}x, close alone {ca / c:.2f}x")
print(f"service at {xmx}: peak RSS (VmHWM) {rss} MB, largest heap after a GC {heap} MB, OutOfMemoryError in the log: {oom}")
PY
  echo "$v"
  grep -o 'Closed dossier .*' "$dir/service.log" | sed 's/^/service: /' || true
  echo "package: $check"
  [ "$oom" = 0 ] && [[ $check == OK* ]]
}

dispatch2() {
  # Globals, not locals: the EXIT trap runs after this function has returned.
  d2_pids=(); d2_pg=""
  local db i ports=(18281 18282) settings
  if [ -n "$(find src/main pom.xml -newer target/vanthu.jar -print -quit)" ]; then mvn -B -q -DskipTests package; fi
  if [ ! -f target/test-classes/vn/vanthu/bench/BenchPostgres.class ] \
     || [ src/test/java/vn/vanthu/bench/BenchPostgres.java -nt target/test-classes/vn/vanthu/bench/BenchPostgres.class ]; then
    mvn -B -q -DskipTests test-compile
  fi
  [ -f target/bench.classpath ] && [ target/bench.classpath -nt pom.xml ] \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
  d2_dir=$(mktemp -d "${TMPDIR:-/tmp}/vanthu-dispatch2-bench.XXXXXX")
  local dir=$d2_dir
  stop_all() {
    local p
    for p in "${d2_pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${d2_pids[@]}"; do wait "$p" 2>/dev/null || true; done
    if [ -n "$d2_pg" ]; then kill -TERM "$d2_pg" 2>/dev/null || true; wait "$d2_pg" 2>/dev/null || true; fi
    [ -n "${KEEP:-}" ] || rm -rf "$d2_dir"
  }
  trap stop_all EXIT
  echo "== Dispatch issue vs plain seal signing, 8 clients, on PostgreSQL: one instance, then two (work folder $dir)"
  java -cp "target/test-classes:$(cat target/bench.classpath)" vn.vanthu.bench.BenchPostgres "$dir/pg" >"$dir/pg.log" 2>&1 &
  d2_pg=$!
  until db=$(grep -m1 '^VANTHU_DB_URL=' "$dir/pg.log" 2>/dev/null); do
    kill -0 $d2_pg 2>/dev/null || { echo "PostgreSQL did not start"; tail -20 "$dir/pg.log"; exit 1; }
    sleep 0.2
  done
  # One after the other: the second finds the demo users and the tokens file of the first and reuses both.
  read -ra settings <<<"$db"
  for i in 0 1; do
    # shellcheck disable=SC2086 # DISPATCH_JAVA_OPTS is a list of options
    env "${settings[@]}" VANTHU_PROFILE=dev VANTHU_DATA_DIR="$dir/data" VANTHU_HOST=127.0.0.1 VANTHU_PORT=${ports[$i]} \
      java ${DISPATCH_JAVA_OPTS:--Xmx1g} -jar target/vanthu.jar >"$dir/service$i.log" 2>&1 &
    d2_pids+=($!)
    until curl -sf "http://127.0.0.1:${ports[$i]}/health" >/dev/null 2>&1; do
      kill -0 "${d2_pids[$i]}" 2>/dev/null || { echo "instance $i died"; tail -50 "$dir/service$i.log"; exit 1; }
      sleep 0.2
    done
  done
  echo "-- one instance (http://127.0.0.1:${ports[0]})"
  # The CPU time per request counts the instances and the PostgreSQL server's processes (its backends do the issue's SQL).
  local postmaster; postmaster=$(head -1 "$dir/pg/postmaster.pid")
  BENCH_PIDS="${d2_pids[0]} $postmaster" VANTHU_URL="http://127.0.0.1:${ports[0]}" VANTHU_DATA_DIR="$dir/data" scripts/bench-dispatch.sh
  echo "-- two instances (http://127.0.0.1:${ports[0]}, :${ports[1]})"
  BENCH_PIDS="${d2_pids[*]} $postmaster" VANTHU_URL="http://127.0.0.1:${ports[0]} http://127.0.0.1:${ports[1]}" VANTHU_DATA_DIR="$dir/data" scripts/bench-dispatch.sh
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# A bench class run on the compiled classes and the project's dependencies: bench CLASS TITLE ARGS…
bench() {
  local cls=$1 title=$2; shift 2
  mvn -B -q -DskipTests test-compile
  [ -f target/bench.classpath ] && [ target/bench.classpath -nt pom.xml ] \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
  echo "== $title"
  java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    "vn.vanthu.bench.$cls" "$@"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

figures() {
  bench FiguresBench "Figures of electronic processing: one year of a large department, on H2 and on PostgreSQL" \
    "${FIGURES_OUT:-20000}" "${FIGURES_IN:-60000}" "${FIGURES_DOSSIERS:-3000}" "${FIGURES_RUNS:-21}"
}

digitization() {
  bench DigitizationBench "Digitization: the service vs ocrmypdf alone on the same ${DIGITIZATION_PAGES:-10}-page 300 dpi scan" \
    "${DIGITIZATION_PAGES:-10}" "${DIGITIZATION_ROUNDS:-2}"
}

exchange() {
  bench ExchangeBench "Exchange: receive + register vs validate (1 MB signed PDF), deliveries/s by exchange.in.flight, outbox memory" \
    "${EXCHANGE_RECEIVED:-10}" "${EXCHANGE_DELIVERED:-16}" "${EXCHANGE_QUEUED:-10000}" "${EXCHANGE_PARTS:-abc}"
}

pages() {
  bench PagesBench "Pages under load: registers and dossier list, ${PAGES_USERS:-8} concurrent users, on H2 and on PostgreSQL" \
    "${PAGES_OUT:-100000}" "${PAGES_IN:-100000}" "${PAGES_DOSSIERS:-3000}" "${PAGES_USERS:-8}" "${PAGES_REQUESTS:-25}" ${PAGES_DB:-}
}

versus() {  # this build against the jar of another commit, in one run
  local base=${VERSUS_COMMIT:-9310ce3} jar=${VERSUS_JAR:-}
  if [ -z "$jar" ]; then
    jar="target/versus-$base/target/vanthu.jar"
    if [ ! -f "$jar" ]; then
      rm -rf "target/versus-$base"; git worktree prune
      git worktree add --detach "target/versus-$base" "$base" >/dev/null
      (cd "target/versus-$base" && mvn -B -q -DskipTests package)
    fi
  fi
  mvn -B -q -DskipTests package test-compile
  echo "== Versus: the same requests to $jar (commit $base) and to this build, alternating"
  java -Xmx1g -cp "target/vanthu.jar:target/test-classes" vn.vanthu.bench.VersusBench "$jar" "${VERSUS_ROUNDS:-60}"
}

case "$what" in
  startup) startup ;;
  signing) java_bench SigningBench ;;
  validation) BENCH_JAVA_OPTS=-Xmx1g java_bench ValidationBench "${2:-120}" ;;
  dossier) dossier ;;
  dispatch2) dispatch2 ;;
  figures) figures ;;
  digitization) digitization ;;
  exchange) exchange ;;
  pages) pages ;;
  versus) versus ;;
  all) startup; java_bench SigningBench; BENCH_JAVA_OPTS=-Xmx1g java_bench ValidationBench "${2:-120}"; dossier ;;
  *) echo "usage: $0 [startup|signing|validation|dossier|dispatch2|figures|digitization|exchange|pages|versus|all]"; exit 2 ;;
esac
