#!/usr/bin/env bash
# Startup benchmark of the assembled distribution: cold start (fresh copy, database initialised on first start),
# then warm starts (same data folder), and resident memory when idle. Prints a Markdown table.
# Usage: distribution/assembly/src/bench/startup.sh [warm-runs] (after `mvn -q package -DskipTests`)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
dist="$root/distribution/assembly/target/evkin"
runs="${1:-5}"
[ -x "$dist/bin/evkin" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
work="$root/distribution/assembly/target/bench-startup"
rm -rf "$work"; cp -r "$dist" "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

start_once() { # prints: ms-to-ready
  local log="$work/bench.log"; : > "$log"
  local t0; t0=$(date +%s%N)
  EVKIN_HTTP_PORT=$port "$work/bin/evkin" > "$log" 2>&1 &
  local p=$!
  echo $p > "$work/bench.pid"
  until grep -q "EvKin is ready" "$log"; do
    kill -0 $p 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }

stop() { local p; p=$(cat "$work/bench.pid"); kill -TERM "$p"; while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; }

cold=$(start_once)
pid=$(cat "$work/bench.pid")
sleep 10
java_rss=$(rss_kb $pid); db_rss=$(rss_kb "$(cat "$work/data/mariadb/evkin-mariadb.pid")")
heap=$(jcmd $pid GC.heap_info 2>/dev/null | grep -E "generation|Metaspace" | grep -o 'used [0-9]*K' | awk '{s+=$2} END {printf "%d MB", s/1024}' || true)
stop
warm=()
for i in $(seq 1 "$runs"); do
  warm+=("$(start_once)")
  stop
done
sorted=$(printf '%s\n' "${warm[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "| measure | value |"
echo "|---|---|"
echo "| cold start to 'ready' (fresh data folder, schema created) | ${cold} ms |"
echo "| warm start to 'ready', median of $runs (min–max) | ${median} ms ($(echo "$sorted" | head -1)–$(echo "$sorted" | tail -1)) |"
echo "| resident memory idle, EvKin JVM | $((java_rss / 1024)) MB |"
echo "| resident memory idle, embedded mariadbd | $((db_rss / 1024)) MB |"
echo "| JVM heap + metaspace used, idle | ${heap:-n/a} |"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
