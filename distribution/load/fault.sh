#!/usr/bin/env bash
# The fault tests of issue 6 under load, each with a PASS/FAIL verdict (JUnit, run by Failsafe in this module):
#   distribution/load/fault.sh kill       kill -9 of the server under load, restart: nothing acknowledged lost
#   distribution/load/fault.sh database   the embedded MariaDB killed and restarted under load: 503 + Retry-After, recovery
#   distribution/load/fault.sh deploy     instrument bundles deployed, updated, removed under load: zero failed requests
#   distribution/load/fault.sh all        the three (and the small load run), as `mvn verify` runs them
# Add --full for the long versions (256 raters, longer phases, repeated faults). Reports: distribution/load/target/failsafe-reports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
case "${1:-}" in
  kill) test=KillRestartIT ;;
  database|db) test=DatabaseRestartIT ;;
  deploy) test=HotDeployUnderLoadIT ;;
  all) test='*IT' ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac
full=false
[ "${2:-}" = "--full" ] && full=true
if [ ! -x distribution/assembly/target/evkin/bin/evkin ]; then
  echo "[load] building the distribution first (distribution/assembly/target/evkin is missing)"
  mvn -B -q package -DskipTests -pl distribution/assembly -am
fi
exec mvn -B -o verify -pl distribution/load -Dit.test="$test" -Dload.full="$full"
