#!/usr/bin/env bash
# Sends the sample the bad requests of issue 15 and prints, for each, the status, the size of the answer and the
# time it took, then the health and whether the log shows an OutOfMemoryError.
#
#   sample-app/scripts/bad-input.sh sample-app/target/sample-app-0.1.0-SNAPSHOT.jar [heap, default 512m]
set -euo pipefail
JAR=$(realpath "$1"); HEAP=${2:-512m}
WORK=$(mktemp -d -t sample-bad-input-XXXXXX); cd "$WORK"; echo "working in $WORK, heap $HEAP"
java -Xmx"$HEAP" -jar "$JAR" --server.port=0 --sample.journal.directory="$WORK/journal" > app.log 2>&1 &
PID=$!
for _ in $(seq 1 240); do
  PORT=$(grep -oP 'Tomcat started on port \K[0-9]+' app.log | head -1 || true); [ -n "$PORT" ] && break; sleep 0.5
done
send() {
  local name=$1; shift
  local result; result=$(curl -s -o answer -w '%{http_code}, %{size_download} bytes, %{time_total} s' -m 120 \
      -H 'Content-Type: application/json' "$@" "http://127.0.0.1:$PORT/orders")
  printf '%-26s %s: %.140s\n' "$name" "$result" "$(head -c 140 answer | tr '\n' ' ')"
}
send 'quantity 1e900000000' -d '{"symbol":"ACME","side":"BUY","price":1,"quantity":1e900000000}'
send 'quantity 1e10000000' -d '{"symbol":"ACME","side":"BUY","price":1,"quantity":1e10000000}'
send 'price 1E-2147483647' -d '{"symbol":"ACME","side":"BUY","price":1E-2147483647,"quantity":1}'
python3 -c "print('{\"symbol\":\"' + 'A' * 25_000_000 + '\",\"side\":\"BUY\",\"price\":1,\"quantity\":1}')" > symbol.json
send 'a symbol of 25 MB' --data-binary @symbol.json
head -c 100000000 /dev/zero | tr '\0' ' ' > spaces.json
send 'a body of 100 MB' --data-binary @spaces.json
rm -f symbol.json spaces.json
send 'quantity "10"' -d '{"symbol":"ACME","side":"BUY","price":1,"quantity":"10"}'
echo "health afterwards: $(curl -s -m 10 "http://127.0.0.1:$PORT/actuator/health" | head -c 120)"
echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError app.log || true)"
kill "$PID"; wait "$PID" 2>/dev/null || true
