#!/usr/bin/env bash
# How well ddmatch matches each deterministic flow of its catalog: for every system `ddmatch systems` lists without
# noise, train the default network (N = 1000, seed 1) and analyse it (held-out drift error, largest Lyapunov exponent of
# the full network against the target's, valid prediction time), then tabulate with bench/catalog_sweep.py.
#
#   bench/catalog_sweep.sh                         # all of them, results in bench/results/<UTC date>-catalog-sweep/
#   SYSTEMS="lorenz qi" bench/catalog_sweep.sh     # a selection
#   NEURONS=500 TIME=300 bench/catalog_sweep.sh    # other settings (defaults 1000 and 1000)
#
# Models go to runs/catalog/<name>/ (git-ignored); analysis.json of each is copied next to the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
NEURONS="${NEURONS:-1000}"
TIME="${TIME:-1000}"
OUT="${OUT:-bench/results/$(date -u +%Y-%m-%d)-catalog-sweep}"
mkdir -p "$OUT/analysis" runs/catalog
if [[ -z "${SYSTEMS:-}" ]]; then
  SYSTEMS=$(./ddmatch systems 2>/dev/null | awk 'NR > 1 && $3 == "none" {print $1}')
fi
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "neurons: $NEURONS, analyze --time $TIME --exponents 1 --metrics drift,lyapunov,forecast, seed 1"
} > "$OUT/settings.txt"
for s in $SYSTEMS; do
  start=$SECONDS
  if ./ddmatch train "$s" --neurons "$NEURONS" -o "runs/catalog/$s" > "$OUT/analysis/$s-train.txt" 2>&1 \
     && ./ddmatch analyze "runs/catalog/$s" --time "$TIME" --exponents 1 --metrics drift,lyapunov,forecast \
          -o "$OUT/analysis/$s.json" > /dev/null 2>> "$OUT/analysis/$s-train.txt"; then
    printf '%-22s ok   %4d s\n' "$s" "$((SECONDS - start))"
  else
    printf '%-22s FAILED (see %s)\n' "$s" "$OUT/analysis/$s-train.txt"
  fi
done | tee "$OUT/log.txt"
python3 bench/catalog_sweep.py "$OUT" > "$OUT/summary.md"
echo "summary: $OUT/summary.md"
