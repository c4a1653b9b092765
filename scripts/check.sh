#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check: the gates a VFIO maintainer runs before reading the series.
#
# The series is taken from patches/ (not from the work tree): git am applies
# it to the pristine base in a scratch worktree ($CK/tree), and every gate
# judges what that produced. Each gate prints one line,
#   PASS  check GATE: detail     or     FAIL  check GATE: detail
# also written to $LOGS/check.results for the summary of make test.
# Warnings the base already has never fail a gate; new ones always do.
# Results for unchanged trees are cached in $CK/cache, keyed by git tree id.
#
#   PATCHES=DIR        check another series (scripts/check-gates.sh), or
#                      one posting of the mainline line (check-postings.sh)
#   PRE_PATCHES="DIR..." series applied first and not judged: the postings
#                      a posting stacks on; the gates compare against them
#   CHECK_LABEL=NAME   name the results "check NAME GATE"
#   CHECK_GATES="..."  run only these gates (am always runs)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PATCHES=${PATCHES:-$TOP/patches}
GATES=${CHECK_GATES:-diffstat checkpatch build sparse coccicheck kernel-doc}
CK=$LB/check
WT=$CK/tree
CO=$CK/obj
ALLOW=$TOP/config/checkpatch-allow.txt
RESULTS=${CHECK_RESULTS:-$LOGS/check.results}
DIRS=(drivers/vfio/ drivers/iommu/iommufd/ drivers/pci/pcie/ samples/vfio-mdev/)
mkdir -p "$CK/cache" "$(dirname "$RESULTS")"
: >"$RESULTS"
failed=0

gate() {
	printf '%s  check %s%s: %s\n' "$1" "${CHECK_LABEL:+$CHECK_LABEL }" "$2" "$3" | tee -a "$RESULTS"
	[ "$1" = PASS ] || failed=1
}

# "file:line:col: warning: text" -> "COUNT file: warning: text": line
# numbers go (patches move code), how often each warning occurs stays.
normalize() {
	sed -E -e "s#^($CO|$WT)/##" -e 's/^([^: ]+):[0-9]+(:[0-9]+)?:/\1:/' |
		LC_ALL=C sort | uniq -c | sed 's/^ *//' | LC_ALL=C sort
}

# Lines of $2 not in $1: new warnings, or more of one than the base has.
new_lines() { LC_ALL=C comm -13 "$1" "$2"; }
total() { awk '{ n += $1 } END { print n + 0 }' "$1"; }
checkout() { git -C "$WT" checkout -q -f --detach "$1"; }

# The gates' kernel: the test kernel's fragments and config/check.config.
check_configure() {
	kernel_frag "$WT" "$CO.frag" "$TOP/config/check.config"
	KCONFIG_FRAG=$CO.frag kernel_configure "$WT" "$CO"
}

# --- the series applies to a pristine base -----------------------------------
# am_dir DIR: git am of DIR/series in $WT; 1 (after the gate's line) if
# a patch does not apply
am_dir() {
	local p
	while read -r p; do
		case "$p" in ''|'#'*) continue ;; esac
		if ! git -C "$WT" am -q --keep-cr "$1/$p" >"$CK/am.log" 2>&1; then
			gate FAIL am "${1#"$TOP"/}/$p does not apply: $(head -n 1 "$CK/am.log")"
			git -C "$WT" am --abort >/dev/null 2>&1 || true
			return 1
		fi
	done <"$1/series"
}

gate_am() {
	local d
	step "check: applying ${PATCHES#"$TOP"/} to the pristine base${PRE_PATCHES:+ and the postings before it}"
	if [ ! -d "$WT" ]; then
		git -C "$TREE" worktree prune
		git -C "$TREE" worktree add -q --detach "$WT" "$BASE_TAG"
	fi
	git -C "$WT" am --abort >/dev/null 2>&1 || true
	checkout "$BASE_TAG"
	for d in ${PRE_PATCHES:-}; do
		am_dir "$d" || return 1
	done
	FROM=$(git -C "$WT" rev-parse HEAD)
	am_dir "$PATCHES" || return 1
	HEAD=$(git -C "$WT" rev-parse HEAD)
	gate PASS am "${#series[@]} patches apply to $BASE_TAG${PRE_PATCHES:+ + $(wc -w <<<"$PRE_PATCHES") earlier posting(s)} with git am"
}

