#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Regenerate patches/ from the kernel work tree: git format-patch of
# $BASE_TAG..HEAD with the cover letter from cover-letter.txt (first
# paragraph: subject; the rest: body), and the series file. Output is
# byte-identical when nothing changed.
#
#   export-series.sh           write patches/
#   export-series.sh --check   only tell whether patches/ is up to date
set -euo pipefail
. "$(dirname "$0")/lib.sh"

check=${1:-}
export_enter "$check"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git config "branch.$BRANCH.description" "$(cat "$TOP/cover-letter.txt")"
# The cover letter is dated like the newest patch, so that it is reproducible.
newest=$(git log --format=%at "$BASE_TAG..HEAD" | sort -n | tail -n 1)
GIT_COMMITTER_DATE="@${newest:-0} +0000" \
git format-patch -q --zero-commit --cover-letter --cover-from-description=subject \
	--base="$BASE_TAG" --signature=vfio-reset -o "$tmp/patches" "$BASE_TAG..HEAD"
(cd "$tmp/patches" && ls -1 ./*.patch | sed 's#^\./##' | grep -v '^0000-cover-letter' || true) \
	>"$tmp/patches/series"

if [ "$check" = --check ]; then
	if diff -r -q -x cover-letter.txt "$tmp/patches" "$TOP/patches" >/dev/null 2>&1; then
		echo "patches/ matches $TREE"
		exit 0
	fi
	echo "patches/ differs from $TREE ($(git rev-list --count "$BASE_TAG..HEAD") commits on the base)"
	exit 1
fi
rm -f "$TOP"/patches/*.patch "$TOP/patches/series"
cp "$tmp"/patches/* "$TOP/patches/"
step "exported $(wc -l <"$TOP/patches/series") patches + cover letter to patches/"
