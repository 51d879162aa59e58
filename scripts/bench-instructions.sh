#!/usr/bin/env bash
# Instructions per abstract of the TL;DR and key phrases (summarize.Summarize over SciTLDR dev), counted by
# callgrind: unlike abstracts per second, the count does not move with the machine's load, so it tells whether a
# change made the summarizer faster even on a busy machine. It runs BenchmarkSummarize for one pass over the dev
# split and for two, and prints the difference per abstract, which leaves out loading the data and the model.
# Needs valgrind (Debian's package); skips with a message without it or without ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
dev=../shared/eval/scitldr/dev.jsonl
if ! command -v valgrind >/dev/null; then
	echo "bench-instructions: skipped: valgrind is not installed (apt-get install valgrind)"
	exit 0
fi
if [[ ! -f $dev ]]; then
	echo "bench-instructions: skipped: $dev not found (the team's ../shared folder)"
	exit 0
fi
n=$(grep -c . "$dev")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go test -c -o "$dir/summarize.test" ./wasm/summarize
count() { # instructions of a run of n abstracts
	# valgrind cannot decode the RDTSCP of Go's cputicks and trips on async preemption's signal; with the
	# garbage collector on, when it runs moves the count by several percent
	GODEBUG=cpu.rdtscp=off,asyncpreemptoff=1 GOGC=off GOMAXPROCS=1 valgrind --tool=callgrind \
		--callgrind-out-file="$dir/cg.$1" "$dir/summarize.test" -test.run='^$' -test.bench='^BenchmarkSummarize$' \
		-test.benchtime="$1x" >/dev/null 2>&1
	awk '/^(summary|totals):/ { print $2; exit }' "$dir/cg.$1"
}
one=$(count "$n")
two=$(count $((2 * n)))
printf 'TL;DR + key phrases: %d instructions per abstract (callgrind, one pass over %d SciTLDR dev abstracts)\n' \
	$(((two - one) / n)) "$n"
