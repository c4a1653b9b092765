#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Configure and build the test kernel out of tree ($OBJ) from $TREE:
# allnoconfig + config/testbed.config. Incremental; ccache when installed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ -e "$TREE/.git" ] || die "no work tree at $TREE (scripts/mktree.sh)"
kernel_configure "$TREE" "$OBJ"
step "building bzImage (-j$JOBS)"
start=$SECONDS
with_progress "kernel build" kmake "$TREE" "$OBJ" -j"$JOBS" bzImage
step "kernel built in $((SECONDS - start)) s: $OBJ/arch/x86/boot/bzImage"
