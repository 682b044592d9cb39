#!/usr/bin/env sh
# Builds the benchmarks jar and runs the whole suite in paired rounds; writes results.json, results.md
# and throughput.svg into docs/benchmarks/. Pass --quick for a short trial run.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -pl disruptor-benchmarks -am package -DskipTests
exec java -cp disruptor-benchmarks/target/benchmarks.jar io.github.disruptor.benchmarks.BenchmarkSuite \
    docs/benchmarks "$@"
