#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Pack the line's guest initramfs: busybox-static, guest/init, the
# topologies, the line's test plans ($PLANS, or those $PLAN_NAMES names)
# and the statically linked programs in $GUEST_BIN.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

busybox=/bin/busybox
"$busybox" --list >/dev/null 2>&1 || die "busybox-static is not installed"

# staged next to the archive: a private INITRAMFS stages privately
root=$INITRAMFS.d
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,dev,proc,sys,etc/vfio-tb/topologies,etc/vfio-tb/tests,usr/lib/vfio-tb}
cp "$busybox" "$root/bin/busybox"
for app in $("$busybox" --list); do
	[ -e "$root/bin/$app" ] || ln -s busybox "$root/bin/$app"
done
install -m 755 "$TOP/guest/init" "$root/init"
install -m 755 "$TOP/guest/kunit-results" "$root/usr/lib/vfio-tb/"
cp "$TOP"/topologies/*.topo "$root/etc/vfio-tb/topologies/"
# shellcheck disable=SC2046
cp $(plans) "$root/etc/vfio-tb/tests/"
if [ -d "$GUEST_BIN" ]; then
	cp -a "$GUEST_BIN/." "$root/usr/lib/vfio-tb/"
fi
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -1 >"$INITRAMFS"
step "initramfs: $INITRAMFS ($(du -h "$INITRAMFS" | cut -f1))"