# --- the cover letter's diffstat is the series' ------------------------------
gate_diffstat() {
	local want have
	want=$(git -C "$WT" diff --shortstat "$FROM" "$HEAD" | sed 's/^ *//')
	have=$(grep -E '^ [0-9]+ files? changed' "$PATCHES/0000-cover-letter.patch" |
		sed 's/^ *//' || true)
	if [ -n "$want" ] && [ "$want" = "$have" ]; then
		gate PASS diffstat "cover letter: $have"
	else
		gate FAIL diffstat "cover letter says '${have:-nothing}', the series makes '$want'"
	fi
}

# --- checkpatch --strict on every patch --------------------------------------
# config/checkpatch-allow.txt: "PATCH-GLOB TYPE  # why"; a finding of that
# type in a patch whose file name matches the glob passes.
allowed() {	# $1 patch file name, $2 checkpatch type
	local glob type _
	while read -r glob type _; do
		case "$glob" in ''|'#'*) continue ;; esac
		# shellcheck disable=SC2053
		[[ "$1" == $glob && "$2" == "$type" ]] && return 0
	done <"$ALLOW"
	return 1
}

gate_checkpatch() {
	local p line type bad=""
	step "check: checkpatch --strict"
	for p in "${series[@]}"; do
		# spdxcheck.py wants Debian's python3 (python3-ply, python3-git)
		while IFS= read -r line; do
			type=$(sed -nE 's/^[^ ]+ (ERROR|WARNING|CHECK):([A-Z_0-9]+):.*/\2/p' <<<"$line")
			[ -n "$type" ] && ! allowed "$p" "$type" || continue
			bad+="$p: ${line#*: }"$'\n'
		done < <(PATH=/usr/bin:$PATH "$WT/scripts/checkpatch.pl" --strict \
			--terse --show-types --no-summary "$PATCHES/$p" 2>/dev/null || true)
	done
	if [ -z "$bad" ]; then
		gate PASS checkpatch "${#series[@]} patches, no finding outside $(basename "$ALLOW")"
	else
		gate FAIL checkpatch "$(grep -c . <<<"$bad") finding(s): $(head -n 3 <<<"$bad" | tr '\n' ' ')"
	fi
}

# --- each patch builds alone: W=1 objects, sparse, selftests -----------------
# For the base and every commit: the objects of drivers/vfio,
# drivers/iommu/iommufd, drivers/pci/pcie and samples/vfio-mdev (mtty)
# rebuilt with W=1 and sparse over them (C=2, one pass), and the vfio
# selftests. The kernel part is keyed by the commit's tree less tools/ and
# Documentation/, the selftests by tools/ and the uapi headers: a
# selftest-only patch builds no kernel object and a kernel-only patch no
# selftest. ccache replays the compiler's warnings, scripts/sparse-cached.sh
# sparse's.

# cache_key COMMIT PATH...: the tree ids of PATHs of COMMIT, with the
# directories and config, as a file name; PATH "-" is the top level less
# tools/ and Documentation/
cache_key() {
	local c=$1 p
	shift
	{
		for p in "$@"; do
			if [ "$p" = - ]; then
				git -C "$WT" ls-tree "$c" |
					awk -F'\t' '$2 != "tools" && $2 != "Documentation"'
			else
				git -C "$WT" rev-parse "$c:$p" 2>/dev/null || echo "no $p"
			fi
		done
		echo "${DIRS[*]}"
		cat "$CO.frag"
	} | md5sum | cut -c1-16
}

