#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages the testbed needs, when any is missing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pkgs=(build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils kmod
      rsync git python3 ccache sparse coccinelle qemu-system-x86 busybox-static)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -gt 0 ] || exit 0
step "installing: ${missing[*]}"
[ "$(id -u)" = 0 ] || die "run as root or install: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
with_progress "apt-get" apt-get -qq update
with_progress "apt-get" apt-get -qq install -y --no-install-recommends "${missing[@]}" >/dev/null
