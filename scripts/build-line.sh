#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build everything a guest of the line ($LINE) needs, as make guest does:
# the work tree (made once), the test kernel, the test programs, on
# mainline QEMU (make qemu), and the initramfs. Arguments are VAR=value
# settings for the steps (PLAN_NAMES).
set -euo pipefail
for a in "$@"; do export "${a?}"; done
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/deps.sh"
[ -d "$TREE/.git" ] || "$TOP/scripts/mktree.sh"
"$TOP/scripts/tree-status.sh"
"$TOP/scripts/build-kernel.sh"
"$TOP/scripts/build-tests.sh"
# mainline: QEMU with qemu/patches, the VMM of the QEMU plans
[ "$LINE" != mainline ] || "$TOP/scripts/build-qemu.sh"
"$TOP/scripts/build-initramfs.sh"
