#!/usr/bin/env bash
# The load test of issue 6: N concurrent raters against a copy of the assembled distribution on its embedded MariaDB,
# then the raw JDBC limit of the same writes. Results: distribution/load/target/load-results.json (+ .md line).
#   distribution/load/run.sh --raters 256 --duration 60        (--help for every option)
# Builds only this module (and the distribution if it was never assembled); needs Java 17 and Maven.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if [ ! -x distribution/assembly/target/evkin/bin/evkin ]; then
  echo "[load] building the distribution first (distribution/assembly/target/evkin is missing)"
  mvn -B -q package -DskipTests -pl distribution/assembly -am
fi
# offline when what it depends on is in ~/.m2; on a fresh clone (nothing installed yet) install it once, tests skipped
if ! mvn -B -q -o package -DskipTests -pl distribution/testing,distribution/load >/dev/null 2>&1; then
  echo "[load] installing the modules the load run depends on (once, tests skipped)"
  mvn -B -q install -DskipTests -pl distribution/load -am
fi
exec java -Xmx2g -cp "distribution/load/target/classes:distribution/load/target/lib/*" org.evkin.load.Main "$@"
