# vfio-reset: a vfio-pci hot-reset series and its testbed, on two lines:
# mainline (Linux 7.3, postings/) and LTS (Linux 6.12, patches/).
# See README.md. Every target is incremental.
#
# LINE=mainline (default) or LINE=lts picks the line of the targets that
# work on one: tree, kernel, tests, initramfs, guest, check, export,
# base-kernel, bench-line. demo, torture, kunit, check-gates and
# san-kernel are the LTS line's until the RFCs reach mainline; bench runs
# both lines.

SCRIPTS := scripts
LINE ?= mainline
export LINE

.PHONY: all deps tree kernel san-kernel base-kernel tests qemu qemu-export initramfs guest demo bench bench-line torture check check-gates kunit test test-lts test-san export clean distclean

all: guest

deps:
	@$(SCRIPTS)/deps.sh

# The kernel work tree: pristine base + the line's series (made once; see README).
tree: deps
	@bash -c '. $(SCRIPTS)/lib.sh && test -d "$$TREE/.git"' || $(SCRIPTS)/mktree.sh
	@$(SCRIPTS)/tree-status.sh

kernel: tree
	@$(SCRIPTS)/build-kernel.sh

tests: kernel
	@$(SCRIPTS)/build-tests.sh

# QEMU (bases/qemu.base: Debian's 10.2.2 source) with the series of
# qemu/patches, built minimal in build/qemu, and its copy for the mainline
# guest (the VMM of the QEMU plans, tests/mainline/qemu_*.test).
qemu: deps
	@LINE=mainline $(SCRIPTS)/build-qemu.sh

# Regenerate qemu/patches from the QEMU work tree's commits.
qemu-export:
	@$(SCRIPTS)/export-qemu.sh

initramfs: tests $(if $(filter mainline,$(LINE)),qemu)
	@$(SCRIPTS)/build-initramfs.sh

guest: kernel initramfs

# The demo runs on the LTS line until the RFCs (device fds, the fence,
# error recovery) are on mainline; it says so.
demo:
	@$(SCRIPTS)/demo.sh

# The test kernel with KASAN, kmemleak and fail_usercopy
# (config/sanitizer.config), in the line's obj-san (build/mainline/obj-san
# for mainline, build/obj-san for LINE=lts).
san-kernel: tree
	@$(SCRIPTS)/build-san-kernel.sh

# The plans' SAN_TOPOLOGIES on the line's sanitizer kernel, alone: any
# KASAN, kmemleak, lockdep or WARNING report fails the run. make test-lts
# includes it for 6.12; on mainline it stays out of make test, which a
# fresh clone must finish within CI's budget (a KASAN kernel is about
# 15 min cold on 2 cores).
test-san: guest
	@RUN_STEPS=san TOPOS=" " $(SCRIPTS)/run-tests.sh

# The pristine base with the same config (bench, the base runs).
base-kernel: tree
	@$(SCRIPTS)/build-base-kernel.sh

# Hot reset and error recovery latency, base kernel against the series',
# on 6.12 then on 7.3 (see README). BENCH_RESETS (30), BENCH_TOPOLOGIES
# ("a b").
bench:
	@$(MAKE) --no-print-directory LINE=lts bench-line
	@$(MAKE) --no-print-directory LINE=mainline bench-line

# One line's tables.
bench-line: guest base-kernel
	@$(SCRIPTS)/bench.sh

# The concurrent torture of the hot reset uAPI on the sanitizer kernel:
# DURATION seconds (300) per topology of TORTURE_TOPOLOGIES ("a b e");
# SEED replays a run. 6.12 by default; LINE=mainline for 7.3 (posting 10).
torture: LINE = lts
torture: guest
	@$(SCRIPTS)/torture.sh

# The maintainer's gates: on every posting (mainline) or on patches/ (lts):
# checkpatch, bisect build with W=1, sparse, coccicheck, kernel-doc, git
# am, diffstat; check-gates proves each gate catches the defect it is for.
check: tree
	@if [ "$(LINE)" = lts ]; then $(SCRIPTS)/check.sh; else $(SCRIPTS)/check-postings.sh; fi

check-gates: LINE = lts
check-gates: tree
	@$(SCRIPTS)/check-gates.sh

# The KUnit suites through kunit.py (a kernel of its own, in the line's
# kunit directory: build/mainline/kunit, or build/kunit for LINE=lts).
kunit: tree
	@$(SCRIPTS)/kunit.sh

# Both lines: mainline's postings and selftests, the 6.12 fixes' tests.
test:
	@$(SCRIPTS)/test.sh

# The whole 6.12 plan, as before the mainline line.
test-lts: LINE = lts
test-lts: guest
	@$(SCRIPTS)/run-tests.sh

# Regenerate the line's series from its kernel work tree's commits.
export:
	@if [ "$(LINE)" = lts ]; then $(SCRIPTS)/export-series.sh; else $(SCRIPTS)/export-postings.sh; fi

clean:
	rm -rf build/obj build/obj-san build/obj-san.config build/base/obj build/initramfs build/guest-bin build/logs build/*.cpio.gz build/mainline/obj build/mainline/base/obj build/mainline/bench-base/obj build/mainline/initramfs build/mainline/guest-bin build/mainline/logs build/mainline/*.cpio.gz build/*.cpio.gz.d build/mainline/*.cpio.gz.d

distclean:
	rm -rf build
