#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Unpack the pristine base kernel source of the line ($LINE, bases/) into $1
# (a new directory).
#
# Default: Debian's $DEB_PKG at the pinned $DEB_VERSION. When that version
# has left the archive, warn and take the newest package that
# $DEB_FALLBACK names (scripts/mktree.sh then says whether the series still
# applies). KERNEL_SRC=/path/to/linux uses that tree instead; its version
# must match the line's ($KVER).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

dest=${1:?usage: base-source.sh DEST}
[ ! -e "$dest" ] || die "$dest already exists"

if [ -n "${KERNEL_SRC:-}" ]; then
	[ -f "$KERNEL_SRC/Makefile" ] || die "KERNEL_SRC=$KERNEL_SRC is not a kernel tree"
	ver=$(make -s -C "$KERNEL_SRC" kernelversion)
	# shellcheck disable=SC2254
	case "$ver" in $KVER) ;; *) die "KERNEL_SRC is $ver, not the $LINE line's ($KVER)" ;; esac
	step "copying base from KERNEL_SRC=$KERNEL_SRC ($ver)"
	mkdir -p "$dest"
	git -C "$KERNEL_SRC" archive HEAD 2>/dev/null | tar -x -C "$dest" ||
		rsync -a --exclude=.git "$KERNEL_SRC/" "$dest/"
	echo "$ver (KERNEL_SRC)" >"$dest/.base-origin"
	exit 0
fi

dl=$BUILD/dl
mkdir -p "$dl"
get() { (cd "$dl" && apt-get -qq -o APT::Sandbox::User=root download "$@"); }
deb=$(ls "$dl/${DEB_PKG}_${DEB_VERSION/:/%3a}_all.deb" 2>/dev/null || true)
if [ -z "$deb" ]; then
	step "downloading $DEB_PKG=$DEB_VERSION"
	if ! get "$DEB_PKG=$DEB_VERSION"; then
		pkg=$(apt-cache search --names-only "$DEB_FALLBACK" | cut -d' ' -f1 | sort -V | tail -n 1)
		[ -n "$pkg" ] || die "$DEB_PKG $DEB_VERSION has left the archive, and no package matches $DEB_FALLBACK"
		step "WARNING: $DEB_PKG $DEB_VERSION has left the archive; using the newest: $pkg"
		rm -f "$dl/${pkg}"_*.deb
		get "$pkg"
		deb=$(ls "$dl/${pkg}"_*.deb | head -n 1)
	else
		deb=$(ls "$dl/${DEB_PKG}_${DEB_VERSION/:/%3a}_all.deb")
	fi
fi
pkg=$(dpkg-deb -f "$deb" Package)
pkgver=$(dpkg-deb -f "$deb" Version)
step "unpacking $pkg $pkgver"
tmp=$(mktemp -d "$BUILD/unpack.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" --wildcards '*.tar.xz'
mkdir -p "$dest"
with_progress "unpacking" tar -xJf "$tmp/usr/src/$pkg.tar.xz" -C "$dest" --strip-components=1
echo "$pkg $pkgver" >"$dest/.base-origin"
