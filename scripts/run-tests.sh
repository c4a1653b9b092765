#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Everything make test runs: the gates of make check and their self-test,
# the KUnit suite through kunit.py, the proof that a splat or a hang fails
# a guest run, then every topology that a test plan (tests/*.test) declares, booted in
# test mode, and a short make bench (3 resets per row, topology a); then the
# per-test results and the summary line.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

topos=$(for plan in "$TOP"/tests/*.test; do
	(TOPOLOGIES="" && . "$plan" && printf '%s\n' $TOPOLOGIES)
done | sort -u)
[ -z "${TOPOS:-}" ] || topos=$TOPOS

rm -f "$BUILD"/logs/*.results
"$TOP/scripts/check.sh" || true
"$TOP/scripts/check-gates.sh" || true
"$TOP/scripts/kunit.sh" || true
"$TOP/scripts/check-splat.sh" || true
for topo in $topos; do
	"$TOP/scripts/run-guest.sh" "$topo" test || true
done
# make bench's short run, so that it cannot rot: PASS when both kernels gave
# every row (latency and failed resets are make bench's to report).
bench=$BUILD/logs/bench.results
if "$TOP/scripts/build-base-kernel.sh"; then
	BENCH_RESETS=3 BENCH_TOPOLOGIES=a BENCH_RESULTS=$bench \
		"$TOP/scripts/bench.sh" || true
fi
[ -s "$bench" ] || echo "FAIL  bench: did not run (base kernel build?)" >"$bench"
step "results"
# shellcheck disable=SC2086
"$TOP/scripts/results.sh" $topos
