#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Prove that run-guest.sh fails a run on a kernel splat and on a hung
# guest: boot topology (a) once provoking a real WARNING (lkdtm), once with
# a 1 s timeout, and (when it is built) the sanitizer kernel once provoking
# a use after free, and expect each run to fail for that reason. One
# result line each, also in $LOGS/check-splat.results.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

RESULTS=$LOGS/check-splat.results
mkdir -p "$LOGS"
: >"$RESULTS"
failed=0

# expect NAME MODE TIMEOUT REASON: the run must fail, its log saying REASON
expect() {
	local out=$LOGS/a-$2.out
	if GUEST_TIMEOUT=$3 "$TOP/scripts/run-guest.sh" a "$2" >/dev/null 2>&1; then
		echo "FAIL  check-splat $1: the run passed" | tee -a "$RESULTS"
		failed=1
	elif grep -A 8 "^tb: guest-failure" "$out" | grep -q "$4"; then
		echo "PASS  check-splat $1: the run failed ($4)" | tee -a "$RESULTS"
	else
		echo "FAIL  check-splat $1: failed, but not for '$4': $(grep -m 1 '^tb: guest-failure' "$out")" |
			tee -a "$RESULTS"
		failed=1
	fi
}

expect "lkdtm WARNING on the console" splat 120 "kernel splat"
expect "guest that does not finish" test 1 "guest hung"
san=$SAN_OBJ/arch/x86/boot/bzImage
if [ -f "$san" ]; then
	KERNEL=$san GUEST_ARGS=tb_splat=READ_AFTER_FREE \
		expect "KASAN report on the sanitizer kernel" splat 180 "KASAN"
fi
rm -f "$LOGS"/a-splat.* "$LOGS"/a-test.*	# not real results
exit "$failed"
