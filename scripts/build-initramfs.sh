#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Pack the guest initramfs: busybox-static, guest/init, the topologies and
# test plans (tests/, or $TB_TESTS), and the statically linked programs in
# $BUILD/guest-bin.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

busybox=/bin/busybox
"$busybox" --list >/dev/null 2>&1 || die "busybox-static is not installed"

root=$BUILD/initramfs
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,dev,proc,sys,etc/vfio-tb/topologies,etc/vfio-tb/tests,usr/lib/vfio-tb}
cp "$busybox" "$root/bin/busybox"
for app in $("$busybox" --list); do
	[ -e "$root/bin/$app" ] || ln -s busybox "$root/bin/$app"
done
install -m 755 "$TOP/guest/init" "$root/init"
install -m 755 "$TOP/guest/kunit-results" "$root/usr/lib/vfio-tb/"
cp "$TOP"/topologies/*.topo "$root/etc/vfio-tb/topologies/"
cp "${TB_TESTS:-$TOP/tests}"/*.test "$root/etc/vfio-tb/tests/"
if [ -d "$BUILD/guest-bin" ]; then
	cp -a "$BUILD/guest-bin/." "$root/usr/lib/vfio-tb/"
fi
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -1 >"$BUILD/initramfs.cpio.gz"
step "initramfs: $BUILD/initramfs.cpio.gz ($(du -h "$BUILD/initramfs.cpio.gz" | cut -f1))"
