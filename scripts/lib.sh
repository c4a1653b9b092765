# SPDX-License-Identifier: GPL-2.0
# Shared settings and helpers for the testbed scripts. Sourced, never run.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
TREE=${TREE:-$BUILD/linux}		# kernel git work tree (base + series)
OBJ=${OBJ:-$BUILD/obj}			# out-of-tree kernel build (O=)
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
