#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the guest's test programs, statically linked, into $BUILD/guest-bin:
# the series' kselftests (tools/testing/selftests/vfio), the demo tool and
# the benchmark (make bench), both linked with the kselftest helpers.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

hdr=$OBJ/usr/include
ksft=$TREE/tools/testing/selftests/vfio
bin=$BUILD/guest-bin
mkdir -p "$bin/vfio"

step "installing uapi headers"
make -s -C "$TREE" O="$OBJ" ARCH=x86_64 headers >/dev/null

step "building kselftests: tools/testing/selftests/vfio"
make -s -C "$ksft" OUTPUT="$bin/vfio" KHDR_INCLUDES="-isystem $hdr" \
	LDFLAGS=-static

for tool in vfio-tb-demo vfio-tb-bench; do
	step "building $tool"
	gcc -Wall -Werror -O2 -static -pthread -isystem "$hdr" -I"$ksft" \
		-o "$bin/$tool" "$TOP/tools/$tool.c" "$ksft/vfio_pci_util.c"
done
