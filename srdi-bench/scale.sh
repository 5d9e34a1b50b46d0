#!/usr/bin/env bash
# CLI scale harness: times `srdi grade --format csv` on a generated 1,000,000-row region with the
# heap capped (default 512 MB), three runs, median; the same with 5% invalid rows; the time to
# generate 1M rows; and, with --big, a 3,000,000-row streaming check (file deleted afterwards).
#
#   srdi-bench/scale.sh [--runs N] [--rows N] [--heap 512m] [--big] [--profile] [--output FILE] [--no-gen-time]
#
# --profile adds one more (untimed) grade run under Java Flight Recorder and prints where the CPU
# samples fall (top frames, per thread) and the GC pause total. Extra JVM options for the graded
# runs: SRDI_EXTRA_OPTS (default: the options the ./srdi launcher adds, i.e. the serial collector
# and C2-only compilation; e.g. SRDI_EXTRA_OPTS=-XX:+UseG1GC to compare).
#
# Figures go to standard output (and srdi-bench/target/scale/results.txt); every run's CLI log there too.
# Input files are kept in srdi-bench/target/scale/ and generated only when absent. Figures are recorded in
# docs/PERFORMANCE.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# the launcher's choice for a large input (the files graded here are 1M rows by default)
SRDI_EXTRA_OPTS="${SRDI_EXTRA_OPTS-$(SRDI_JAVA_OPTS= SRDI_FORCE_C2=1 SRDI_PRINT_JAVA_OPTS=1 ./srdi)}"

runs=3
rows=1000000
heap=512m
big=0
profile=0
gen_time=1
out=/dev/null
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --big) big=1; shift ;;
    --profile) profile=1; shift ;;
    --output) out="$2"; shift 2 ;;
    --no-gen-time) gen_time=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

dir="$root/srdi-bench/target/scale"
mkdir -p "$dir"
results="$dir/results.txt"
: > "$results"
say() { echo "$*" | tee -a "$results"; }

if [ -x /usr/bin/time ]; then timer=gnu; else timer=date; fi

