# SPDX-License-Identifier: GPL-2.0
# Shared settings and helpers for the testbed scripts. Sourced, never run.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
# The line: mainline (Linux 7.3, postings/) or lts (Linux 6.12, patches/);
# bases/LINE.base pins its source. Each line has its own trees and builds:
# lts in $BUILD, mainline in $BUILD/mainline.
LINE=${LINE:-lts}
[ -r "$TOP/bases/$LINE.base" ] || { echo "error: no line '$LINE' (bases/)" >&2; exit 1; }
. "$TOP/bases/$LINE.base"
case "$LINE" in
lts) LB=$BUILD ;;
*) LB=$BUILD/$LINE ;;
esac
TREE=${TREE:-$LB/linux}			# kernel git work tree (base + series)
OBJ=${OBJ:-$LB/obj}			# out-of-tree kernel build (O=)
BASE_TREE=${BASE_TREE:-$LB/base/linux}	# worktree of $BASE_TAG (bench, base runs)
BASE_OBJ=${BASE_OBJ:-$LB/base/obj}	# ... and its build
SAN_OBJ=${SAN_OBJ:-$LB/obj-san}		# the sanitizer kernel (KASAN, kmemleak)
GUEST_BIN=${GUEST_BIN:-$LB/guest-bin}	# the guest's programs
INITRAMFS=${INITRAMFS:-$LB/initramfs.cpio.gz}
LOGS=${LOGS:-$LB/logs}			# guest consoles and results
PLANS=${PLANS:-$TOP/tests/$LINE}	# the line's test plans (*.test)
BASE_TAG=${BASE_TAG:-vfio-reset-base}
# make bench's base: the line's BENCH_BASE (bases/LINE.base), else $BASE_TAG
BENCH_BASE_TAG=${BENCH_BASE:-$BASE_TAG}
BRANCH=vfio-reset
JOBS=${JOBS:-$(($(nproc) + 1))}

# The line's test plans: $PLANS/*.test, or only those $PLAN_NAMES names.
plans() {
	local p
	for p in "$PLANS"/*.test; do
		[ -z "${PLAN_NAMES:-}" ] || [[ " $PLAN_NAMES " == *" $(basename "$p" .test) "* ]] ||
			continue
		echo "$p"
	done
}

# plan_topologies VAR: the topologies that the plans list in VAR
plan_topologies() {
	local p
	for p in $(plans); do
		(TOPOLOGIES="" SAN_TOPOLOGIES="" BASE_TOPOLOGIES="" && . "$p" && printf '%s\n' ${!1})
	done | sort -u
}

# export_enter MODE: cd to the work tree for an export (make export),
# which must have no uncommitted change unless MODE is --check.
export_enter() {
	[ -d "$TREE/.git" ] || die "no work tree at $TREE"
	cd "$TREE"
	[ -z "$(git status --porcelain --untracked-files=no)" ] ||
		[ "$1" = --check ] || die "$TREE has uncommitted changes: commit them first"
}

step() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Run "$@" and print a progress line every 30 s while it runs.
with_progress() {
	local what=$1 start=$SECONDS next=$((SECONDS + 30)) pid
	shift
	"$@" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		if ((SECONDS >= next)); then
			step "$what: still running ($((SECONDS - start)) s)"
			next=$((next + 30))
		fi
	done
	wait "$pid"
}

# The first Debian mirror of the machine's sources (deb822 or one-line).
debian_mirror() {
	{
		cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
			awk '/^URIs:/ { u = $2 } /^Suites:/ && / bookworm( |$)|^Suites: bookworm$/ && u { print u; exit }'
		cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
			awk '$1 == "deb" && $3 == "bookworm" { print ($2 ~ /^\[/ ? $3 : $2); exit }'
	} | head -n 1 || true
}

make_cc() {
	if command -v ccache >/dev/null; then
		echo "ccache gcc"
	else
		echo gcc
	fi
}

# kmake SRC OBJ ARGS...: make in kernel tree SRC, out of tree in OBJ.
kmake() {
	local src=$1 obj=$2
	shift 2
	# Paths below $BUILD hashed relative to the object directory: the
	# base kernel's build ($BASE_TREE, $BASE_OBJ) hits the series' objects.
	CCACHE_BASEDIR=${CCACHE_BASEDIR:-$BUILD} make -s -C "$src" O="$obj" ARCH=x86_64 CC="$(make_cc)" "$@"
}

# kernel_frag SRC OUT [FRAGMENT...]: write the config fragment of the
# line's kernels to OUT: config/testbed.config, config/$LINE.config when
# there is one, then the FRAGMENTs, less the options SRC does not know
# (those a series adds, its KUnit suites: a base or an earlier posting
# lacks them; each is named on stderr). OUT keeps its time when unchanged.
kernel_frag() {
	local src=$1 out=$2 syms
	shift 2
	syms=$(grep -rhoE '^(menu)?config [A-Za-z0-9_]+' --include='Kconfig*' "$src" |
		awk '{print "CONFIG_" $2}' | sort -u)
	mkdir -p "$(dirname "$out")"
	cat "$TOP/config/testbed.config" $(ls "$TOP/config/$LINE.config" 2>/dev/null) "$@" |
		awk -F= 'NR == FNR { known[$1] = 1; next }
		/^CONFIG_/ && !($1 in known) { print "# not in this tree: " $0; next }
		{ print }' <(echo "$syms") - >"$out.new"
	if cmp -s "$out.new" "$out"; then rm "$out.new"; else mv "$out.new" "$out"; fi
	grep '^# not in this tree' "$out" >&2 || true
}

# kernel_configure SRC OBJ: allnoconfig + the fragment $KCONFIG_FRAG
# (kernel_frag's, by default), when the fragment is newer than
# OBJ/.config; every fragment line must survive.
kernel_configure() {
	local src=$1 obj=$2 frag=${KCONFIG_FRAG:-} missing
	mkdir -p "$obj"
	if [ -z "$frag" ]; then
		frag=$obj.frag
		kernel_frag "$src" "$frag"
	fi
	[ ! -f "$obj/.config" ] || [ "$frag" -nt "$obj/.config" ] || return 0
	step "configuring $obj: allnoconfig + ${frag#"$TOP"/}"
	kmake "$src" "$obj" KCONFIG_ALLCONFIG="$frag" allnoconfig >/dev/null
	missing=$(grep -E '^CONFIG_' "$frag" | while read -r line; do
		grep -qxF "$line" "$obj/.config" || echo "$line"
	done)
	[ -z "$missing" ] || die "config fragment lines lost (unmet dependencies):
$missing"
}
