#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make torture: the concurrent torture of the hot reset uAPI
# (vfio_pci_hot_reset_torture), DURATION seconds on each of
# TORTURE_TOPOLOGIES, on the sanitizer kernel (TORTURE_KERNEL=test: the
# test kernel). SEED replays a run; the seed of each run is printed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

duration=${DURATION:-300}
topos=${TORTURE_TOPOLOGIES:-a b e}
kernel=$SAN_OBJ/arch/x86/boot/bzImage
if [ "${TORTURE_KERNEL:-san}" = san ]; then
	"$TOP/scripts/build-san-kernel.sh"
else
	kernel=$OBJ/arch/x86/boot/bzImage
fi
rc=0
for topo in $topos; do
	RUN=$topo-torture KERNEL=$kernel GUEST_TIMEOUT=$((duration + 600)) \
		GUEST_ARGS="tb_seconds=$duration${SEED:+ tb_seed=$SEED}" \
		"$TOP/scripts/run-guest.sh" "$topo" torture || rc=1
	out=$LOGS/$topo-torture.out
	grep -E '^(# |ok |not ok )' "$out" | sed "s/^/$topo: /" || true
	grep -q '^tb: exit torture 0$' "$out" || rc=1
done
exit "$rc"
