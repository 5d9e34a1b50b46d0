#!/usr/bin/env bash
# SLA sweep harness (issue 5, docs/PERFORMANCE.md "Enterprise code service").
#
#   srdi-bench/app/sweep.sh [--db h2|pg|both] [--requests 1000000] [--at quiet,18,24]
#
# Runs SlaSweepScaleIT (srdi-app/src/test/java/cn/srdi/app/servicedesk/): loads --requests open
# requests into sd_request (in-memory H2, or a fresh PostgreSQL database srdi_bench_sweep on
# 127.0.0.1:5432 as user postgres), then times the application's own ServiceDesk.sweep() (the code
# the scheduled SlaSweepJob runs) at a quiet minute, at 18:00 and at midnight of a working day.
# Prints per sweep: rows due and changed, wall, CPU of the sweep's threads, of the whole JVM (GC
# and JIT included) and, on PostgreSQL, of the database's backends (from /proc), and the load.
# Uses Maven offline (-o), building srdi-app with the modules it needs (-am, so a srdi-engine
# installed in ~/.m2 by another branch does not matter). One Maven build at a time.
# Fewer requests for a quicker run: --requests 200000 (loading 1,000,000 takes 2-5 minutes per DB).
# Results are appended to srdi-bench/target/app/sweep-results.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
db=both requests=1000000 at=quiet,18,24
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift ;;
    --requests) requests="$2"; shift ;;
    --at) at="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
out="$root/srdi-bench/target/app"
mkdir -p "$out"
run() {
  local label="$1"; shift
  echo "== $(date -u +%FT%TZ) sweep db=$label requests=$requests at=$at load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/sweep-results.txt"
  (cd "$root" && mvn -o -q -B -pl srdi-app -am verify -Dit.test=SlaSweepScaleIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfailsafe.failIfNoSpecifiedTests=false -Dsrdi.it.pg.skip=true -Dsrdi.scale=true -Dsrdi.sweep.requests="$requests" -Dsrdi.sweep.at="$at" "$@") \
    > "$out/sweep-$label.log" 2>&1 || { echo "the harness failed; see $out/sweep-$label.log" >&2; tail -40 "$out/sweep-$label.log" >&2; exit 1; }
  grep -E "^sweep" "$out/sweep-$label.log" | tee -a "$out/sweep-results.txt"
}
if [ "$db" = h2 ] || [ "$db" = both ]; then
  run h2
fi
if [ "$db" = pg ] || [ "$db" = both ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists srdi_bench_sweep" \
    -c "create database srdi_bench_sweep"
  run pg -Dsrdi.scale.url=jdbc:postgresql://127.0.0.1:5432/srdi_bench_sweep -Dsrdi.scale.user=postgres -Dsrdi.scale.password=
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists srdi_bench_sweep"
fi
