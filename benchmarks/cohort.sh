#!/usr/bin/env bash
# Whole-process measurement of `mepsc batch` on a cohort of short recordings (issue 6: users re-run
# whole cohorts), reproducible from a clean checkout:
#
#   benchmarks/cohort.sh [SCRATCH_DIR] [--cells N] [--minutes M] [--repeat R]
#
#   SCRATCH_DIR  where the cohort and the outputs go (default /tmp/mepsc-cohort); recordings are
#                kept and reused by later runs with the same --cells and --minutes.
#   --cells N    cells per group, two groups (default 6: 12 files)
#   --minutes M  length of each recording at 20 kHz (default 10)
#   --repeat R   timed runs (default 3; each analyses every file again, into a fresh folder)
#
# It simulates int16 ABF files with `mepsc simulate` (control 4 events/s, treated 6 events/s),
# reads them into the page cache, and runs `./mepsc batch DIR -o OUT --no-compare` R times. For each
# run it reports the wall time and where the process's CPU time went, per kind of thread, from
# /proc/PID/task/*/stat sampled every 0.1 s: mepsc's workers (files and their chunks), Java's two
# JIT compilers (C2 optimising, C1 quick), and the rest (the main thread, which writes the cohort's
# tables at the end; the collector). Last, one run with every file up to date, which only checks the
# inputs and writes the tables. Results are printed as a markdown table and written to
# SCRATCH_DIR/results.md. Linux only (/proc).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
dir=/tmp/mepsc-cohort
cells=6
minutes=10
repeat=3
while [ $# -gt 0 ]; do
  case "$1" in
    --cells|--minutes|--repeat)
      [ $# -ge 2 ] || { echo "cohort.sh: $1 needs a value" >&2; exit 2; }
      [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "cohort.sh: $1 must be a whole number of at least 1, not '$2'" >&2; exit 2; }
      case "$1" in --cells) cells=$2 ;; --minutes) minutes=$2 ;; *) repeat=$2 ;; esac
      shift 2 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "cohort.sh: unknown option $1" >&2; exit 2 ;;
    *) dir=$1; shift ;;
  esac
done
mepsc="$here/mepsc"
if [ ! -f "$here/cli/target/mepsc.jar" ]; then
  echo "building cli/target/mepsc.jar ..." >&2
  (cd "$here" && mvn -B -q -DskipTests package >&2)
fi

in="$dir/in-${cells}x${minutes}min"
mkdir -p "$in" 2>/dev/null || { echo "cohort.sh: cannot create $in" >&2; exit 2; }
for group in control treated; do
  mkdir -p "$in/$group"
  rate=4; [ "$group" = treated ] && rate=6
  for c in $(seq 1 "$cells"); do
    f="$in/$group/cell$c.abf"
    if [ ! -f "$f" ]; then
      echo "simulating $f ..." >&2
      # a temporary name first, so that an interrupted run is not mistaken for a finished file
      "$mepsc" simulate --duration-s $((minutes * 60)) --rate-hz "$rate" --seed "$c$rate" "$dir/partial.abf" > /dev/null
      mv "$dir/partial.abf" "$f"
      rm -f "$dir/partial.truth.csv"
    fi
  done
done
cat "$in"/*/*.abf > /dev/null # into the page cache, so that runs compare computing, not the disk
files=$((2 * cells))
samples=$((files * minutes * 60 * 20000))

# the sampling loop forks nothing (bash builtins only), so that it takes little CPU from the run
exec 9<> <(:)
declare -A ticks
# run OUT: runs the batch into OUT; sets wall (s) and cpu_workers, cpu_c2, cpu_c1, cpu_rest (s)
run() {
  local out=$1 start end pid t line name rest w=0 c2=0 c1=0 other=0 k
  ticks=()
  start=$(date +%s.%N)
  "$mepsc" batch "$in" -o "$out" --no-compare > "$dir/batch.log" 2>&1 &
  pid=$! # ./mepsc execs java, which keeps this pid
  while kill -0 "$pid" 2>/dev/null; do
    for t in /proc/"$pid"/task/*; do
      { read -r line < "$t/stat" && read -r name < "$t/comm"; } 2>/dev/null || continue
      rest=${line##*) }
      # after "pid (name) ": state, then utime and stime as the 12th and 13th fields (14th and 15th of stat)
      set -- $rest
      ticks["$name@${t##*/}"]=$(( ${12} + ${13} ))
    done
    read -rt 0.1 -u 9 || true
  done
  wait "$pid" || { echo "cohort.sh: batch failed (see $dir/batch.log)" >&2; exit 1; }
  end=$(date +%s.%N)
  for k in "${!ticks[@]}"; do
    case "$k" in
      mepsc-*) w=$((w + ticks[$k])) ;;
      "C2 Compiler"*) c2=$((c2 + ticks[$k])) ;;
      "C1 Compiler"*) c1=$((c1 + ticks[$k])) ;;
      *) other=$((other + ticks[$k])) ;;
    esac
  done
  local hz; hz=$(getconf CLK_TCK)
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  secs() { awk -v t="$1" -v h="$hz" 'BEGIN { printf "%.1f", t / h }'; }
  cpu_workers=$(secs $w); cpu_c2=$(secs $c2); cpu_c1=$(secs $c1); cpu_rest=$(secs $other)
}

results="$dir/results.md"
{
  echo "mepsc batch, $files files of $minutes min at 20 kHz ($samples samples), $(nproc) cores, $(date -u +%FT%TZ)"
  echo
  echo "| run | wall (s) | samples/s | CPU: workers | C2 | C1 | rest (s) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
} > "$results"
for r in $(seq 1 "$repeat"); do
  rm -rf "$dir/out"
  run "$dir/out"
  echo "run $r: $wall s" >&2
  echo "| all files analysed ($r) | $wall | $(awk -v n=$samples -v s="$wall" 'BEGIN { printf "%.1f M", n / s / 1e6 }') | $cpu_workers | $cpu_c2 | $cpu_c1 | $cpu_rest |" >> "$results"
done
run "$dir/out"
echo "| every file up to date | $wall | | $cpu_workers | $cpu_c2 | $cpu_c1 | $cpu_rest |" >> "$results"
cat "$results"
