#!/usr/bin/env bash
# Hot-deploy benchmark: time from an instrument jar landing in deploy/ (atomic mv) to the program being served at
# /api/instruments/{code}, over N deploys of increasing versions, then the time to withdraw after removal.
# Usage: distribution/assembly/src/bench/hotdeploy.sh [N] (after `mvn -q package -DskipTests`)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
dist="$root/distribution/assembly/target/evkin"
n="${1:-10}"
[ -x "$dist/bin/evkin" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
work="$root/distribution/assembly/target/bench-hotdeploy"
rm -rf "$work"; cp -r "$dist" "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
EVKIN_HTTP_PORT=$port "$work/bin/evkin" > "$work/bench.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until grep -q "EvKin is ready" "$work/bench.log"; do sleep 0.1; done
until [ "$(curl -s "http://127.0.0.1:$port/api/instruments" | grep -o '"deployed":true' | wc -l)" -ge 9 ]; do sleep 0.1; done

src=$(ls "$work"/deploy/evkin-instrument-cop-bisindo-2025-*.jar)
build="$work/bench-jar"; mkdir -p "$build"; (cd "$build" && unzip -q -o "$src")
code=BENCH-HOTDEPLOY-2026
now_ms() { date +%s%3N; }
served() { curl -s "http://127.0.0.1:$port/api/instruments/$code" | grep -q "\"currentVersion\":\"$1\""; }
times=()
for i in $(seq 1 "$n"); do
  v="1.0.$i"
  python3 - "$build/EVKIN-INF/instrument.json" "$code" "$v" <<'PY'
import json, sys
p, code, v = sys.argv[1:]
d = json.load(open(p)); d["code"] = code; d["version"] = v
json.dump(d, open(p, "w"), ensure_ascii=False)
PY
  sed -i "s/^Bundle-Version: .*/Bundle-Version: $v/; s/^Bundle-SymbolicName: .*/Bundle-SymbolicName: evkin-instrument-bench/" "$build/META-INF/MANIFEST.MF"
  (cd "$build" && jar cfm "$work/bench.jar.tmp" META-INF/MANIFEST.MF EVKIN-INF)
  t0=$(now_ms); mv "$work/bench.jar.tmp" "$work/deploy/evkin-instrument-bench.jar"
  until served "$v"; do sleep 0.01; done
  times+=($(( $(now_ms) - t0 )))
done
t0=$(now_ms); rm "$work/deploy/evkin-instrument-bench.jar"
until curl -s "http://127.0.0.1:$port/api/instruments/$code" | grep -q '"deployed":false'; do sleep 0.01; done
withdraw=$(( $(now_ms) - t0 ))
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "| measure | value |"
echo "|---|---|"
echo "| jar in deploy/ to served, first deploy | ${times[0]} ms |"
echo "| jar in deploy/ to served, updates: median (min–max) of $((n-1)) | $(printf '%s\n' "${times[@]:1}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms ($(printf '%s\n' "${times[@]:1}" | sort -n | head -1)–$(printf '%s\n' "${times[@]:1}" | sort -n | tail -1)) |"
echo "| jar removed to withdrawn | ${withdraw} ms |"
echo
echo "FileInstall polls deploy/ every 1000 ms (felix.fileinstall.poll), so about half a second of each figure is waiting for the poll."
