#!/usr/bin/env sh
# Builds the benchmarks jar and runs the interleaved comparison (ours and LMAX block by block in one JVM,
# several JVMs per scenario): a diagnostic for a hot-path change, not a source of published figures.
#
#   interleaved.sh [--core-at COMMIT | --core-jar JAR] [key=value]...
#
#   --core-at COMMIT  also time our flows on disruptor-core built from COMMIT (any commit-ish of this
#                     repository; built once from `git archive` in a temporary directory, then cached in
#                     disruptor-benchmarks/target/cores/), as the contender 'alt'. 'ours' is the core of
#                     the current working tree. Contenders then default to lmax,alt,ours, so the summary
#                     gives alt/lmax, ours/lmax and ours/alt (after / before).
#   --core-jar JAR    the same with a disruptor-core jar built elsewhere.
#   key=value         scenario=ID,...|all  wait=  blocks=16  invocations=10  jvms=3  jdk=JAVA_HOME
#                     contenders=A,B,...  results=FILE   (InterleavedComparison prints them all on a bad one)
set -eu
cd "$(dirname "$0")/.."
alt=""
case "${1:-}" in
    --core-at)
        [ $# -ge 2 ] || { echo "--core-at needs a commit" >&2; exit 2; }
        sha=$(git rev-parse --verify --short=12 "$2^{commit}") || { echo "--core-at '$2' is not a commit" >&2; exit 2; }
        subject=$(git log -1 --format=%s "$sha" | cut -c1-80)
        shift 2
        mkdir -p disruptor-benchmarks/target/cores
        jar="disruptor-benchmarks/target/cores/disruptor-core-$sha.jar"
        if [ ! -f "$jar" ]; then
            tmp=$(mktemp -d)
            trap 'rm -rf "$tmp"' EXIT INT TERM
            echo "Building disruptor-core at $sha ($subject) in $tmp" >&2
            git archive --format=tar "$sha" | tar -x -C "$tmp"
            (cd "$tmp" && ./mvnw -B -q -pl disruptor-core package -DskipTests)
            built=$(find "$tmp/disruptor-core/target" -maxdepth 1 -name 'disruptor-core-*.jar' \
                ! -name '*-sources.jar' ! -name '*-javadoc.jar' | head -n 1)
            [ -n "$built" ] || { echo "no disruptor-core jar was built at $sha" >&2; exit 1; }
            cp "$built" "$jar"
            rm -rf "$tmp"
            trap - EXIT INT TERM
        fi
        alt="alt-core=$jar"
        altname="alt-name=$sha $subject"
        ;;
    --core-jar)
        [ $# -ge 2 ] || { echo "--core-jar needs a jar" >&2; exit 2; }
        alt="alt-core=$2"
        altname="alt-name=$(basename "$2")"
        shift 2
        ;;
esac
./mvnw -B -q -pl disruptor-benchmarks -am package -DskipTests
if [ -n "$alt" ]; then
    exec java -cp disruptor-benchmarks/target/benchmarks.jar io.github.disruptor.benchmarks.InterleavedComparison \
        "$alt" "$altname" "$@"
fi
exec java -cp disruptor-benchmarks/target/benchmarks.jar io.github.disruptor.benchmarks.InterleavedComparison "$@"
