#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Regenerate qemu/patches from the QEMU work tree (make qemu-export): git
# format-patch of qemu-base..vfio-reset with a cover letter from
# qemu/cover (first paragraph: subject; the rest: body), To the
# maintainers and Cc the reviewers and lists that QEMU's
# scripts/get_maintainer.pl names, the subject prefix of qemu/prefix, and
# qemu/patches/series. Byte-identical when nothing changed.
#
#   export-qemu.sh           write qemu/patches
#   export-qemu.sh --check   only tell whether qemu/patches is up to date
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/qemu-lib.sh"

check=${1:-}
[ -d "$QEMU_TREE/.git" ] || die "no QEMU work tree at $QEMU_TREE (make qemu)"
cd "$QEMU_TREE"
[ -z "$(git status --porcelain --untracked-files=no)" ] || [ "$check" = --check ] ||
	die "$QEMU_TREE has uncommitted changes: commit them first"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

git format-patch -q --zero-commit -o "$tmp/raw" "$QEMU_BASE_TAG..$QEMU_BRANCH"
to=() cc=()
while IFS= read -r who; do
	case "$who" in
	*"(maintainer:"*|*"(supporter:"*) to+=("--to=${who%% (*}") ;;
	*) cc+=("--cc=${who%% (*}") ;;
	esac
done < <(PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0 perl scripts/get_maintainer.pl --no-git --no-git-fallback \
	"$tmp"/raw/*.patch 2>/dev/null | sort -u)
git branch -f qemu-export "$QEMU_BRANCH"
git config branch.qemu-export.description "$(cat "$TOP/qemu/cover")"
newest=$(git log --format=%at "$QEMU_BASE_TAG..$QEMU_BRANCH" | sort -n | tail -n 1)
GIT_COMMITTER_DATE="@${newest:-0} +0000" \
git format-patch -q --zero-commit --cover-letter --cover-from-description=subject \
	--base="$QEMU_BASE_TAG" --signature=vfio-reset --subject-prefix="$(cat "$TOP/qemu/prefix")" \
	"${to[@]}" "${cc[@]}" -o "$tmp/out" "$QEMU_BASE_TAG..qemu-export"
# The base is Debian's orig tarball, not a QEMU commit: say which
sed -i "s|^base-commit: .*|base-commit: QEMU $QEMU_VERSION ($QEMU_ORIG, sha256 $QEMU_ORIG_SHA256)|" \
	"$tmp/out/0000-cover-letter.patch"
(cd "$tmp/out" && ls -1 ./*.patch | sed 's#^\./##' | grep -v '^0000-cover-letter') >"$tmp/out/series"
if diff -r -q "$tmp/out" "$QEMU_PATCHES" >/dev/null 2>&1; then
	echo "qemu/patches matches $QEMU_TREE"
	exit 0
fi
if [ "$check" = --check ]; then
	echo "qemu/patches differs from $QEMU_TREE"
	exit 1
fi
rm -rf "$QEMU_PATCHES"
cp -a "$tmp/out" "$QEMU_PATCHES"
step "exported qemu/patches: $(wc -l <"$QEMU_PATCHES/series") patches + cover letter"
