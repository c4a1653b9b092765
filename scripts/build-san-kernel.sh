#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the sanitizer kernel: the test kernel's config plus
# config/sanitizer.config (KASAN, kmemleak, fail_usercopy), in $SAN_OBJ.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kernel_frag "$TREE" "$SAN_OBJ.config" "$TOP/config/sanitizer.config"
OBJ=$SAN_OBJ KCONFIG_FRAG=$SAN_OBJ.config "$TOP/scripts/build-kernel.sh"
