#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Say whether the kernel work tree and patches/ agree (never fails).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

if [ -n "$(git -C "$TREE" status --porcelain --untracked-files=no)" ]; then
	step "note: $TREE has uncommitted changes (the build uses them)"
fi
msg=$("$TOP/scripts/export-series.sh" --check 2>&1) ||
	step "note: $msg: 'make export' after committing, or 'make distclean' to rebuild the tree from patches/"
