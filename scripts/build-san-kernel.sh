#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the sanitizer kernel: the test kernel's config plus
# config/sanitizer.config (KASAN, kmemleak, fail_usercopy), in $SAN_OBJ.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

mkdir -p "$SAN_OBJ"
frag=$SAN_OBJ.config
cat "$TOP/config/testbed.config" "$TOP/config/sanitizer.config" >"$frag.new"
if cmp -s "$frag.new" "$frag"; then
	rm "$frag.new"	# unchanged: keep its time, so no reconfigure
else
	mv "$frag.new" "$frag"
fi
OBJ=$SAN_OBJ KCONFIG_FRAG=$frag "$TOP/scripts/build-kernel.sh"
