#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Prove that the gates of make check can fail: plant one defect at a time in
# a scratch series (patches/ plus planted patches), run the gate that must
# catch it, and check that it failed for that reason. One result line per
# defect, written to $LOGS/check-gates.results as well.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

CK=$LB/check
PT=$CK/plant			# scratch worktree where the defects are made
RESULTS=$LOGS/check-gates.results
FILE=drivers/vfio/pci/vfio_pci_core.c
mkdir -p "$CK" "$(dirname "$RESULTS")"
: >"$RESULTS"
failed=0

if [ ! -d "$PT" ]; then
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$PT" "$BASE_TAG"
fi
git -C "$PT" am --abort >/dev/null 2>&1 || true
git -C "$PT" checkout -q -f --detach "$BASE_TAG"
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	git -C "$PT" am -q --keep-cr "$TOP/patches/$p"
done <"$TOP/patches/series"
series_head=$(git -C "$PT" rev-parse HEAD)

commit() {	# $1 subject
	git -C "$PT" -c user.name=planted -c user.email=planted@localhost \
		commit -q -a -s -m "vfio/pci: $1" -m "A defect planted by check-gates.sh."
}

# plant NAME GATE EXPECT EDIT...: make the commits EDIT describes on top of
# the series, run GATE on the result, and expect it to fail with EXPECT.
plant() {
	local name=$1 gate=$2 expect=$3 dir=$CK/planted out
	shift 3
	git -C "$PT" checkout -q -f --detach "$series_head"
	"$@"
	rm -rf "$dir"
	git -C "$PT" format-patch -q --zero-commit -o "$dir" "$BASE_TAG..HEAD"
	(cd "$dir" && ls -1 -- *.patch) >"$dir/series"
	step "check-gates: $name -> $gate"
	out=$(PATCHES=$dir CHECK_GATES=$gate CHECK_RESULTS=$CK/planted.results \
		"$TOP/scripts/check.sh" 2>/dev/null || true)
	if grep -q "^FAIL  check $gate: .*$expect" <<<"$out"; then
		echo "PASS  check-gates $name: caught by $gate: $(sed -n "s/^FAIL  check $gate: //p" <<<"$out" | cut -c 1-140)" |
			tee -a "$RESULTS"
	else
		echo "FAIL  check-gates $name: $gate did not catch it: $(grep "check $gate" <<<"$out")" |
			tee -a "$RESULTS"
		failed=1
	fi
}

long_line() {
	printf '/* %s */\n' "$(printf 'a%.0s' $(seq 1 110))" >>"$PT/$FILE"
	commit "add an over-long comment line"
}

user_deref() {
	cat >>"$PT/$FILE" <<'EOF'

static __maybe_unused u32 vfio_pci_planted_peek(u32 __user *uptr)
{
	return *uptr;
}
EOF
	commit "read a user pointer directly"
}

undocumented_export() {
	cat >>"$PT/$FILE" <<'EOF'

bool vfio_pci_planted_reset_works(struct vfio_pci_core_device *vdev);
bool vfio_pci_planted_reset_works(struct vfio_pci_core_device *vdev)
{
	return vdev->reset_works;
}
EXPORT_SYMBOL_GPL(vfio_pci_planted_reset_works);
EOF
	commit "export an undocumented function"
}

not_bisectable() {
	cat >>"$PT/$FILE" <<'EOF'

static __maybe_unused int vfio_pci_planted_user(void)
{
	return vfio_pci_planted_helper();
}
EOF
	commit "call a helper the next patch adds"
	sed -i 's/^static __maybe_unused int vfio_pci_planted_user(void)$/static int vfio_pci_planted_helper(void)\n{\n\treturn 0;\n}\n\n&/' \
		"$PT/$FILE"
	commit "add the helper"
}

plant "over-long line" checkpatch LONG_LINE long_line
plant "__user pointer dereferenced" sparse "noderef" user_deref
plant "exported function without kernel-doc" kernel-doc "has no kernel-doc" undocumented_export
plant "patch that does not build alone" build "does not build" not_bisectable
git -C "$PT" checkout -q -f --detach "$series_head"
exit "$failed"
