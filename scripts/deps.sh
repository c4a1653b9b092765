#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages the testbed needs, when any is missing, and
# make the suites the bases come from known to apt.
#
# QEMU comes from bookworm-backports (10.0): QEMU 7.2's nvme unregisters its
# VFs on a PF reset but leaves VF Enable set, so Linux never re-creates them
# and every VF open then waits 65 s for an FLR (topology f). QEMU >= 9.0
# resets the SR-IOV capability with the PF. The mainline base's source
# package (linux-source-7.3, arch all) comes from trixie-backports, pinned
# so that apt never installs anything else from it.
#
# A suite is added on the mirror the machine's own apt sources name: the
# project names no archive host.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pkgs=(build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils kmod
      rsync git python3 python3-ply python3-git ccache sparse coccinelle
      busybox-static bash-static uuid-dev ocaml-nox ocaml-findlib
      ninja-build pkgconf bzip2 libglib2.0-dev zlib1g-dev)
# make qemu: meson >= 1.5 and pycotap for QEMU 10.2's configure, from
# bookworm-backports (bookworm's meson is 1.0)
bpo_pkgs=(meson python3-pycotap)
SUITES="bookworm-backports trixie-backports"

qemu_ok() {
	local v
	v=$(qemu-system-x86_64 --version 2>/dev/null | sed -n 's/^QEMU emulator version \([0-9]*\)\..*/\1/p')
	[ -n "$v" ] && [ "$v" -ge 9 ]
}

# add_suite SUITE: a sources file for SUITE on the machine's mirror.
add_suite() {
	local suite=$1 file=/etc/apt/sources.list.d/vfio-tb-$1.sources mirror
	[ ! -e "$file" ] || return 0
	grep -rqs "^[^#]*$suite" /etc/apt/sources.list /etc/apt/sources.list.d/ && return 0
	mirror=$(debian_mirror)
	[ -n "$mirror" ] || die "no Debian bookworm mirror in the machine's apt sources to add $suite on"
	step "adding $suite on $mirror"
	printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
		"$mirror" "$suite" >"$file"
	if [ "$suite" != bookworm-backports ]; then
		# source packages only: never an upgrade from a newer release
		printf 'Package: *\nPin: release n=%s\nPin-Priority: 1\n' "$suite" \
			>"/etc/apt/preferences.d/vfio-tb-$suite"
	fi
	updated=""
}

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
updated=1
for s in $SUITES; do
	grep -rqs "^[^#]*$s" /etc/apt/sources.list /etc/apt/sources.list.d/ || updated=""
done
bpo_missing=()
for p in "${bpo_pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		bpo_missing+=("$p")
done
[ ${#missing[@]} -gt 0 ] || [ ${#bpo_missing[@]} -gt 0 ] || ! qemu_ok || [ -z "$updated" ] || exit 0

[ "$(id -u)" = 0 ] || die "run as root, or install: ${missing[*]} and QEMU >= 9.0"
export DEBIAN_FRONTEND=noninteractive
for s in $SUITES; do add_suite "$s"; done
with_progress "apt-get update" apt-get -qq update
if [ ${#missing[@]} -gt 0 ]; then
	step "installing: ${missing[*]}"
	with_progress "apt-get install" apt-get -qq install -y --no-install-recommends \
		"${missing[@]}" >/dev/null
fi
if [ ${#bpo_missing[@]} -gt 0 ]; then
	step "installing from bookworm-backports: ${bpo_missing[*]}"
	with_progress "apt-get install" apt-get -qq install -y --no-install-recommends \
		-t bookworm-backports "${bpo_missing[@]}" >/dev/null
fi
if ! qemu_ok; then
	step "installing qemu-system-x86 from bookworm-backports"
	with_progress "apt-get install" apt-get -qq install -y --no-install-recommends \
		-t bookworm-backports qemu-system-x86 >/dev/null
fi
qemu_ok || die "QEMU >= 9.0 is needed (see scripts/deps.sh)"
