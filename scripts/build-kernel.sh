#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Configure and build the test kernel out of tree ($OBJ) from $TREE:
# allnoconfig + config/testbed.config. Incremental; ccache when installed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ -d "$TREE/.git" ] || die "no work tree at $TREE (scripts/mktree.sh)"
frag=$TOP/config/testbed.config
mkdir -p "$OBJ"
kmake() { make -s -C "$TREE" O="$OBJ" ARCH=x86_64 CC="$(make_cc)" "$@"; }

if [ ! -f "$OBJ/.config" ] || [ "$frag" -nt "$OBJ/.config" ]; then
	step "configuring: allnoconfig + ${frag#$TOP/}"
	kmake KCONFIG_ALLCONFIG="$frag" allnoconfig >/dev/null
	missing=$(grep -E '^CONFIG_' "$frag" | while read -r line; do
		grep -qxF "$line" "$OBJ/.config" || echo "$line"
	done)
	[ -z "$missing" ] || die "config fragment lines lost (unmet dependencies):
$missing"
fi

step "building bzImage (-j$JOBS)"
start=$SECONDS
with_progress "kernel build" kmake -j"$JOBS" bzImage
step "kernel built in $((SECONDS - start)) s: $OBJ/arch/x86/boot/bzImage"
