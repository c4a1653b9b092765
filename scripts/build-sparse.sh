#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The sparse of make check: Linux 7.x's kbuild wants one that knows
# __typeof_unqual__ (scripts/checker-valid.sh); Debian 12's sparse 0.6.4
# does not, and kbuild then turns C=2 off with no more than a warning.
# Built from Debian's source package $SPARSE_VERSION (sid; when it has
# left, sid's own, with a warning), fetched from
# the mirror the machine's own apt sources name with a private apt
# configuration (deb-src only: nothing is installed from sid), into
# $BUILD/sparse/bin/sparse. Prints that path.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

SPARSE_VERSION=${SPARSE_VERSION:-0.6.5~rc1-2}
dir=$BUILD/sparse
bin=$dir/bin/sparse
if [ -x "$bin" ] && [ "$(cat "$dir/version" 2>/dev/null)" = "$SPARSE_VERSION" ]; then
	echo "$bin"
	exit 0
fi

mirror=$(debian_mirror)
[ -n "$mirror" ] || die "no Debian mirror in the machine's apt sources to fetch sparse from"
rm -rf "$dir"
mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache" "$dir/src"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror sid main" \
	>"$dir/apt/sources.list"
apt_sid=(-o Dir::Etc::SourceList="$dir/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
	 -o Dir::State::Lists="$dir/apt/lists" -o Dir::Cache="$dir/apt/cache"
	 -o APT::Sandbox::User=root)
step "fetching sid's source index from $mirror (for sparse $SPARSE_VERSION)"
with_progress "apt-get update" apt-get -qq "${apt_sid[@]}" update >&2
if ! (cd "$dir/src" && apt-get -qq "${apt_sid[@]}" source --download-only \
	"sparse=$SPARSE_VERSION" >&2); then
	# as scripts/base-source.sh does for the kernel: warn, take sid's
	have=$(apt-cache "${apt_sid[@]}" showsrc sparse 2>/dev/null |
		sed -n 's/^Version: //p' | sort -V | tail -n 1)
	[ -n "$have" ] || die "sparse is no longer in sid's sources"
	step "WARNING: sparse $SPARSE_VERSION has left sid's sources; building $have"
	SPARSE_VERSION=$have
	rm -f "$dir/src"/*
	(cd "$dir/src" && apt-get -qq "${apt_sid[@]}" source --download-only \
		"sparse=$SPARSE_VERSION" >&2)
fi
step "building sparse $SPARSE_VERSION"
# apt checked the files against sid's signed index
(cd "$dir/src" && dpkg-source -q --no-check -x ./*.dsc tree >&2)
with_progress "make sparse" make -s -C "$dir/src/tree" -j"$JOBS" CC=gcc PREFIX="$dir" \
	HAVE_LLVM=no HAVE_GTK=no HAVE_SQLITE=no HAVE_LIBXML=no install \
	>"$dir/build.log" 2>&1 || die "sparse did not build: $dir/build.log"
echo "$SPARSE_VERSION" >"$dir/version"
echo "$bin"
