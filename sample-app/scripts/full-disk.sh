#!/usr/bin/env bash
# Fills the disk under the sample's journal for real and counts what a kill -9 and a restart lose.
#
#   sample-app/scripts/full-disk.sh sample-app/target/sample-app-0.1.0-SNAPSHOT.jar [orders]
#
# Starts the jar on a random port with a fresh journal, limits the process's file size (RLIMIT_FSIZE, with
# util-linux prlimit) to the journal's size + 16 KiB, so writes past it fail with EFBIG, posts the orders one by
# one (default 1000), kills the process with SIGKILL, restarts it without the limit, and reports how many orders
# answered 202 the restarted application does not know, whether the trades are the same, and the next id.
# Needs Linux, prlimit, curl. Prints the working directory, which holds the logs.
set -euo pipefail
JAR=$(realpath "$1"); ORDERS=${2:-1000}
WORK=$(mktemp -d -t sample-full-disk-XXXXXX); cd "$WORK"; echo "working in $WORK"
start() {
  java -Xmx256m -jar "$JAR" --server.port=0 --sample.journal.directory="$WORK/journal" \
      --management.endpoint.health.show-details=always > "$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do
    PORT=$(grep -oP 'Tomcat started on port \K[0-9]+' "$1.log" | head -1 || true)
    [ -n "$PORT" ] && break; kill -0 "$PID" 2>/dev/null || break; sleep 0.5
  done
  BASE=http://127.0.0.1:${PORT:-0}
}
order() { # a deterministic mix of crossing and resting orders on two symbols
  local i=$1 side=SELL price=$((101 + $1 % 7)) symbol=ACME
  if [ $((i % 2)) = 0 ]; then side=BUY; price=$((100 + i % 5)); fi
  if [ $((i % 3)) = 0 ]; then symbol=GLOBEX; fi
  echo "{\"symbol\":\"$symbol\",\"side\":\"$side\",\"price\":$price,\"quantity\":$((1 + i % 9))}"
}
start first
prlimit --pid "$PID" --fsize=$(( $(stat -c %s journal/orders.journal) + 16384 )):
: > acknowledged; : > refused
started=$(date +%s.%N)
for i in $(seq 1 "$ORDERS"); do
  answer=$(curl -s -m 30 -w ' %{http_code} %{time_total}' -H 'Content-Type: application/json' -d "$(order "$i")" "$BASE/orders")
  if [ "$(echo "$answer" | awk '{print $(NF-1)}')" = 202 ]; then
    echo "$answer" | grep -oP '"id":\K[0-9]+' >> acknowledged
  else
    echo "$i $answer" >> refused
  fi
done
echo "$(wc -l < acknowledged) answered 202, $(wc -l < refused) refused, in $(echo "$(date +%s.%N) - $started" | bc) s"
[ -s refused ] && echo "first refusal: $(head -c 400 refused)"
echo "health: $(curl -s -m 5 "$BASE/actuator/health" | head -c 300)"
curl -s "$BASE/trades?limit=1000" > trades-before.json
kill -9 "$PID"; wait "$PID" 2>/dev/null || true
echo "journal after the kill: $(stat -c %s journal/orders.journal) bytes, $(wc -l < journal/orders.journal) lines"
start second
if ! kill -0 "$PID" 2>/dev/null; then echo "the restart FAILED: $(grep -m3 -E 'ERROR|Caused' second.log)"; exit 1; fi
lost=0
for id in $(cat acknowledged); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/orders/$id")" = 200 ] || lost=$((lost + 1))
done
curl -s "$BASE/trades?limit=1000" > trades-after.json
same=no; cmp -s trades-before.json trades-after.json && same=yes
echo "answered 202 but unknown after the restart: $lost of $(wc -l < acknowledged)"
echo "trades before $(grep -o '"takerSide"' trades-before.json | wc -l), after $(grep -o '"takerSide"' trades-after.json | wc -l), the same: $same"
echo "next id: $(curl -s -H 'Content-Type: application/json' -d "$(order 0)" "$BASE/orders"), highest answered before: $(sort -n acknowledged | tail -1)"
kill "$PID"; wait "$PID" 2>/dev/null || true
