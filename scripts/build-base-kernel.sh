#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the BASE kernel (tag $BASE_TAG: pristine 6.12, without the series)
# with the same config as the test kernel, for make bench: a detached git
# worktree of $TREE in $BASE_TREE, built out of tree in $BASE_OBJ.
# The two sit side by side like $TREE and $OBJ (../linux from the object
# directory), so that with CCACHE_BASEDIR the series build's objects hit.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ -e "$TREE/.git" ] || die "no work tree at $TREE (scripts/mktree.sh)"
# a worktree of an earlier $TREE (make distclean-tree, make tree) is stale
if [ -e "$BASE_TREE" ] && ! git -C "$BASE_TREE" rev-parse -q HEAD >/dev/null 2>&1; then
	step "removing the stale base worktree $BASE_TREE"
	rm -rf "$BASE_TREE"
	git -C "$TREE" worktree prune
fi
if [ ! -e "$BASE_TREE/.git" ]; then
	step "checking out $BASE_TAG into $BASE_TREE"
	mkdir -p "$(dirname "$BASE_TREE")"
	with_progress "base worktree" \
		git -C "$TREE" worktree add -q --detach "$BASE_TREE" "$BASE_TAG"
fi
[ "$(git -C "$BASE_TREE" rev-parse HEAD)" = "$(git -C "$TREE" rev-parse "$BASE_TAG^{commit}")" ] ||
	die "$BASE_TREE is not at $BASE_TAG"

# The same config, less the options the series adds (its KUnit suite).
frag=$BASE_OBJ/testbed-base.config
mkdir -p "$BASE_OBJ"
syms=$(grep -rhoE '^(menu)?config [A-Za-z0-9_]+' --include='Kconfig*' "$BASE_TREE" |
	awk '{print "CONFIG_" $2}' | sort -u)
awk -F= 'NR == FNR { known[$1] = 1; next }
	/^CONFIG_/ && !($1 in known) { print "# not in the base: " $0; next }
	{ print }' <(echo "$syms") "$TOP/config/testbed.config" >"$frag.new"
if cmp -s "$frag.new" "$frag"; then rm "$frag.new"; else mv "$frag.new" "$frag"; fi
grep '^# not in the base' "$frag" >&2 || true
TREE=$BASE_TREE OBJ=$BASE_OBJ KCONFIG_FRAG=$frag "$TOP/scripts/build-kernel.sh"