# build_kernel COMMIT: prints the prefix of its .w1, .sparse, .w1.raw, .rc
build_kernel() {
	local out rc=0
	out=$CK/cache/k-$(cache_key "$1" -)
	if [ ! -f "$out.rc" ]; then
		checkout "$1"
		rm -rf "${DIRS[@]/#/$CO/}" "$CK/sparse"
		SPARSE=$SPARSE SPARSE_REPORTS=$CK/sparse SPARSE_CACHE=$CK/sparse-cache \
			kmake "$WT" "$CO" -j"$JOBS" W=1 C=2 \
			CHECK="$TOP/scripts/sparse-cached.sh" "${DIRS[@]}" \
			2>"$out.w1.raw" >/dev/null || rc=$?
		cat "$CK"/sparse/* 2>/dev/null >"$out.sparse.raw" || true
		# kbuild turns C=2 off, with a warning, for a sparse too old
		! grep -q 'is not available or not up to date' "$out.w1.raw" || rc=1
		grep -E 'warning:|error:' "$out.w1.raw" | normalize >"$out.w1" || true
		grep -E 'warning:|error:' "$out.sparse.raw" | normalize >"$out.sparse" || true
		echo "$rc" >"$out.rc"
	fi
	echo "$out"
}

# build_ksft COMMIT: prints the prefix of its .ksft, .rc
build_ksft() {
	local out rc=0
	out=$CK/cache/t-$(cache_key "$1" tools include/uapi arch/x86/include/uapi scripts Makefile)
	if [ ! -f "$out.rc" ]; then
		: >"$out.ksft"
		if git -C "$WT" cat-file -e "$1:tools/testing/selftests/vfio" 2>/dev/null; then
			checkout "$1"
			kmake "$WT" "$CO" headers >/dev/null 2>&1 || rc=$?
			# from scratch: dependency files of another commit name
			# headers this one may not have
			rm -rf "$CK/ksft"
			mkdir -p "$CK/ksft"
			[ "$rc" != 0 ] || make -s -C "$WT/tools/testing/selftests/vfio" \
				-j"$JOBS" CC="$(make_cc)" OUTPUT="$CK/ksft" \
				KHDR_INCLUDES="-isystem $CO/usr/include" >"$out.ksft" 2>&1 || rc=$?
			! grep -qE 'warning:|error:' "$out.ksft" || rc=1
		fi
		echo "$rc" >"$out.rc"
	fi
	echo "$out"
}

gate_build_sparse() {
	local c n=0 k t kb subj w s broken="" w1="" sp=""
	check_configure
	SPARSE=$("$TOP/scripts/build-sparse.sh")
	step "check: building every commit (W=1, sparse, selftests)"
	kb=$(build_kernel "$FROM")
	t=$(build_ksft "$FROM")
	[ "$(cat "$kb.rc" "$t.rc")" = "0
0" ] || die "the base does not build: $kb.w1.raw $t.ksft"
	for c in $(git -C "$WT" rev-list --reverse "$FROM..$HEAD"); do
		n=$((n + 1))
		subj=$(git -C "$WT" log -1 --format=%s "$c")
		k=$(build_kernel "$c")
		t=$(build_ksft "$c")
		if [ "$(cat "$k.rc")" != 0 ] || [ "$(cat "$t.rc")" != 0 ]; then
			broken+="patch $n ($subj) does not build: $(cat "$k.w1.raw" "$t.ksft" |
				grep -m 1 -E 'error|warning'); "
			continue
		fi
		w=$(new_lines "$kb.w1" "$k.w1")
		[ -z "$w" ] || w1+="patch $n: $(head -n 2 <<<"$w" | tr '\n' ' '); "
		s=$(new_lines "$kb.sparse" "$k.sparse")
		[ -z "$s" ] || sp+="patch $n: $(head -n 2 <<<"$s" | tr '\n' ' '); "
	done
	checkout "$HEAD"
	if [[ " $GATES " == *" build "* ]]; then
		if [ -z "$broken$w1" ]; then
			gate PASS build "each of $n patches builds alone, no new W=1 warning ($(total "$kb.w1") on the base)"
		else
			gate FAIL build "$broken$w1"
		fi
	fi
	if [[ " $GATES " == *" sparse "* ]]; then
		if [ -z "$broken$sp" ]; then
			gate PASS sparse "no new warning in ${DIRS[*]} ($(total "$kb.sparse") on the base)"
		else
			gate FAIL sparse "${sp:-not every patch builds}"
		fi
	fi
}

# --- coccicheck MODE=report M=drivers/vfio -----------------------------------
cocci() {	# $1 commit; prints the path of its normalized report
	local out
	out=$CK/cache/cocci-$(git -C "$WT" rev-parse "$1:drivers/vfio")
	if [ ! -f "$out" ]; then
		checkout "$1"
		step "check: coccicheck on drivers/vfio at $(git -C "$WT" log -1 --format=%h "$1") (about 1 min)"
		if ! with_progress coccicheck kmake "$WT" "$CO" coccicheck \
			MODE=report M=drivers/vfio J="$JOBS" >"$out.raw" 2>&1; then
			echo "coccicheck failed: $(grep -m 1 -iE 'error|fail|not found' "$out.raw")" >&2
			return 1
		fi
		grep -E '^[^ ]+\.[ch]:[0-9]+' "$out.raw" | normalize >"$out" || true
	fi
	echo "$out"
}

gate_coccicheck() {
	local cb ch c
	check_configure
	if ! cb=$(cocci "$FROM") || ! ch=$(cocci "$HEAD"); then
		c="coccicheck itself failed (see $CK/cache/cocci-*.raw)"
	else
		c=$(new_lines "$cb" "$ch")
	fi
	checkout "$HEAD"
	if [ -z "$c" ]; then
		gate PASS coccicheck "no new report in drivers/vfio ($(total "$cb") on the base)"
	else
		gate FAIL coccicheck "$(head -n 3 <<<"$c" | tr '\n' ' ')"
	fi
}

# --- kernel-doc on every touched kernel file ---------------------------------
# No new kernel-doc warning, and every new non-static function in kernel
# code has a kernel-doc comment.
kdoc_warnings() {	# $1 file to read, $2 name to report it under
	# 6.12's kernel-doc prints "FILE:LINE: warning: ...", 7.x's
	# "Warning: FILE:LINE ...": the file named $2, no line numbers
	"$WT/scripts/kernel-doc" -none -Wall "$1" 2>&1 |
		sed -E "s#$1:[0-9]+:? #$2: #" | normalize
}

gate_kernel_doc() {
	local f fn files bad="" w
	files=$(git -C "$WT" diff --name-only --diff-filter=AM "$FROM" "$HEAD" -- \
		'*.c' '*.h' | grep -v '^tools/' || true)
	for f in $files; do
		git -C "$WT" show "$FROM:$f" >"$CK/kdoc.base" 2>/dev/null || : >"$CK/kdoc.base"
		kdoc_warnings "$CK/kdoc.base" "$f" >"$CK/kdoc.old"
		kdoc_warnings "$WT/$f" "$f" >"$CK/kdoc.new"
		w=$(new_lines "$CK/kdoc.old" "$CK/kdoc.new")
		[ -z "$w" ] || bad+="$(head -n 2 <<<"$w" | tr '\n' ' '); "
		case "$f" in *.c) ;; *) continue ;; esac
		# function definitions the patches add: "type name(" at column 0
		# (VISIBLE_IF_KUNIT ones too), not static (on that line or the
		# one before)
		for fn in $(git -C "$WT" diff -U0 "$FROM" "$HEAD" -- "$f" |
			sed -nE 's/^\+([A-Za-z_][A-Za-z0-9_ ]*[ *])?([a-z_][a-z0-9_]*)\(.*[^;]$/\2/p' |
			sort -u); do
			grep -B1 -E "^([a-z_].*[ *])?$fn\(" "$WT/$f" | grep -qw static && continue
			# grep reads all: -q would stop early, and kernel-doc's
			# SIGPIPE would fail the pipe (pipefail)
			"$WT/scripts/kernel-doc" -rst -function "$fn" "$WT/$f" 2>/dev/null |
				grep 'c:function::' >/dev/null || bad+="$f: $fn() has no kernel-doc; "
		done
	done
	if [ -z "$bad" ]; then
		gate PASS kernel-doc "no new warning, no undocumented new function in $(wc -w <<<"$files") touched kernel file(s)"
	else
		gate FAIL kernel-doc "$bad"
	fi
}

[ -d "$TREE/.git" ] || die "no work tree at $TREE (make tree)"
series=()
while read -r p; do
	case "$p" in ''|'#'*) ;; *) series+=("$p") ;; esac
done <"$PATCHES/series"

gate_am || exit 1
for g in $GATES; do
	case "$g" in
	diffstat) gate_diffstat ;;
	checkpatch) gate_checkpatch ;;
	build) gate_build_sparse ;;
	sparse) [[ " $GATES " == *" build "* ]] || gate_build_sparse ;;
	coccicheck) gate_coccicheck ;;
	kernel-doc) gate_kernel_doc ;;
	*) die "unknown gate $g" ;;
	esac
done
exit "$failed"
