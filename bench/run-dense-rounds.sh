#!/usr/bin/env bash
# Dense J against NumPy+OpenBLAS in alternating rounds: bench/run-rounds.sh with WHAT=dense (see there).
exec env WHAT=dense "$(dirname "$0")/run-rounds.sh" "$@"
