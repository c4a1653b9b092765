#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Say whether the line's kernel work tree and its series (patches/ or
# postings/) agree (never fails).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

if [ -n "$(git -C "$TREE" status --porcelain --untracked-files=no)" ]; then
	step "note: $TREE has uncommitted changes (the build uses them)"
fi
if [ "$LINE" = lts ]; then
	msg=$("$TOP/scripts/export-series.sh" --check 2>&1) ||
		step "note: $msg: 'make export' after committing, or 'make distclean' to rebuild the tree from patches/"
else
	msg=$("$TOP/scripts/export-postings.sh" --check 2>&1) ||
		step "note: $msg: 'make export LINE=mainline' after committing (and tagging posting/NAME), or remove $TREE to rebuild it from postings/"
fi
