#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Make the QEMU work tree, once: Debian's orig tarball of the pinned
# version (bases/qemu.base) as the commit tagged qemu-base, then the
# series of qemu/patches as commits on the branch vfio-reset.
#
# The source comes from the pinned suite's deb-src index on the mirror the
# machine's own apt sources name, through a private apt configuration
# (the machine's apt is not touched). QEMU_SRC=/path/to/qemu uses that
# tree instead (its VERSION must be the pin's).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/qemu-lib.sh"

[ ! -e "$QEMU_TREE" ] || die "$QEMU_TREE already exists"
dl=$BUILD/dl
mkdir -p "$dl" "$QEMU_LB"
orig=$dl/$QEMU_ORIG
if [ -n "${QEMU_SRC:-}" ]; then
	[ "$(cat "$QEMU_SRC/VERSION" 2>/dev/null)" = "$QEMU_VERSION" ] ||
		die "QEMU_SRC=$QEMU_SRC is not QEMU $QEMU_VERSION"
elif ! echo "$QEMU_ORIG_SHA256  $orig" | sha256sum -c --status 2>/dev/null; then
	mirror=$(debian_mirror)
	[ -n "$mirror" ] || die "no Debian mirror in the machine's apt sources"
	apt=$QEMU_LB/apt
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
	echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $QEMU_DEB_SUITE main" \
		>"$apt/sources.list"
	opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
	      -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o APT::Sandbox::User=root)
	step "qemu: reading $QEMU_DEB_SUITE's source index on $mirror"
	apt-get "${opts[@]}" -qq update
	step "qemu: downloading qemu=$QEMU_DEB_VERSION ($QEMU_DEB_SUITE's source package, ~39 MB)"
	if ! (cd "$dl" && with_progress "download" apt-get "${opts[@]}" -qq --download-only \
		source "qemu=$QEMU_DEB_VERSION"); then
		offered=$(apt-cache "${opts[@]}" showsrc qemu 2>/dev/null |
			sed -n 's/^Version: //p' | tr '\n' ' ')
		die "qemu $QEMU_DEB_VERSION has left $QEMU_DEB_SUITE's sources (it offers: ${offered:-nothing}); pin another version in bases/qemu.base, or set QEMU_SRC"
	fi
	echo "$QEMU_ORIG_SHA256  $orig" | sha256sum -c --status ||
		die "$QEMU_ORIG does not match bases/qemu.base's sha256"
fi

step "qemu: unpacking QEMU $QEMU_VERSION into $QEMU_TREE"
mkdir -p "$QEMU_TREE"
if [ -n "${QEMU_SRC:-}" ]; then
	rsync -a --exclude=.git "$QEMU_SRC/" "$QEMU_TREE/"
else
	with_progress "unpacking" tar -xJf "$orig" -C "$QEMU_TREE" --strip-components=1
fi
cd "$QEMU_TREE"
git init -q -b "$QEMU_BRANCH"
git config user.name "VFIO Reset Team"
git config user.email "vfio-reset@example.org"
git add -A -f
git commit -q -m "QEMU $QEMU_VERSION ($QEMU_ORIG)"
git tag "$QEMU_BASE_TAG"
# Debian's +ds tarball leaves out the EDK2 firmware blobs, which meson
# wants to unpack for x86_64: empty stand-ins, outside git (the testbed
# boots SeaBIOS).
for f in $(sed -n '/fds = \[/,/\]/p' pc-bios/meson.build | grep -o "edk2-[a-z0-9_-]*\.fd"); do
	[ -e "pc-bios/$f.bz2" ] || bzip2 -c </dev/null >"pc-bios/$f.bz2"
done
git ls-files -o --exclude-standard pc-bios >>.git/info/exclude
mapfile -t patches < <(cat "$QEMU_PATCHES/series" 2>/dev/null || true)
if [ ${#patches[@]} -gt 0 ]; then
	step "qemu: applying ${#patches[@]} patches of qemu/patches"
	git am -q --committer-date-is-author-date "${patches[@]/#/$QEMU_PATCHES/}" ||
		die "qemu/patches does not apply to QEMU $QEMU_VERSION"
fi
