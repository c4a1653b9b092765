#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make qemu: the QEMU work tree (made once, scripts/qemu-source.sh), its
# minimal build (bases/qemu.base: x86_64-softmmu, TCG, q35, vfio-pci with
# iommufd and root ports, no other device, no debug info), and
# the guest's copy of it in
# $GUEST_BIN/qemu: the binary, the shared libraries it links, the dynamic
# loader and SeaBIOS, behind a qemu-system-x86_64 wrapper script (the
# guest's initramfs has no /lib).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/qemu-lib.sh"

[ -d "$QEMU_TREE/.git" ] || "$TOP/scripts/qemu-source.sh"

# The devices the testbed's machines use (bases/qemu.base's
# QEMU_DEVICES), as a devices file of the tree's configs/ that git ignores
devices=$QEMU_TREE/configs/devices/x86_64-softmmu/vfio-tb.mak
# shellcheck disable=SC2086 # a list
printf '%s=y\n' $QEMU_DEVICES >"$devices.new"
if cmp -s "$devices.new" "$devices"; then
	rm "$devices.new"
else
	mv "$devices.new" "$devices"
fi
grep -qx "${devices#"$QEMU_TREE"/}" "$QEMU_TREE/.git/info/exclude" ||
	echo "${devices#"$QEMU_TREE"/}" >>"$QEMU_TREE/.git/info/exclude"

# configure again when the options or the devices change. No ccache:
# ninja rebuilds only what changed, and a cold build through ccache took
# 6 min here against 3 min 45 s without (every compile a miss, each
# preprocessed twice).
want="$QEMU_CONFIGURE $QEMU_DEVICES"
if [ "$(cat "$QEMU_OBJ/.vfio-tb-configure" 2>/dev/null)" != "$want" ] ||
	[ ! -f "$QEMU_OBJ/build.ninja" ]; then
	rm -rf "$QEMU_OBJ"
	mkdir -p "$QEMU_OBJ"
	step "qemu: configure $QEMU_CONFIGURE"
	# shellcheck disable=SC2086
	(cd "$QEMU_OBJ" && "$QEMU_TREE/configure" --python=/usr/bin/python3 \
		$QEMU_CONFIGURE >configure.out 2>&1) ||
		die "qemu: configure failed (see $QEMU_OBJ/configure.out)"
	echo "$want" >"$QEMU_OBJ/.vfio-tb-configure"
fi
step "qemu: building qemu-system-x86_64 ($(git -C "$QEMU_TREE" rev-list --count "$QEMU_BASE_TAG..") patches on $QEMU_VERSION; ~4 min cold on 2 cores)"
qemu_ninja() { ninja -C "$QEMU_OBJ" -j"$JOBS" qemu-system-x86_64 >"$QEMU_OBJ/build.out" 2>&1; }
with_progress "qemu build" qemu_ninja ||
	{ tail -n 30 "$QEMU_OBJ/build.out" >&2; die "qemu: the build failed (see $QEMU_OBJ/build.out)"; }

dest=$GUEST_BIN/qemu
rm -rf "$dest"
mkdir -p "$dest/bin" "$dest/lib" "$dest/share"
strip -o "$dest/bin/qemu-system-x86_64" "$QEMU_OBJ/qemu-system-x86_64"
loader=""
while read -r lib; do
	case "$lib" in
	*/ld-linux*) loader=$lib ;;
	*) cp -L "$lib" "$dest/lib/" ;;
	esac
done < <(ldd "$QEMU_OBJ/qemu-system-x86_64" | grep -o '/[^ ]*')
[ -n "$loader" ] || die "qemu: no dynamic loader in ldd's answer"
cp -L "$loader" "$dest/lib/ld.so"
cp /usr/share/seabios/bios-256k.bin "$dest/share/" ||
	die "qemu: no SeaBIOS (package seabios)"
# the option ROM every x86 machine loads (TCG does not run it)
[ ! -f /usr/share/qemu/kvmvapic.bin ] || cp /usr/share/qemu/kvmvapic.bin "$dest/share/"
cat >"$dest/qemu-system-x86_64" <<'WRAP'
#!/bin/sh
# The testbed's QEMU (make qemu), with its own libraries and firmware.
d=$(dirname "$0")
exec "$d/lib/ld.so" --library-path "$d/lib" "$d/bin/qemu-system-x86_64" -L "$d/share" "$@"
WRAP
chmod 755 "$dest/qemu-system-x86_64"
step "qemu: $dest ($(du -sh "$dest" | cut -f1))"
