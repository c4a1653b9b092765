#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make bench-line: boot the line's base kernel (tag vfio-reset-base, built
# by build-base-kernel.sh) and its series' kernel on each topology of
# $BENCH_TOPOLOGIES in bench mode (guest/init, tools/vfio-tb-bench.c), with
# the same QEMU and initramfs, and print one table per topology
# (bench-table.py). $BENCH_RESETS calls per row. Where the line names a
# BENCH_BASE (bases/LINE.base: 7.3.4 and its aer_inject fix), that is the
# base, built in $LB/bench-base. Exits non-zero when a guest failed or a
# row is missing, never because of latency or failed calls.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

resets=${BENCH_RESETS:-30}
topos=${BENCH_TOPOLOGIES:-a b}
base_obj=$BASE_OBJ
if [ -z "${BASE_KERNEL:-}" ] && [ "$BENCH_BASE_TAG" != "$BASE_TAG" ]; then
	base_obj=$LB/bench-base/obj
	step "bench: the base is $BENCH_BASE_TAG"
	BASE_TAG=$BENCH_BASE_TAG BASE_TREE=$LB/bench-base/linux BASE_OBJ=$base_obj \
		"$TOP/scripts/build-base-kernel.sh"
fi
declare -A kernel=(
	[base]=${BASE_KERNEL:-$base_obj/arch/x86/boot/bzImage}
	[series]=${SERIES_KERNEL:-$OBJ/arch/x86/boot/bzImage}
)

rc=0
for topo in $topos; do
	for k in base series; do
		rm -f "$LOGS/$topo-bench-$k.out"
		KERNEL=${kernel[$k]} RUN=$topo-bench-$k \
			GUEST_ARGS="tb_kernel=$k tb_resets=$resets" \
			"$TOP/scripts/run-guest.sh" "$topo" bench || rc=1
	done
done
step "bench ($DESC): $resets calls per row, $(nproc) host cores, ${ACCEL:-tcg}, $(qemu-system-x86_64 --version | head -n 1)"
# shellcheck disable=SC2086
"$TOP/scripts/bench-table.py" "$LOGS" "$resets" $topos || rc=1
exit $rc
