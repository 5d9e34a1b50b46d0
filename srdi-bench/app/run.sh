#!/usr/bin/env bash
# Platform performance harness (docs/PERFORMANCE.md, "Platform").
#
#   srdi-bench/app/run.sh [--db h2|pg] [--firms 100000] [--fresh] [--port 18090] [--heap 2g]
#                         [--requests 300] [--concurrency 4] [--user official]
#                         [--regrade] [--import FILE.xlsx] [--keep-running] [--jvm "JVM OPTIONS"]
#                         [--h2-url-options ";CACHE_SIZE=262144"]
#                         [--skip-pages] [--intake] [--intake-users 800] [--intake-rate 500] [--intake-seconds 10] [--intake-warmup 5] [--intake-client raw|jdk] [--intake-rounds 1]
#
# Starts the platform jar on a database of its own (H2 file under srdi-bench/target/app/h2-<firms>/,
# or PostgreSQL database srdi_bench_<firms> on 127.0.0.1:5432 as user postgres) with a demo region of
# --firms firms (loaded on first start, timed from the log), waits until the demo is loaded and the
# first region grade is done, then measures with LoadDriver.java: p50/p95/p99 of GET /dashboard,
# GET /firms/{code} and GET /firms/{code}/grade (the grade fragment) over random firms with an
# authenticated session; --regrade times POST /api/v1/grades/runs until the run is done; --import
# times an XLSX upload (POST /api/v1/imports) until its preview is ready and its commit.
# --intake (issue 5) adds --intake-users firm users (bench-firm-0001…, ENTERPRISE, one per demo firm,
# the demo password) to the database, then runs LoadDriver.java intake: POST
# /api/v1/servicedesk/requests at --intake-rate per second for --intake-seconds after --intake-warmup (5) s,
# round-robin over those firms' sessions, so the per-firm limit (10 a minute) holds. On loopback
# every simulated firm comes from 127.0.0.1, so the per-address limit is raised for this run
# (srdi.servicedesk.rate.per-address); H2 runs open the file with AUTO_SERVER=TRUE so that the users
# can be added while the platform runs. --intake-client raw (default) sends through LoadDriver's lean
# keep-alive client, jdk through java.net.http (about 0.9 ms of CPU per request on this machine).
# --intake-rounds N repeats the intake N times over the same sessions, 60 s apart (the per-firm limits
# refill): the earlier rounds warm the JIT up on the intake path, the last round is the figure.
# --skip-pages leaves out the page measurements.
# A sustained run within the product's own per-firm limit: --intake-users 3000 --intake-rate 500
# --intake-seconds 60 --intake-warmup 10 (3,000 firms in turn send one request each every 6 s, the
# per-firm bucket's refill rate; the figure of docs/PERFORMANCE.md, seventh session).
# The database is kept between runs (a 100k load takes minutes); --fresh starts from scratch.
# Every figure comes with the platform's CPU seconds (user + system of its process) and the load
# average before it. Results are appended to srdi-bench/target/app/results.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
db=h2 firms=100000 fresh="" port=18090 heap=2g requests=300 concurrency=4 user=official regrade="" import="" keep="" jvm="" h2opts=""
intake="" intake_client=raw intake_users=800 intake_rounds=1 intake_rate=500 intake_seconds=10 intake_warmup=5 pages=1
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift ;;
    --firms) firms="$2"; shift ;;
    --fresh) fresh=1 ;;
    --port) port="$2"; shift ;;
    --heap) heap="$2"; shift ;;
    --requests) requests="$2"; shift ;;
    --concurrency) concurrency="$2"; shift ;;
    --user) user="$2"; shift ;;
    --regrade) regrade=1 ;;
    --import) import="$2"; shift ;;
    --keep-running) keep=1 ;;
    --jvm) jvm="$2"; shift ;;
    --h2-url-options) h2opts="$2"; shift ;;
    --intake) intake=1 ;;
    --intake-users) intake_users="$2"; shift ;;
    --intake-rate) intake_rate="$2"; shift ;;
    --intake-rounds) intake_rounds="$2"; shift ;;
    --intake-seconds) intake_seconds="$2"; shift ;;
    --intake-warmup) intake_warmup="$2"; shift ;;
    --intake-client) intake_client="$2"; shift ;;
    --skip-pages) pages="" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
