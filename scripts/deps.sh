#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages the testbed needs, when any is missing.
#
# QEMU comes from bookworm-backports (10.0): QEMU 7.2's nvme unregisters its
# VFs on a PF reset but leaves VF Enable set, so Linux never re-creates them
# and every VF open then waits 65 s for an FLR (topology f). QEMU >= 9.0
# resets the SR-IOV capability with the PF.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pkgs=(build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils kmod
      rsync git python3 python3-ply python3-git ccache sparse coccinelle
      busybox-static ocaml-nox ocaml-findlib)
bpo=/etc/apt/sources.list.d/bookworm-backports.list

qemu_ok() {
	local v
	v=$(qemu-system-x86_64 --version 2>/dev/null | sed -n 's/^QEMU emulator version \([0-9]*\)\..*/\1/p')
	[ -n "$v" ] && [ "$v" -ge 9 ]
}

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -gt 0 ] || ! qemu_ok || exit 0

[ "$(id -u)" = 0 ] || die "run as root, or install: ${missing[*]} and QEMU >= 9.0"
export DEBIAN_FRONTEND=noninteractive
if ! qemu_ok && ! grep -qs bookworm-backports "$bpo"; then
	step "adding bookworm-backports for QEMU 10"
	echo "deb http://deb.debian.org/debian bookworm-backports main" >"$bpo"
fi
with_progress "apt-get update" apt-get -qq update
if [ ${#missing[@]} -gt 0 ]; then
	step "installing: ${missing[*]}"
	with_progress "apt-get install" apt-get -qq install -y --no-install-recommends \
		"${missing[@]}" >/dev/null
fi
if ! qemu_ok; then
	step "installing qemu-system-x86 from bookworm-backports"
	with_progress "apt-get install" apt-get -qq install -y --no-install-recommends \
		-t bookworm-backports qemu-system-x86 >/dev/null
fi
qemu_ok || die "QEMU >= 9.0 is needed (see scripts/deps.sh)"
