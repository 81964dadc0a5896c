#!/usr/bin/env sh
# Regenerates the bundled demo recording and its ground truth (deterministic: same seed, same bytes).
# 30 s of gap-free voltage clamp at 20 kHz: inward mEPSCs at 3 Hz (median 14 pA) over 2.2 pA of
# white + 1/f noise, 50 Hz hum, slow drift and a few artefacts, Bessel-filtered at 2 kHz.
set -e
cd "$(dirname "$0")/.."
./mepsc simulate testdata/demo.abf --duration-s 30 --fs-hz 20000 --rate-hz 3 \
  --amplitude-median-pA 14 --amplitude-cv 0.5 --rise-ms 0.5 --decay-ms 4 --kinetics-cv 0.2 \
  --noise-sd-pA 2.2 --pink-fraction 0.3 --hum-hz 50 --hum-pA 1.5 --drift-pA 3 \
  --artefact-rate-hz 0.05 --lowpass-hz 2000 --holding-pA -40 --seed 20261126
