#!/usr/bin/env bash
# Whole-process measurements of `mepsc detect` (issue 6), reproducible from a clean checkout:
#
#   benchmarks/measure.sh [SCRATCH_DIR] [--scale F] [--repeat N]
#
#   SCRATCH_DIR  where the test recordings and outputs go (default /tmp/mepsc-measure); the
#                recordings are kept and reused by later runs with the same scale.
#   --scale F    multiply the recording lengths by F (default 1: 1 h at 20 kHz, 2 h at 50 kHz);
#                e.g. --scale 0.01 for a quick check that the script works.
#   --repeat N   timed runs of the 1-hour detection (default 3; the median is reported).
#
# It builds cli/target/mepsc.jar if missing, simulates the recordings with `mepsc simulate`
# (int16 ABF, written streaming), then measures:
#   1. memory: `MEPSC_JAVA_OPTS=-Xmx256m ./mepsc detect` on the 2-hour 50 kHz file (360 M samples),
#      with 1 thread and with all cores; peak RSS from /usr/bin/time -v, and the peak of the
#      process's anonymous memory (RssAnon) sampled from /proc, because RSS also counts the pages of
#      the memory-mapped input file that the kernel keeps resident (reclaimable page cache);
#   2. parallel speed-up: wall time of those two runs, and `cmp` of their events.csv (must be
#      byte-identical); the 1-thread run is pinned to one CPU with taskset (when present), as the
#      JVM's compiler and collector threads would otherwise lend it a second core;
#   3. whole process: `./mepsc detect` on the 1-hour 20 kHz file, wall time including JVM start
#      (median of --repeat runs, input in the page cache).
# Results are printed as a markdown table and written to SCRATCH_DIR/results.md.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
dir=/tmp/mepsc-measure
scale=1
repeat=3
while [ $# -gt 0 ]; do
  case "$1" in
    --scale|--repeat)
      [ $# -ge 2 ] || { echo "measure.sh: $1 needs a value" >&2; exit 2; }
      if [ "$1" = --scale ]; then scale=$2; else repeat=$2; fi
      shift 2 ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "measure.sh: unknown option $1" >&2; exit 2 ;;
    *) dir=$1; shift ;;
  esac
done
if ! [[ "$scale" =~ ^[0-9]*\.?[0-9]+$ ]] || ! awk -v s="$scale" 'BEGIN { exit !(s > 0) }'; then
  echo "measure.sh: --scale must be a positive number, not '$scale'" >&2; exit 2
fi
if ! [[ "$repeat" =~ ^[1-9][0-9]*$ ]]; then
  echo "measure.sh: --repeat must be a whole number of at least 1, not '$repeat'" >&2; exit 2
fi
mkdir -p "$dir"
jar="$here/cli/target/mepsc.jar"
mepsc="$here/mepsc"
cores=$(nproc)

if [ ! -f "$jar" ]; then
  echo "building $jar ..." >&2
  (cd "$here" && mvn -B -q -DskipTests package >&2)
fi

if [ -x /usr/bin/time ]; then
  timer=(/usr/bin/time -v -o)
else
  timer=()
  echo "measure.sh: /usr/bin/time not found; peak RSS is read from VmHWM in /proc/PID/status instead" >&2
fi

seconds() { awk -v s="$1" -v f="$scale" 'BEGIN { printf "%d", s * f < 1 ? 1 : s * f }'; }
hour_s=$(seconds 3600)
long_s=$(seconds 7200)
hour="$dir/hour-20k-${hour_s}s.abf"
long="$dir/long-50k-${long_s}s.abf"

simulate() { # FILE RATE_HZ DURATION_S
  if [ ! -f "$1" ]; then
    echo "simulating $1 ($3 s at $2 Hz) ..." >&2
    # Written to a temporary name first so that an interrupted run is not mistaken for a finished file.
    local tmp="${1%.abf}.partial.abf"
    "$mepsc" simulate --fs-hz "$2" --duration-s "$3" --rate-hz 5 --hum-hz 50 --hum-pA 1 --seed 1 "$tmp" >&2
    mv "$tmp" "$1"
    mv "${tmp%.abf}.truth.csv" "${1%.abf}.truth.csv"
  fi
}
simulate "$hour" 20000 "$hour_s"
simulate "$long" 50000 "$long_s"

# The sampling loop below starts no process (bash builtins only: the JVM's pid is read from
# /proc, the pause is a read with a timeout): forking pgrep, awk and sleep 20 times a second took
# 0.2-0.4 s of CPU from a 2-thread run on 2 cores, 5-10 % of its wall time.
exec 9<> <(:)

