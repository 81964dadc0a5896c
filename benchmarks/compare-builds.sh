#!/usr/bin/env bash
# Accuracy of two mepsc builds side by side on long simulated recordings, for changes that are
# meant to leave results alone or nearly so (docs/benchmarks-history.md, "What changed since the first measurement"):
#
#   benchmarks/compare-builds.sh OLD.jar NEW.jar [SCRATCH_DIR] [--durations "600 180"] [--seeds "1 2"]
#
# For every duration × event rate (1, 4, 15 Hz) × median amplitude (6, 10, 20 pA at 2 pA noise,
# i.e. SNR 3, 5, 10) × seed it simulates a 20 kHz recording with the accuracy benchmark's noise
# (30 % 1/f, 50 Hz hum of 1.5 pA, 3 pA drift, amplitude CV 0.5, kinetics CV 0.2), detects events
# with each build at default settings and scores them against the truth with NEW's `score`.
# Writes SCRATCH_DIR/compare.csv (one row per recording and build) and prints the mean F1 of each
# build, the mean and range of the paired differences, and how many recordings gave identical F1.
set -euo pipefail

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
if [ $# -lt 2 ]; then
  echo "compare-builds.sh: give the two builds to compare, OLD.jar and NEW.jar (--help for more)" >&2
  exit 2
fi
old=$1
new=$2
shift 2
dir=/tmp/mepsc-compare
durations="600 180"
seeds="1 2"
while [ $# -gt 0 ]; do
  case "$1" in
    --durations) durations=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    -*) echo "compare-builds.sh: unknown option $1" >&2; exit 2 ;;
    *) dir=$1; shift ;;
  esac
done
for jar in "$old" "$new"; do
  [ -f "$jar" ] || { echo "compare-builds.sh: $jar: no such file" >&2; exit 2; }
  java -jar "$jar" --version > /dev/null 2>&1 || { echo "compare-builds.sh: $jar: does not run as mepsc (java -jar $jar --version failed)" >&2; exit 2; }
done
mkdir -p "$dir"
csv="$dir/compare.csv"

# one number from mepsc's pretty-printed JSON: the first "key" : value line
field() { grep -m1 "\"$2\"" "$1" | sed 's/.*: *//; s/,$//'; }

echo "duration_s,rate_hz,amplitude_pA,seed,build,recall,precision,f1,amplitude_error_median_pct,frequency_error_pct,template_rise_ms,template_decay_ms,threshold" > "$csv.part"
for dur in $durations; do for rate in 1 4 15; do for amp in 6 10 20; do for seed in $seeds; do
  sim="$dir/sim-$dur-$rate-$amp-$seed.abf"
  if [ ! -f "$sim" ]; then
    java -jar "$new" simulate --fs-hz 20000 --duration-s "$dur" --rate-hz "$rate" --amplitude-median-pA "$amp" \
      --amplitude-cv 0.5 --kinetics-cv 0.2 --noise-sd-pA 2 --pink-fraction 0.3 --hum-hz 50 --hum-pA 1.5 \
      --drift-pA 3 --seed "$seed" "$sim" > /dev/null
  fi
  for build in old new; do
    jar=$old
    [ "$build" = new ] && jar=$new
    rm -f "$dir/events.csv" "$dir/summary.json"
    java -jar "$jar" detect "$sim" --out "$dir/events.csv" --summary "$dir/summary.json" > /dev/null
    java -jar "$new" score "$dir/events.csv" "${sim%.abf}.truth.csv" --json > "$dir/score.json"
    echo "$dur,$rate,$amp,$seed,$build,$(field "$dir/score.json" recall),$(field "$dir/score.json" precision),$(field "$dir/score.json" f1),$(field "$dir/score.json" amplitude_error_median_pct),$(field "$dir/score.json" frequency_error_pct),$(field "$dir/summary.json" rise_ms),$(field "$dir/summary.json" decay_ms),$(field "$dir/summary.json" threshold)" >> "$csv.part"
  done
done; done; done; done
mv "$csv.part" "$csv"

awk -F, 'NR > 1 {
  key = $1 "," $2 "," $3 "," $4
  f1[key, $5] = $8; keys[key] = 1; sum[$5] += $8; n[$5]++
}
END {
  printf "recordings: %d; mean F1: old %.4f, new %.4f\n", n["old"], sum["old"] / n["old"], sum["new"] / n["new"]
  min = 1; max = -1; total = 0; same = 0; pairs = 0
  for (k in keys) {
    d = f1[k, "new"] - f1[k, "old"]; total += d; pairs++
    if (d < min) min = d; if (d > max) max = d; if (d == 0) same++
  }
  printf "paired F1 difference (new - old): mean %+.4f, from %+.4f to %+.4f; identical in %d of %d\n", total / pairs, min, max, same, pairs
}' "$csv"
echo "rows: $csv"
