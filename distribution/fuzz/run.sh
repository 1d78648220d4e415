#!/usr/bin/env bash
# The full fuzz run of issue 6: random and mutated requests against a copy of the assembled distribution.
#   distribution/fuzz/run.sh                 10 000 requests, a new seed (printed)
#   distribution/fuzz/run.sh 20000           more requests
#   distribution/fuzz/run.sh 10000 12345     replay the run of seed 12345
#   distribution/fuzz/run.sh 10000 12345 17,4711   replay only cases 17 and 4711 of that run
# Results: distribution/fuzz/target/fuzz/ (fuzz-summary.json, fuzz-report.md, fuzz-cases.tsv, cases/, evkin/server.log).
# Runs only this module and its harness (never the whole reactor); the distribution must be assembled (distribution/assembly/target/evkin).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
requests="${1:-10000}"
seed="${2:-}"
cases="${3:-}"
if [ ! -x distribution/assembly/target/evkin/bin/evkin ]; then
  echo "[fuzz] no assembled distribution; build it first: mvn -B -q package -DskipTests -pl distribution/assembly -am" >&2
  exit 2
fi
# offline when what it depends on is in ~/.m2; on a fresh clone (nothing installed yet) install it once, tests skipped
if ! mvn -B -q -o test-compile -pl distribution/testing,distribution/fuzz >/dev/null 2>&1; then
  echo "[fuzz] installing the modules the fuzz run depends on (once, tests skipped)"
  mvn -B -q install -DskipTests -pl distribution/fuzz -am
fi
exec mvn -B -o -q verify -pl distribution/testing,distribution/fuzz -Dfuzz.requests="$requests" ${seed:+-Dfuzz.seed=$seed} ${cases:+-Dfuzz.case=$cases}