# run LABEL CMD...: runs CMD, sets wall (s), cpu (CPU seconds per wall second, when /usr/bin/time
# is there), rss_kb (peak RSS) and anon_kb (peak RssAnon).
run() {
  local label=$1; shift
  local tfile="$dir/$label.time"
  local start end pid java="" hwm=0 anon=0 k v rest
  start=$(date +%s.%N)
  if [ ${#timer[@]} -gt 0 ]; then "${timer[@]}" "$tfile" "$@" & else "$@" & fi
  pid=$!
  # With /usr/bin/time the JVM is its child; ./mepsc execs java, so it keeps its pid.
  [ ${#timer[@]} -gt 0 ] || java=$pid
  while kill -0 "$pid" 2>/dev/null; do
    if [ -z "$java" ]; then
      # the kernel lists a process's children here (when built with CONFIG_PROC_CHILDREN);
      # otherwise pgrep, which forks only until the JVM is found
      if [ -r "/proc/$pid/task/$pid/children" ]; then
        read -r java rest < "/proc/$pid/task/$pid/children" || true
      elif command -v pgrep > /dev/null; then
        java=$(pgrep -P "$pid" | head -n 1 || true)
      fi
    fi
    if [ -n "$java" ] && [ -r "/proc/$java/status" ]; then
      while read -r k v rest; do
        case "$k" in
          VmHWM:) [ "$v" -gt "$hwm" ] && hwm=$v ;;
          RssAnon:) [ "$v" -gt "$anon" ] && anon=$v ;;
        esac
      done < "/proc/$java/status" 2>/dev/null || true
    fi
    read -rt 0.05 -u 9 || true
  done
  wait "$pid" || { echo "measure.sh: $label failed: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  if [ ${#timer[@]} -gt 0 ]; then
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tfile")
    cpu=$(awk -F': ' -v w="$wall" '/User time|System time/ { s += $2 } END { printf "%.2f", s / w }' "$tfile")
  else
    rss_kb=$hwm
    cpu=""
  fi
  anon_kb=$anon
  echo "$label: ${wall} s, peak RSS ${rss_kb} kB, peak RssAnon ${anon_kb} kB" >&2
}

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
msps() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s / 1e6 }'; }

cat "$hour" "$long" > /dev/null # into the page cache, so that runs compare computing, not the disk
long_samples=$((long_s * 50000))
hour_samples=$((hour_s * 20000))

pin=()
if command -v taskset > /dev/null; then pin=(taskset -c "$(taskset -pc $$ | sed 's/.*: //; s/[,-].*//')"); fi
user_opts=${MEPSC_JAVA_OPTS:-}
export MEPSC_JAVA_OPTS="-Xmx256m${user_opts:+ $user_opts}"
run long-1thread "${pin[@]}" "$mepsc" detect "$long" --threads 1 -o "$dir/long.events.1.csv"
w1=$wall; r1=$rss_kb; a1=$anon_kb; c1=$cpu
run long-${cores}threads "$mepsc" detect "$long" --threads "$cores" -o "$dir/long.events.$cores.csv"
export MEPSC_JAVA_OPTS="$user_opts"
wn=$wall; rn=$rss_kb; an=$anon_kb; cn=$cpu
if cmp -s "$dir/long.events.1.csv" "$dir/long.events.$cores.csv"; then same=yes; else same=NO; fi
speedup=$(awk -v a="$w1" -v b="$wn" 'BEGIN { printf "%.2f", a / b }')
events=$(($(wc -l < "$dir/long.events.1.csv") - 1))

walls=()
for i in $(seq "$repeat"); do
  run hour-run$i "$mepsc" detect "$hour" -o "$dir/hour.events.csv"
  walls+=("$wall $cpu")
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ v[NR] = $0 } END { print v[int((NR + 1) / 2)] }')
hw=${median% *}
hc=${median#* }

{
  echo "mepsc detect, $(date -u +%Y-%m-%dT%H:%MZ), $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(java -version 2>&1 | head -n 1)"
  echo
  echo "| run | recording | wall (s) | CPUs busy | samples/s | peak RSS (MiB) | peak anonymous (MiB) |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  echo "| -Xmx256m, --threads 1${pin:+ (${pin[*]})} | ${long_s} s at 50 kHz ($long_samples samples, $events events) | $w1 | $c1 | $(msps $long_samples $w1) M | $(mib $r1) | $(mib $a1) |"
  echo "| -Xmx256m, --threads $cores | same | $wn | $cn | $(msps $long_samples $wn) M | $(mib $rn) | $(mib $an) |"
  echo "| ./mepsc detect (whole process, median of $repeat) | ${hour_s} s at 20 kHz ($hour_samples samples) | $hw | $hc | $(msps $hour_samples $hw) M | | |"
  echo
  echo "Speed-up with $cores threads: ${speedup}x; events.csv of 1 and $cores threads byte-identical: $same."
  echo "Peak RSS counts the resident pages of the memory-mapped input (page cache the kernel can reclaim);"
  echo "peak anonymous is the process's own memory (heap, JIT, thread stacks), sampled every 50 ms."
} | tee "$dir/results.md"
[ "$same" = yes ]
