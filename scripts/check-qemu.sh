#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check's gates on the QEMU series (qemu/patches), as qemu-devel
# would run them: QEMU's scripts/checkpatch.pl on every patch, and every
# patch builds alone (ninja, incremental in the QEMU build, no compiler
# warning). The one finding allowed: the linux-headers placeholder is not
# an update-linux-headers.sh run (said in its commit and the cover
# letter). Result lines "check qemu GATE" in $LOGS/qemu-check.results.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/qemu-lib.sh"

RESULTS=$LOGS/qemu-check.results
mkdir -p "$LOGS"
: >"$RESULTS"
failed=0
gate() {
	printf '%s  check qemu %s: %s\n' "$1" "$2" "$3" | tee -a "$RESULTS"
	[ "$1" = PASS ] || failed=1
}

[ -f "$QEMU_OBJ/build.ninja" ] || "$TOP/scripts/build-qemu.sh"
cd "$QEMU_TREE"
mapfile -t series <"$QEMU_PATCHES/series"

step "check: QEMU's checkpatch on ${#series[@]} patches"
bad=""
for p in "${series[@]}"; do
	out=$(./scripts/checkpatch.pl --no-summary "$QEMU_PATCHES/$p" 2>&1 || true)
	out=$(grep -E '^(ERROR|WARNING):' <<<"$out" || true)
	if [[ "$p" == *linux-headers* ]]; then
		out=$(grep -v 'imported from Linux, are you using scripts/update-linux-headers.sh' <<<"$out" || true)
	fi
	[ -z "$out" ] || bad+="$p: $out"$'\n'
done
if [ -z "$bad" ]; then
	gate PASS checkpatch "${#series[@]} patches, no finding but the linux-headers placeholder's"
else
	gate FAIL checkpatch "$(head -n 3 <<<"$bad" | tr '\n' ' ')"
fi

# each commit of the series, built in the QEMU build (only what it
# changes recompiles), then the branch again
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
	gate FAIL build "$QEMU_TREE has uncommitted changes: commit them, then check"
	exit 1
fi
step "check: every QEMU patch builds alone"
qemu_ninja() { ninja -C "$QEMU_OBJ" -j"$JOBS" qemu-system-x86_64 >"$QEMU_OBJ/check.out" 2>&1; }
bad="" n=0
for c in $(git rev-list --reverse "$QEMU_BASE_TAG..$QEMU_BRANCH"); do
	git checkout -q "$c"
	n=$((n + 1))
	if ! with_progress "qemu build of patch $n" qemu_ninja; then
		bad+="patch $n ($(git log -1 --format=%s)) does not build; "
	elif grep -q 'warning:' "$QEMU_OBJ/check.out"; then
		bad+="patch $n: $(grep -m 1 'warning:' "$QEMU_OBJ/check.out"); "
	fi
done
git checkout -q "$QEMU_BRANCH"
qemu_ninja || bad+="the branch does not build again; "
if [ -z "$bad" ]; then
	gate PASS build "each of $n patches builds alone, no warning"
else
	gate FAIL build "$bad"
fi
exit "$failed"
