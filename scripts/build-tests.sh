#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the guest's test programs, statically linked, into $GUEST_BIN: the
# line's vfio kselftests (tools/testing/selftests/vfio, with mainline's
# libvfio where the tree has it), the testbed's own small tools (the
# benchmark of make bench among them), and on the LTS line the demo tool,
# linked with the series' kselftest helpers.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

hdr=$OBJ/usr/include
ksft=$TREE/tools/testing/selftests/vfio
bin=$GUEST_BIN
mkdir -p "$bin/vfio"

step "installing uapi headers"
make -s -C "$TREE" O="$OBJ" ARCH=x86_64 headers >/dev/null

step "building kselftests: tools/testing/selftests/vfio ($LINE)"
make -s -C "$ksft" -j"$JOBS" CC="$(make_cc)" OUTPUT="$bin/vfio" \
	KHDR_INCLUDES="-isystem $hdr" LDFLAGS="-static -pthread"
# The kselftest scripts (setup.sh, run.sh) where the tree has them.
[ ! -d "$ksft/scripts" ] || cp -a "$ksft/scripts" "$bin/vfio/"

step "building vfio-tb-aer-cor"
gcc -Wall -Werror -O2 -static -o "$bin/vfio-tb-aer-cor" "$TOP/tools/vfio-tb-aer-cor.c"
step "building vfio-tb-bench"
gcc -Wall -Werror -O2 -static -pthread -isystem "$hdr" \
	-o "$bin/vfio-tb-bench" "$TOP/tools/vfio-tb-bench.c"
if [ "$LINE" = mainline ]; then
	for t in vfio-tb-qemu-hot-reset vfio-tb-qemu-error-recovery; do
		step "building $t"
		gcc -Wall -Werror -O2 -static -isystem "$hdr" -I"$TREE/tools/testing/selftests" \
			-o "$bin/$t" "$TOP/tools/$t.c" "$TOP/tools/vfio-tb-qemu.c"
	done
fi
[ -f "$ksft/vfio_pci_util.c" ] || exit 0
step "building vfio-tb-demo"
gcc -Wall -Werror -O2 -static -pthread -isystem "$hdr" -I"$ksft" \
	-o "$bin/vfio-tb-demo" "$TOP/tools/vfio-tb-demo.c" "$ksft/vfio_pci_util.c"
