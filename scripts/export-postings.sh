#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Regenerate postings/ from the mainline work tree: one git format-patch
# directory per posting that postings/series names, each the commits from
# the tag of the posting before it (or $BASE_TAG) to its own tag
# posting/NAME, with a cover letter from postings/NAME.cover (first
# paragraph: subject; the rest: body), To the maintainers and Cc the
# reviewers and lists that the tree's scripts/get_maintainer.pl names for
# it, plus postings/NAME.cc (one address a line, # comments), and the
# posting it depends on. postings/NAME.prefix, where there is one, gives
# the subject prefix ("RFC PATCH"; PATCH without it). Byte-identical when
# nothing changed.
#
#   export-postings.sh           write postings/
#   export-postings.sh --check   only tell whether postings/ is up to date
set -euo pipefail
LINE=mainline
. "$(dirname "$0")/lib.sh"

check=${1:-}
export_enter "$check"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

prev=$BASE_TAG prev_name="" differ=0
while read -r name; do
	case "$name" in ''|'#'*) continue ;; esac
	tag=posting/$name
	git rev-parse -q --verify "$tag" >/dev/null || die "no tag $tag in $TREE"
	cover=$TOP/$SERIES_DIR/$name.cover
	[ -f "$cover" ] || die "no cover letter text $cover"
	out=$tmp/$name
	git format-patch -q --zero-commit -o "$out.raw" "$prev..$tag"
	to=() cc=()
	# get_maintainer.pl's order follows perl's hash order: fixed here,
	# so that the export is reproducible
	while IFS= read -r who; do
		case "$who" in
		*"(maintainer:"*Keyword:*) cc+=("--cc=${who%% (*}") ;;
		*"(maintainer:"*) to+=("--to=${who%% (*}") ;;
		*) cc+=("--cc=${who%% (*}") ;;
		esac
	done < <(PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0 perl scripts/get_maintainer.pl --no-git --no-git-fallback --no-tree \
		"$out.raw"/*.patch 2>/dev/null)
	if [ -f "$TOP/$SERIES_DIR/$name.cc" ]; then
		while read -r who; do
			case "$who" in ''|'#'*) continue ;; esac
			cc+=("--cc=$who")
		done <"$TOP/$SERIES_DIR/$name.cc"
	fi
	prefix=PATCH
	[ ! -f "$TOP/$SERIES_DIR/$name.prefix" ] || prefix=$(cat "$TOP/$SERIES_DIR/$name.prefix")
	desc=$(cat "$cover")
	if [ -n "$prev_name" ]; then
		desc+=$'\n\n'"This posting applies on top of \"$(head -n 1 "$TOP/$SERIES_DIR/$prev_name.cover")\" ($prev_name), the posting before it."
	fi
	# the cover letter's text is a branch's description
	git branch -f posting-export "$tag"
	git config "branch.posting-export.description" "$desc"
	newest=$(git log --format=%at "$prev..$tag" | sort -n | tail -n 1)
	GIT_COMMITTER_DATE="@${newest:-0} +0000" \
	git format-patch -q --zero-commit --cover-letter --cover-from-description=subject \
		--base="$prev" --signature=vfio-reset --subject-prefix="$prefix" \
		"${to[@]}" "${cc[@]}" \
		-o "$out" "$prev..posting-export"
	(cd "$out" && ls -1 ./*.patch | sed 's#^\./##' | grep -v '^0000-cover-letter' || true) \
		>"$out/series"
	dest=$TOP/$SERIES_DIR/$name
	if ! diff -r -q "$out" "$dest" >/dev/null 2>&1; then
		differ=1
		if [ "$check" != --check ]; then
			rm -rf "$dest"
			cp -a "$out" "$dest"
			step "exported $name: $(wc -l <"$out/series") patches + cover letter"
		fi
	fi
	prev=$tag prev_name=$name
done <"$TOP/$SERIES_DIR/series"

if [ "$check" = --check ]; then
	[ "$differ" = 0 ] && echo "postings/ matches $TREE" && exit 0
	echo "postings/ differs from $TREE"
	exit 1
fi
