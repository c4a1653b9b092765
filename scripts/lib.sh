# SPDX-License-Identifier: GPL-2.0
# Shared settings and helpers for the testbed scripts. Sourced, never run.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
TREE=${TREE:-$BUILD/linux}		# kernel git work tree (base + series)
OBJ=${OBJ:-$BUILD/obj}			# out-of-tree kernel build (O=)
BASE_TREE=${BASE_TREE:-$BUILD/base/linux}	# make bench: worktree of $BASE_TAG
BASE_OBJ=${BASE_OBJ:-$BUILD/base/obj}		# ... and its build
SAN_OBJ=${SAN_OBJ:-$BUILD/obj-san}		# the sanitizer kernel (KASAN, kmemleak)
BASE_TAG=vfio-reset-base
BRANCH=vfio-reset
JOBS=${JOBS:-$(($(nproc) + 1))}

# Pinned base: Debian's linux-source-6.12 at this exact version.
DEB_PKG=linux-source-6.12
DEB_VERSION=${DEB_VERSION:-6.12.117-1~deb12u1}

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

# kernel_configure SRC OBJ: allnoconfig + config/testbed.config (or the
# fragment $KCONFIG_FRAG), when the fragment is newer than OBJ/.config;
# every fragment line must survive.
kernel_configure() {
	local src=$1 obj=$2 frag=${KCONFIG_FRAG:-$TOP/config/testbed.config} missing
	mkdir -p "$obj"
	[ ! -f "$obj/.config" ] || [ "$frag" -nt "$obj/.config" ] || return 0
	step "configuring $obj: allnoconfig + ${frag#"$TOP"/}"
	kmake "$src" "$obj" KCONFIG_ALLCONFIG="$frag" allnoconfig >/dev/null
	missing=$(grep -E '^CONFIG_' "$frag" | while read -r line; do
		grep -qxF "$line" "$obj/.config" || echo "$line"
	done)
	[ -z "$missing" ] || die "config fragment lines lost (unmet dependencies):
$missing"
}