out="$root/srdi-bench/target/app"
mkdir -p "$out"
jar="$(ls "$root"/srdi-app/target/srdi-app-*.jar 2>/dev/null | head -1 || true)"
engine="$(ls "$root"/srdi-engine/target/srdi-engine-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)"
if [ -z "$jar" ] || [ -z "$engine" ]; then
  (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -pl srdi-engine,srdi-app -am package)
  jar="$(ls "$root"/srdi-app/target/srdi-app-*.jar | head -1)"
  engine="$(ls "$root"/srdi-engine/target/srdi-engine-*.jar | grep -v -e sources -e javadoc | head -1)"
fi
# a copy, so that a rebuild by ./srdi serve cannot land inside a timed run
benchjar="$out/srdi-app-bench-$db-$port.jar"
cp "$jar" "$benchjar"

case "$db" in
  h2)
    dir="$out/h2-$firms"
    [ -z "$fresh" ] || rm -rf "$dir"
    url="jdbc:h2:file:$dir/srdi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH$h2opts"
    [ -z "$intake" ] || url="$url;AUTO_SERVER=TRUE"
    dbuser=sa ;;
  pg)
    name="srdi_bench_$firms"
    if [ -n "$fresh" ]; then psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $name"; fi
    psql -q -h 127.0.0.1 -U postgres -d postgres -tc "select 1 from pg_database where datname = '$name'" | grep -q 1 \
      || psql -q -h 127.0.0.1 -U postgres -d postgres -c "create database $name"
    url="jdbc:postgresql://127.0.0.1:5432/$name"
    dbuser=postgres ;;
  *) echo "--db h2|pg" >&2; exit 2 ;;
esac

log="$out/app-$db-$firms.log"
echo "starting the platform ($db, $firms firms, heap $heap) on port $port; log $log"
t0=$(date +%s.%N)
# shellcheck disable=SC2086
extra=()
[ -z "$intake" ] || extra+=(--srdi.servicedesk.rate.per-address=100000000)
java -Xmx"$heap" $jvm -jar "$benchjar" --server.port="$port" --spring.datasource.url="$url" \
  --spring.datasource.username="$dbuser" --spring.datasource.password= --srdi.demo.firms="$firms" "${extra[@]}" >"$log" 2>&1 &
pid=$!
cpu() { awk '{print ($14 + $15) / 100}' /proc/$pid/stat 2>/dev/null || echo 0; }
trap '[ -n "$keep" ] || kill $pid 2>/dev/null || true' EXIT
until grep -q "Started SrdiApplication" "$log"; do
  kill -0 $pid 2>/dev/null || { echo "the platform stopped; see $log" >&2; exit 1; }
  sleep 2
done
started=$(date +%s.%N)
# the demo region loads after start (an ApplicationRunner, one transaction that also creates the demo
# users): it is there when the administrator can read its DEMO_LOADED audit event
until curl -s -u admin:srdi2026 "http://localhost:$port/api/v1/audit?action=DEMO_LOADED" | grep -q '"total":[1-9]'; do
  kill -0 $pid 2>/dev/null || { echo "the platform stopped; see $log" >&2; exit 1; }
  sleep 2
done
demo_line="$(grep -o 'demo region.*' "$log" | head -1 || true)"
base="http://localhost:$port"
api() { curl -s -u "$user:srdi2026" -H 'Accept: application/json' "$base$1"; }
# wait for region grade runs to finish (grading module: GET /api/v1/grades/runs lists runs with a status)
# (the grading module grades the region when the demo is loaded): ready when a region run is DONE and none runs
for _ in $(seq 1 900); do
  runs="$(api /api/v1/grades/runs)"
  if echo "$runs" | grep -q '"status":"DONE"' && ! echo "$runs" | grep -q '"status":"RUNNING"'; then break; fi
  sleep 2
