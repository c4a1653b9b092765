#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Everything make test runs: the gates of make check and their self-test,
# the KUnit suite through kunit.py, the proof that a splat or a hang fails
# a guest run, then every topology that a test plan (tests/*.test)
# declares, booted in test mode, the plans that declare SAN_TOPOLOGIES
# again on the sanitizer kernel, and a short make bench (3 resets per row,
# topology a); then the per-test results and the summary line.
# TOPOS and SAN_TOPOS narrow the runs; GUEST_JOBS guests run at once
# (one per core by default).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

topos=$(for plan in "$TOP"/tests/*.test; do
	(TOPOLOGIES="" && . "$plan" && printf '%s\n' $TOPOLOGIES)
done | sort -u)
[ -z "${TOPOS:-}" ] || topos=$TOPOS

# The plans that declare SAN_TOPOLOGIES run again on the sanitizer kernel
# (KASAN, kmemleak, fail_usercopy; scripts/build-san-kernel.sh).
san=$(for plan in "$TOP"/tests/*.test; do
	(SAN_TOPOLOGIES="" && . "$plan" && printf '%s\n' $SAN_TOPOLOGIES)
done | sort -u)
[ -z "${SAN_TOPOS+set}" ] || san=$SAN_TOPOS

rm -f "$BUILD"/logs/*.results "$BUILD"/logs/*-san.out
if [ -n "$san" ] && ! "$TOP/scripts/build-san-kernel.sh"; then
	echo "FAIL  sanitizer kernel: did not build" >"$BUILD/logs/san-kernel.results"
	san=""
fi
"$TOP/scripts/check.sh" || true
"$TOP/scripts/check-gates.sh" || true
"$TOP/scripts/kunit.sh" || true
"$TOP/scripts/check-splat.sh" || true
# The guests, GUEST_JOBS at a time (one per core: a guest is one TCG
# vCPU), the sanitizer runs first (the longest: a takes ~570 s here, so
# its bound leaves room for a CI machine twice or three times slower).
san_guest() {
	RUN=$1-san KERNEL=$SAN_OBJ/arch/x86/boot/bzImage GUEST_ARGS=tb_san=1 \
		GUEST_TIMEOUT=${SAN_TIMEOUT:-2400} "$TOP/scripts/run-guest.sh" "$1" test
}
guest() { "$TOP/scripts/run-guest.sh" "$1" test; }
runs=$(printf 'san_guest %s\n' $san; printf 'guest %s\n' $topos)
while read -r fn topo; do
	[ -n "$fn" ] || continue
	while [ "$(jobs -rp | wc -l)" -ge "${GUEST_JOBS:-$(nproc)}" ]; do
		wait -n || true
	done
	"$fn" "$topo" || true &
done <<<"$runs"
wait
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
"$TOP/scripts/results.sh" $topos ${san:+$(printf 'san:%s ' $san)}