# Runs a command; sets WALL (s), RSS (MB, or "n/a"), CPU (user+sys s, or "n/a"), LOAD (1-min load
# average at the end) and RC. Standard error goes to $log.
measure() {
  local log="$1"; shift
  local tf; tf="$(mktemp)"
  set +e
  if [ "$timer" = gnu ]; then
    /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" 2>"$log"
    RC=$?
    read -r WALL rss_kb user sys < <(tail -1 "$tf")
    RSS=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
    CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  else
    local t0 t1
    t0=$(date +%s.%N)
    "$@" 2>"$log"
    RC=$?
    t1=$(date +%s.%N)
    WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    RSS=n/a
    CPU=n/a
  fi
  set -e
  LOAD=$(cut -d' ' -f1 /proc/loadavg)
  rm -f "$tf"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

say "== SRDI CLI scale harness ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
say "machine : $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/ { print $2 " MB RAM" }')"
say "java    : $(java -version 2>&1 | head -1)"
say "load    : $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; other processes compete for the cores when this is above 0)"
say "heap    : -Xmx$heap ${SRDI_EXTRA_OPTS:-} (as SRDI_JAVA_OPTS=-Xmx$heap ./srdi grade ...); output $out; $runs run(s) each, median reported"

# Build (if needed) outside the timed region: the launcher rebuilds when sources are newer than the
# jar. Then every timed command runs a snapshot of that jar exactly as the launcher would
# (`java $SRDI_JAVA_OPTS -jar srdi.jar ...`), so that a rebuild triggered by someone editing the
# sources can neither land inside a timed run nor mix two builds in one set of figures.
./srdi --version >/dev/null
snapshot="$dir/srdi-snapshot.jar"
cp "$root/srdi-cli/target/srdi.jar" "$snapshot"
say "build   : $(sha256sum "$snapshot" | cut -c1-12) (sha256 of srdi.jar), git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -n "$(git status --porcelain -- srdi-engine srdi-cli 2>/dev/null)" ] && echo ' + uncommitted changes in srdi-engine/srdi-cli')"

gen() { # gen FILE COUNT INVALID_SHARE
  local file="$1" count="$2" invalid="$3"
  if [ ! -s "$file" ]; then
    measure "$file.gen.log" java -jar "$snapshot" generate --count "$count" --seed 1 --assessment-date 2026-03-01 \
      --invalid-share "$invalid" --output "$file"
    [ "$RC" = 0 ] || { cat "$file.gen.log" >&2; echo "generate failed ($RC)" >&2; exit 1; }
    say "generated $file: $count rows, invalid share $invalid, $(du -h "$file" | cut -f1), ${WALL} s, max RSS ${RSS} MB"
  fi
}

grade_runs() { # grade_runs LABEL FILE COUNT EXPECTED_RC
  local label="$1" file="$2" count="$3" expect="$4"
  local walls=() rsss=() cpus=()
  for i in $(seq 1 "$runs"); do
    measure "$dir/$label.run$i.log" \
      java -Xmx"$heap" ${SRDI_EXTRA_OPTS:-} -jar "$snapshot" grade --input "$file" --format csv --output "$out" --errors "$dir/$label.rejected.csv"
    if [ "$RC" != "$expect" ]; then
      tail -5 "$dir/$label.run$i.log" >&2
      echo "$label run $i: exit code $RC, expected $expect" >&2
      exit 1
    fi
    say "$label run $i: wall ${WALL} s, max RSS ${RSS} MB, CPU ${CPU} s, $(rate "$count" "$WALL") rows/s, exit $RC, load ${LOAD}"
    walls+=("$WALL"); rsss+=("$RSS"); cpus+=("$CPU")
  done
  local mw mr mc
  mw=$(printf '%s\n' "${walls[@]}" | median)
  mr=$(printf '%s\n' "${rsss[@]}" | median)
  mc=$(printf '%s\n' "${cpus[@]}" | median)
  say "$label MEDIAN: wall ${mw} s, max RSS ${mr} MB, CPU ${mc} s, $(rate "$count" "$mw") rows/s (target: ≤ 5 s for 1,000,000 rows)"
  grep -a -E 'rejected|拒绝' "$dir/$label.run$runs.log" | tail -1 | sed 's/^/    cli: /' | tee -a "$results" || true
}

tag=$((rows / 1000000))m
[ "$rows" -ge 1000000 ] || tag=${rows}
valid="$dir/region-$tag.csv"
invalid="$dir/region-$tag-invalid5.csv"
gen "$valid" "$rows" 0
gen "$invalid" "$rows" 0.05

if [ "$gen_time" = 1 ]; then
  scratch="$dir/gen-scratch.csv"
  measure "$dir/generate.log" java -jar "$snapshot" generate --count "$rows" --seed 1 --assessment-date 2026-03-01 --output "$scratch"
  say "generate $rows rows (CSV): wall ${WALL} s, max RSS ${RSS} MB, CPU ${CPU} s, $(rate "$rows" "$WALL") rows/s, load ${LOAD}"
  rm -f "$scratch"
fi

grade_runs "grade-$tag" "$valid" "$rows" 0
grade_runs "grade-$tag-invalid5" "$invalid" "$rows" 3

if [ "$profile" = 1 ]; then
  jfrfile="$dir/grade-$tag.jfr"
  settings="$dir/sampling.jfc"
  # the "profile" settings with Java method sampling every 10 ms
  sed 's|<setting name="period" control="method-sampling-java-interval">[^<]*<|<setting name="period" control="method-sampling-java-interval">10 ms<|' \
    "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$settings"
  measure "$dir/profile.log" java -Xmx"$heap" ${SRDI_EXTRA_OPTS:-} -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
    -XX:StartFlightRecording=settings="$settings",filename="$jfrfile" \
    -jar "$snapshot" grade --input "$valid" --format csv --output "$out" --errors "$dir/profile.rejected.csv"
  say "profiled run (JFR, not a timing): wall ${WALL} s, CPU ${CPU} s -> $jfrfile"
  jfr print --events jdk.ExecutionSample --stack-depth 1 "$jfrfile" \
    | awk '/sampledThread/ { t = $3 } /stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); print t " " $0 }' \
    > "$dir/profile.samples"
  total=$(wc -l < "$dir/profile.samples")
  say "CPU samples per thread (of $total):"
  awk '{ print $1 }' "$dir/profile.samples" | sort | uniq -c | sort -rn | sed 's/^/    /' | tee -a "$results"
  say "top frames (self time, all threads):"
  cut -d' ' -f2- "$dir/profile.samples" | sort | uniq -c | sort -rn | head -30 \
    | awk -v n="$total" '{ printf "    %5.1f%%  %s\n", 100 * $1 / n, substr($0, index($0, $2)) }' | tee -a "$results"
  jfr print --events jdk.GarbageCollection "$jfrfile" | awk '
    /name = / { n++ } /sumOfPauses = / { v = $3; if ($4 == "s") v *= 1000; p += v }
    END { printf "GC: %d collections, %.1f s of pauses\n", n, p / 1000 }' | tee -a "$results"
fi

if [ "$big" = 1 ]; then
  bigrows=$((rows * 3))
  bigfile="$dir/region-big-$bigrows.csv"
  need_mb=$(( $(du -m "$valid" | cut -f1) * 3 + 100 ))
  avail_mb=$(df -m --output=avail "$dir" | tail -1 | tr -d ' ')
  say "streaming check: ${bigrows} rows needs ~${need_mb} MB, ${avail_mb} MB free"
  if [ "$avail_mb" -lt "$need_mb" ]; then
    echo "not enough disk for the streaming check" >&2; exit 1
  fi
  trap 'rm -f "$bigfile"' EXIT
  measure "$dir/big.gen.log" java -jar "$snapshot" generate --count "$bigrows" --seed 3 --assessment-date 2026-03-01 --output "$bigfile"
  [ "$RC" = 0 ] || { cat "$dir/big.gen.log" >&2; exit 1; }
  say "generated $bigrows rows: $(du -h "$bigfile" | cut -f1), ${WALL} s"
  measure "$dir/big.grade.log" \
    java -Xmx"$heap" ${SRDI_EXTRA_OPTS:-} -jar "$snapshot" grade --input "$bigfile" --format csv --output "$out" --errors "$dir/big.rejected.csv"
  [ "$RC" = 0 ] || { tail -5 "$dir/big.grade.log" >&2; echo "streaming check failed: exit $RC" >&2; exit 1; }
  say "streaming $bigrows rows with -Xmx$heap: wall ${WALL} s, max RSS ${RSS} MB, CPU ${CPU} s, $(rate "$bigrows" "$WALL") rows/s, exit $RC, load ${LOAD}"
  rm -f "$bigfile"
  say "deleted $bigfile"
fi
