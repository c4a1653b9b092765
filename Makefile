# vfio-reset: a vfio-pci hot-reset series on Linux 6.12 LTS and its testbed.
# See README.md. Every target is incremental.

SCRIPTS := scripts

.PHONY: all deps tree kernel san-kernel base-kernel tests initramfs guest demo bench torture check check-gates kunit test export clean distclean

all: guest

deps:
	@$(SCRIPTS)/deps.sh

# The kernel work tree: pristine base + patches/ (made once; see README).
tree: deps
	@test -d build/linux/.git || $(SCRIPTS)/mktree.sh
	@$(SCRIPTS)/tree-status.sh

kernel: tree
	@$(SCRIPTS)/build-kernel.sh

tests: kernel
	@$(SCRIPTS)/build-tests.sh

initramfs: tests
	@$(SCRIPTS)/build-initramfs.sh

guest: kernel initramfs

demo: guest
	@$(SCRIPTS)/demo.sh

# The test kernel with KASAN, kmemleak and fail_usercopy
# (config/sanitizer.config), in build/obj-san.
san-kernel: tree
	@$(SCRIPTS)/build-san-kernel.sh

# The pristine 6.12 (tag vfio-reset-base) with the same config, for bench.
base-kernel: tree
	@$(SCRIPTS)/build-base-kernel.sh

# Hot reset latency, base kernel against the series' (see README).
# BENCH_RESETS (30), BENCH_TOPOLOGIES ("a b").
bench: guest base-kernel
	@$(SCRIPTS)/bench.sh

# The concurrent torture of the hot reset uAPI on the sanitizer kernel:
# DURATION seconds (300) per topology of TORTURE_TOPOLOGIES ("a b e");
# SEED replays a run.
torture: guest
	@$(SCRIPTS)/torture.sh

# The maintainer's gates on patches/ (checkpatch, bisect build with W=1,
# sparse, coccicheck, kernel-doc, git am, diffstat); check-gates proves
# each gate catches the defect it is for.
check: tree
	@$(SCRIPTS)/check.sh

check-gates: tree
	@$(SCRIPTS)/check-gates.sh

# The KUnit suite through kunit.py (a kernel of its own, in build/kunit).
kunit: tree
	@$(SCRIPTS)/kunit.sh

test: guest
	@$(SCRIPTS)/run-tests.sh

# Regenerate patches/ from the kernel work tree's commits.
export:
	@$(SCRIPTS)/export-series.sh

clean:
	rm -rf build/obj build/obj-san build/obj-san.config build/base/obj build/initramfs build/guest-bin build/logs build/*.cpio.gz

distclean:
	rm -rf build