done
# on a first start the other modules' demo listeners (cultivation, service desk, titles) generate their
# data on the main thread after the region grade; timing anything before the last of them is done
# would measure against that work: wait for the titles demo's log line (the last listener), up to 30 min
if [ -n "$demo_line" ]; then
  for _ in $(seq 1 900); do
    grep -q "title demo:" "$log" && break
    kill -0 $pid 2>/dev/null || { echo "the platform stopped; see $log" >&2; exit 1; }
    sleep 2
  done
fi
ready=$(date +%s.%N)
echo "ready: platform CPU $(cpu) s; start $(echo "$started - $t0" | bc) s, demo load ${demo_line:-(existing database)}, ready after $(echo "$ready - $t0" | bc) s"

{
  echo "== $(date -u +%FT%TZ) db=$db firms=$firms heap=$heap requests=$requests concurrency=$concurrency user=$user load=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "startup: ${demo_line:-existing database}; ready after $(echo "$ready - $t0" | bc) s (platform CPU $(cpu) s)"
} | tee -a "$out/results.txt"
if [ -n "$pages" ]; then
  java -cp "$engine" "$root/srdi-bench/app/LoadDriver.java" pages --pid "$pid" --base "$base" --user "$user" --firms "$firms" \
    --requests "$requests" --concurrency "$concurrency" \
    --path /dashboard --path '/firms/{code}' --path '/firms/{code}/grade' | tee -a "$out/results.txt"
fi

if [ -n "$regrade" ]; then
  java -cp "$engine" "$root/srdi-bench/app/LoadDriver.java" post-poll --pid "$pid" --base "$base" --user "$user" \
    --post /api/v1/grades/runs --body '{}' --poll '/api/v1/grades/runs/{id}' | tee -a "$out/results.txt"
fi
if [ -n "$import" ]; then
  java -cp "$engine" "$root/srdi-bench/app/LoadDriver.java" upload --pid "$pid" --base "$base" --user "$user" \
    --post /api/v1/imports --file "$import" --poll '/api/v1/imports/{id}' \
    --done '"status"\s*:\s*"(PREVIEW|VALIDATED|FAILED|READY)"' --then-post '/api/v1/imports/{id}/commit' \
    | tee -a "$out/results.txt"
fi
if [ -n "$intake" ]; then
  # firm users for the load: one per demo firm, the demo password (the hash of the demo user "firm")
  sql="insert into app_user (username, password_hash, display_name, role, credit_code, enabled)
    select 'bench-firm-' || lpad(cast(rn as varchar), 4, '0'), (select password_hash from app_user where username = 'firm'),
           substring(name, 1, 100), 'ENTERPRISE', credit_code, true
    from (select credit_code, name, row_number() over (order by credit_code) as rn from enterprise) e
    where rn <= $intake_users
      and not exists (select 1 from app_user u where u.username = 'bench-firm-' || lpad(cast(e.rn as varchar), 4, '0'))"
  case "$db" in
    pg) psql -q -h 127.0.0.1 -U postgres -d "$name" -c "$sql" ;;
    h2) mkdir -p "$out/lib" && unzip -o -j -q "$benchjar" 'BOOT-INF/lib/h2-*.jar' -d "$out/lib"
        java -cp "$(ls "$out"/lib/h2-*.jar | head -1)" org.h2.tools.Shell -url "$url" -user sa -password "" -sql "$sql" ;;
  esac
  echo "intake: $intake_users firm users, $intake_rate requests/s for $intake_seconds s (load $(cut -d' ' -f1-3 /proc/loadavg))" \
    | tee -a "$out/results.txt"
  java -cp "$engine" "$root/srdi-bench/app/LoadDriver.java" intake --pid "$pid" --base "$base" --user-prefix bench-firm- \
    --users "$intake_users" --rate "$intake_rate" --seconds "$intake_seconds" --warmup-seconds "$intake_warmup" --client "$intake_client" --rounds "$intake_rounds" | tee -a "$out/results.txt"
fi
echo "max RSS of the platform: $(grep VmHWM /proc/$pid/status 2>/dev/null | awk '{print $2/1024 " MB"}')" | tee -a "$out/results.txt"
