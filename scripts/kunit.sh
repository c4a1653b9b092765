#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Run the series' KUnit suites the upstream way: kunit.py with the
# .kunitconfig of drivers/vfio/pci (hot reset, recovery) and of
# drivers/vfio (the migration state machine), on x86_64 under QEMU, built
# out of tree in $LB/kunit. One result line, also in
# $LOGS/kunit.results.
#
# KUNIT_STEP=config (make test on mainline) stops at kunit.py config:
# the .kunitconfigs resolve to a .config that holds every option they
# name. The suites themselves then run in the test kernel, where
# CONFIG_*_KUNIT_TEST are built in (tests/mainline/kunit.test): kunit.py's
# kernel of its own is 9 min cold of CI's budget.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

KUNITCONFIGS="drivers/vfio/pci drivers/vfio"
RESULTS=$LOGS/kunit.results
mkdir -p "$LOGS"
: >"$RESULTS"
log=$LOGS/kunit.log

args=()
for k in $KUNITCONFIGS; do
	[ -f "$TREE/$k/.kunitconfig" ] && args+=(--kunitconfig="$k")
done
if [ ${#args[@]} = 0 ]; then
	echo "SKIP  kunit.py: no .kunitconfig of $KUNITCONFIGS in the series" | tee -a "$RESULTS"
	exit 0
fi
# kunit.py (7.x) asks QEMU for "-accel kvm -accel hvf -accel tcg": where
# /dev/kvm is nested KVM, the guest hangs at boot (machine facts: TCG
# only). A qemu-system-x86_64 first in PATH drops the accelerators other
# than $ACCEL (tcg) and runs the real one.
shim=$LB/kunit-qemu
mkdir -p "$shim"
real=$(command -v qemu-system-x86_64)
cat >"$shim/qemu-system-x86_64" <<SHIM
#!/bin/bash
args=()
while [ \$# -gt 0 ]; do
	if [ "\$1" = -accel ] && [ "\$2" != "${ACCEL:-tcg}" ]; then
		shift 2
		continue
	fi
	args+=("\$1")
	shift
done
exec $real "\${args[@]}"
SHIM
chmod +x "$shim/qemu-system-x86_64"
export PATH=$shim:$PATH
if [ "${KUNIT_STEP:-run}" = config ]; then
	step "kunit.py config ${args[*]} --arch=x86_64"
	rc=0
	(cd "$TREE" && ./tools/testing/kunit/kunit.py config "${args[@]}" --arch=x86_64 \
		--build_dir="$LB/kunit" --make_options CC="$(make_cc)") >"$log" 2>&1 || rc=$?
	if [ "$rc" = 0 ]; then
		echo "PASS  kunit.py config $KUNITCONFIGS: every option of the .kunitconfigs is in kunit.py's .config (the suites run in the test kernel: kunit.test)" |
			tee -a "$RESULTS"
	else
		echo "FAIL  kunit.py config $KUNITCONFIGS: exit $rc, see $log" | tee -a "$RESULTS"
		exit 1
	fi
	exit 0
fi
step "kunit.py run ${args[*]} --arch=x86_64 (a kernel of its own: minutes when cold)"
rc=0
(cd "$TREE" && with_progress kunit.py ./tools/testing/kunit/kunit.py run \
	"${args[@]}" --arch=x86_64 --build_dir="$LB/kunit" \
	--jobs "$JOBS" --make_options CC="$(make_cc)") >"$log" 2>&1 || rc=$?
summary=$(sed -nE 's/^\[[0-9:]+\] (Testing complete\..*)/\1/p' "$log" | tail -n 1)
if [ "$rc" = 0 ] && [ -n "$summary" ]; then
	echo "PASS  kunit.py $KUNITCONFIGS: $summary" | tee -a "$RESULTS"
else
	echo "FAIL  kunit.py $KUNITCONFIGS: ${summary:-exit $rc}, see $log" | tee -a "$RESULTS"
	exit 1
fi
