#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make test: both lines, then one summary.
#
#  - mainline (Linux 7.3, postings/): make check on every posting and on
#    the QEMU series (qemu/patches), kunit.py config, the proof that a
#    splat or a hang fails a guest run, every plan of tests/mainline on
#    its topologies on the test kernel (7.3 + the postings; QEMU with
#    qemu/patches as the VMM of the QEMU plans), and mainline's own vfio
#    selftests and the QEMU plan again on the base kernel (7.3 without
#    them);
#  - lts (Linux 6.12, patches/): the tests of the 6.12 fixes, the
#    backports of the mainline postings' fixes ($LTS_FIX_PLANS), on the
#    6.12 series kernel. make test-lts runs the whole 6.12 plan.
#
# Every result line starts with its line's kernel version; the last line
# is "N passed, N failed, N skipped". Exits non-zero on any failure.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

LTS_FIX_PLANS=${LTS_FIX_PLANS:-"vfio_group_busy vfio_mig_mtty"}
out=$BUILD/test-results.txt
mkdir -p "$BUILD"
: >"$out"

# line LINE PREFIX RUN_STEPS [PLAN_NAMES]: build and run one line
line() {
	step "=== $1 line ($(LINE=$1 . "$TOP/scripts/lib.sh" && echo "$DESC")) ==="
	if ! LINE=$1 "$TOP/scripts/build-line.sh" ${4:+"PLAN_NAMES=$4"}; then
		echo "FAIL  $2 build: the $1 line did not build (see above)" >>"$out"
		return 0
	fi
	LINE=$1 RESULT_PREFIX=$2 RUN_STEPS=$3 PLAN_NAMES=${4:-} \
		"$TOP/scripts/run-tests.sh" | grep -E "^(PASS|FAIL|SKIP)  " >>"$out" || true
}

# kunit.py config only (scripts/kunit.sh): the suites run in the test
# kernel (kunit.test); make kunit runs kunit.py's own kernel
export KUNIT_STEP=config
line mainline 7.3 "check kunit splat base"
unset KUNIT_STEP
line lts 6.12 "" "$LTS_FIX_PLANS"

step "results"
cat "$out"
pass=$(grep -c '^PASS' "$out" || true)
fail=$(grep -c '^FAIL' "$out" || true)
skip=$(grep -c '^SKIP' "$out" || true)
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
