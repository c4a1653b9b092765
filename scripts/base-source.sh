#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Unpack the pristine base kernel source into $1 (a new directory).
#
# Default: Debian's linux-source-6.12 at the pinned $DEB_VERSION. When that
# version is no longer in the archive, fall back to the newest 6.12 package
# and say so. KERNEL_SRC=/path/to/6.12.y uses that tree instead.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

dest=${1:?usage: base-source.sh DEST}
[ ! -e "$dest" ] || die "$dest already exists"

if [ -n "${KERNEL_SRC:-}" ]; then
	[ -f "$KERNEL_SRC/Makefile" ] || die "KERNEL_SRC=$KERNEL_SRC is not a kernel tree"
	ver=$(make -s -C "$KERNEL_SRC" kernelversion)
	case "$ver" in 6.12.*|6.12) ;; *) die "KERNEL_SRC is $ver, not 6.12.y" ;; esac
	step "copying base from KERNEL_SRC=$KERNEL_SRC ($ver)"
	mkdir -p "$dest"
	git -C "$KERNEL_SRC" archive HEAD 2>/dev/null | tar -x -C "$dest" ||
		rsync -a --exclude=.git "$KERNEL_SRC/" "$dest/"
	echo "$ver (KERNEL_SRC)" >"$dest/.base-origin"
	exit 0
fi

dl=$BUILD/dl
mkdir -p "$dl"
deb=$(ls "$dl"/${DEB_PKG}_*.deb 2>/dev/null | head -n 1 || true)
if [ -z "$deb" ]; then
	step "downloading $DEB_PKG=$DEB_VERSION"
	if ! (cd "$dl" && apt-get -o APT::Sandbox::User=root download "$DEB_PKG=$DEB_VERSION"); then
		step "WARNING: $DEB_PKG $DEB_VERSION is gone from the archive; using the newest 6.12"
		(cd "$dl" && apt-get -o APT::Sandbox::User=root download "$DEB_PKG")
	fi
	deb=$(ls "$dl"/${DEB_PKG}_*.deb | head -n 1)
fi
pkgver=$(dpkg-deb -f "$deb" Version)
step "unpacking $DEB_PKG $pkgver"
tmp=$(mktemp -d "$BUILD/unpack.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" --wildcards '*.tar.xz'
mkdir -p "$dest"
tar -xJf "$tmp"/usr/src/linux-source-6.12.tar.xz -C "$dest" --strip-components=1
echo "$DEB_PKG $pkgver" >"$dest/.base-origin"
