#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The runs of one line ($LINE): its gates and their self-test, the KUnit
# suites through kunit.py, the proof that a splat or a hang fails a guest
# run, then every topology that a test plan ($PLANS) declares, booted in
# test mode on the line's test kernel, the plans that declare
# SAN_TOPOLOGIES again on the sanitizer kernel and those that declare
# BASE_TOPOLOGIES on the base kernel (the pristine base, no series), and
# a short make bench; then the per-test results and the summary line.
#
# RUN_STEPS chooses the steps (all of them by default):
#   check     make check: patches/ (lts) or every posting and the QEMU
#             series (mainline)
#   gates     check-gates.sh, the gates' self-test (lts)
#   kunit     kunit.py
#   splat     check-splat.sh
#   san       the sanitizer kernel's runs
#   base      the base kernel's runs
#   bench     make bench, 3 resets per row on topology a (lts)
# PLAN_NAMES narrows the plans, TOPOS, SAN_TOPOS and BASE_TOPOS the
# topologies; GUEST_JOBS guests run at once (one per core by default).
# RESULT_PREFIX starts every result line.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

steps=" ${RUN_STEPS-check gates kunit splat san base bench} "
want() { [[ "$steps" == *" $1 "* ]]; }

topos=$(plan_topologies TOPOLOGIES)
[ -z "${TOPOS:-}" ] || topos=$TOPOS
san="" base=""
! want san || san=$(plan_topologies SAN_TOPOLOGIES)
[ -z "${SAN_TOPOS+set}" ] || san=$SAN_TOPOS
! want base || base=$(plan_topologies BASE_TOPOLOGIES)
[ -z "${BASE_TOPOS+set}" ] || base=$BASE_TOPOS

mkdir -p "$LOGS"
rm -f "$LOGS"/*.results "$LOGS"/*-san.out "$LOGS"/*-base.out
if [ -n "$san" ] && ! "$TOP/scripts/build-san-kernel.sh"; then
	echo "FAIL  sanitizer kernel: did not build" >"$LOGS/san-kernel.results"
	san=""
fi
if [ -n "$base" ] && ! "$TOP/scripts/build-base-kernel.sh"; then
	echo "FAIL  base kernel: did not build" >"$LOGS/base-kernel.results"
	base=""
fi
# Their result lines go to $LOGS/*.results, which results.sh reads;
# what they print is progress.
if want check; then
	if [ "$LINE" = lts ]; then
		"$TOP/scripts/check.sh" >&2 || true
	else
		"$TOP/scripts/check-postings.sh" >&2 || true
		"$TOP/scripts/check-qemu.sh" >&2 || true
	fi
fi
! want gates || "$TOP/scripts/check-gates.sh" >&2 || true
! want kunit || "$TOP/scripts/kunit.sh" >&2 || true
! want splat || "$TOP/scripts/check-splat.sh" >&2 || true
# The guests, GUEST_JOBS at a time (one per core: a guest is one TCG
# vCPU), the sanitizer runs first (the longest: a takes ~570 s here, so
# its bound leaves room for a CI machine twice or three times slower).
san_guest() {
	RUN=$1-san KERNEL=$SAN_OBJ/arch/x86/boot/bzImage GUEST_ARGS=tb_san=1 \
		GUEST_TIMEOUT=${SAN_TIMEOUT:-2400} "$TOP/scripts/run-guest.sh" "$1" test
}
base_guest() {
	RUN=$1-base KERNEL=$BASE_OBJ/arch/x86/boot/bzImage GUEST_ARGS=tb_base=1 \
		"$TOP/scripts/run-guest.sh" "$1" test
}
guest() { "$TOP/scripts/run-guest.sh" "$1" test; }
runs=$(printf 'san_guest %s\n' $san; printf 'guest %s\n' $topos; printf 'base_guest %s\n' $base)
while read -r fn topo; do
	[ -n "$fn" ] && [ -n "$topo" ] || continue
	while [ "$(jobs -rp | wc -l)" -ge "${GUEST_JOBS:-$(nproc)}" ]; do
		wait -n || true
	done
	"$fn" "$topo" || true &
done <<<"$runs"
wait
# make bench's short run, so that it cannot rot: PASS when both kernels gave
# every row (latency and failed resets are make bench's to report).
if want bench; then
	bench=$LOGS/bench.results
	if "$TOP/scripts/build-base-kernel.sh"; then
		BENCH_RESETS=3 BENCH_TOPOLOGIES=a BENCH_RESULTS=$bench \
			"$TOP/scripts/bench.sh" || true
	fi
	[ -s "$bench" ] || echo "FAIL  bench: did not run (base kernel build?)" >"$bench"
fi
step "results ($DESC)"
# shellcheck disable=SC2086
"$TOP/scripts/results.sh" $topos ${san:+$(printf 'san:%s ' $san)} ${base:+$(printf 'base:%s ' $base)}
