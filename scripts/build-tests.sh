#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the guest's test programs, statically linked, into $BUILD/guest-bin:
# the series' kselftests (tools/testing/selftests/vfio) and the demo tool.
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

step "building vfio-tb-demo"
gcc -Wall -Werror -O2 -static -isystem "$hdr" -I"$ksft" \
	-o "$bin/vfio-tb-demo" "$TOP/tools/vfio-tb-demo.c" "$ksft/vfio_pci_util.c"
