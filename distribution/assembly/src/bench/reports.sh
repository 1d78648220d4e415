#!/usr/bin/env bash
# Report benchmark (issue 5): N participants (default 50 000; PK in two programs with ~40 items per rater, PAK in one)
# × 4 raters, written straight into a copy of the assembled distribution's embedded MariaDB; then the national report
# JSON, one individual PDF and a ZIP of 1 000 individual PDFs over HTTP, and the server's peak heap from its GC log.
# Usage: distribution/assembly/src/bench/reports.sh [participants] (after `mvn -q package -DskipTests`)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
dist="$root/distribution/assembly/target/evkin"
n="${1:-50000}"
[ -x "$dist/bin/evkin" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
work="$root/distribution/assembly/target/bench-reports"
rm -rf "$work"; cp -r "$dist" "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log="$work/bench.log"
export EVKIN_HTTP_PORT=$port EVKIN_ADMIN_EMAIL=bench@evkin.test EVKIN_ADMIN_PASSWORD=Bench-Password-2026
# the distribution's own JVM settings (bin/evkin's defaults) plus a GC log to read the peak heap from
JAVA_OPTS="-Xms256m -Xmn160m -Xmx512m -XX:+UseSerialGC -Xlog:gc:file=$work/gc.log" "$work/bin/evkin" > "$log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until grep -q "EvKin is ready" "$log"; do kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }; sleep 0.2; done
for i in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/instruments/GENAI-PAK-2025" >/dev/null && break; sleep 0.2; done
jdbc=$(grep -o 'jdbc:mariadb://[^ )]*' "$log" | head -1 | sed 's/?.*//')
driver=$(ls "$work"/system/mariadb-java-client-*.jar)
java -cp "$driver" "$root/distribution/assembly/src/bench/ReportsBench.java" "http://127.0.0.1:$port" "$EVKIN_ADMIN_EMAIL" \
  "$EVKIN_ADMIN_PASSWORD" "$jdbc?user=root" "$n" | tee "$work/bench.out"
grep 'National report' "$log" | tail -3
# peak heap: the largest occupancy before any collection (live data plus garbage: how full the heap got) and the
# largest occupancy after one (what was really held at that moment)
peak=$(grep -o '[0-9]*M->[0-9]*M' "$work/gc.log" | cut -dM -f1 | sort -n | tail -1)
live=$(grep 'Pause Full' "$work/gc.log" | grep -o '[0-9]*M->[0-9]*M' | sed 's/.*->//; s/M//' | sort -n | tail -1)
echo "heap: at most ${peak} MB in use before a collection, at most ${live:-?} MB live after a full one (max heap 512 MB);" \
  "$(grep -c 'Pause' "$work/gc.log") collections, $(grep -c 'Pause Full' "$work/gc.log") full"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
