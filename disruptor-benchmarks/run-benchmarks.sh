#!/usr/bin/env sh
# Builds the benchmarks jar and runs the JMH suite in paired rounds on each JDK given (default: the `java`
# on the PATH), one after the other; writes docs/benchmarks/jdk<N>/{results.json,results.md,throughput.svg}
# and docs/benchmarks/results.md (every JDK side by side). JMH's own JSON per fork goes to
# disruptor-benchmarks/target/jmh-results/.
#
#   run-benchmarks.sh [--jdk JAVA_HOME]... [--quick] [--rounds N] [--scenarios ID,...] [--output DIR]
#   run-benchmarks.sh --render      # measure nothing: render the pages again from the results.json files
#
# Later options win over the defaults below. Run it on an otherwise idle machine.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -pl disruptor-benchmarks -am package -DskipTests
exec java -cp disruptor-benchmarks/target/benchmarks.jar io.github.disruptor.benchmarks.BenchmarkSuite \
    --output docs/benchmarks --jmh-results disruptor-benchmarks/target/jmh-results "$@"
