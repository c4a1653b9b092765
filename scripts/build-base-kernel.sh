#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the line's BASE kernel (tag $BASE_TAG: the pristine base, without
# the series) with the test kernel's config, for make bench and the base
# runs: a detached git worktree of $TREE in $BASE_TREE, built out of tree
# in $BASE_OBJ. The two sit side by side like $TREE and $OBJ (../linux
# from the object directory), so that with CCACHE_BASEDIR the series
# build's objects hit.
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

TREE=$BASE_TREE OBJ=$BASE_OBJ "$TOP/scripts/build-kernel.sh"
