#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Make the kernel work tree $TREE of the line ($LINE): a git repository
# whose first commit is the pristine base (tagged $BASE_TAG) with the
# line's series applied by git am: patches/series (lts), or every posting
# that postings/series names, in order, each ending at the tag
# posting/NAME (mainline). The base commit is reproducible: same source,
# same commit id.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ ! -e "$TREE" ] || die "$TREE exists; remove it first (make distclean-tree)"
mkdir -p "$BUILD"
"$TOP/scripts/base-source.sh" "$TREE"

cd "$TREE"
origin=$(cat .base-origin)
rm .base-origin
step "committing the pristine base ($origin)"
git init -q -b "$BRANCH"
# The identity commits and the cover letter's From: are made under.
git config user.name "${GIT_AUTHOR_NAME:-VFIO Reset Team}"
git config user.email "${GIT_AUTHOR_EMAIL:-vfio-reset@example.org}"
git config core.abbrev 12
git add -A -f .
export GIT_AUTHOR_NAME=Base GIT_AUTHOR_EMAIL=base@localhost
export GIT_COMMITTER_NAME=Base GIT_COMMITTER_EMAIL=base@localhost
export GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z'
git commit -q -m "Base: Linux $(make -s kernelversion) from $origin"
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE
git tag -f "$BASE_TAG" >/dev/null

# Debian's .gitignore ignores everything at the top level ("/*") and, unlike
# upstream's, every .gitignore and .kunitconfig below it (".*"), which hides
# new files from git status. Mend the working copy only: the base commit stays pristine and
# git does not see the local edit.
if grep -qx '/\*' .gitignore; then
	git update-index --skip-worktree .gitignore
	sed -i '/^\/\*$/d; /^!\/debian\/$/d' .gitignore
	printf '!.gitignore\n!.kunitconfig\n' >>.gitignore
fi

# apply DIR: git am of DIR/series; prints how many patches. Committed at
# their author dates, so that every tree made from the same series has the
# same commits, and the base-commit lines of an export do not change with
# the tree it came from.
apply() {
	local p n=0
	while read -r p; do
		case "$p" in ''|'#'*) continue ;; esac
		git am -q --keep-cr --committer-date-is-author-date "$1/$p" >&2 ||
			die "${1#"$TOP"/}/$p does not apply to $origin"
		n=$((n + 1))
	done <"$1/series"
	echo "$n"
}

series=$TOP/$SERIES_DIR
n=0
if [ "$LINE" = lts ]; then
	n=$(apply "$series")
else
	while read -r posting; do
		case "$posting" in ''|'#'*) continue ;; esac
		n=$((n + $(apply "$series/$posting")))
		git tag -f "posting/$posting" >/dev/null
	done <"$series/series"
fi
step "work tree ready: $TREE ($n patches on $BASE_TAG $(git rev-parse --short "$BASE_TAG"), $origin)"
