# SPDX-License-Identifier: GPL-2.0
# The QEMU side's settings (bases/qemu.base, the tree, the build). Sourced
# after lib.sh, never run.
. "$TOP/bases/qemu.base"
QEMU_LB=${QEMU_LB:-$BUILD/qemu}
QEMU_TREE=${QEMU_TREE:-$QEMU_LB/src}	# git work tree: the base + qemu/patches
QEMU_OBJ=${QEMU_OBJ:-$QEMU_LB/obj}	# its build (meson, ninja)
QEMU_PATCHES=$TOP/qemu/patches		# the series, git format-patch output
QEMU_BASE_TAG=qemu-base
QEMU_BRANCH=vfio-reset
