// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU's hot reset of the devices of one reset domain, QEMU running as the
 * VMM in the test guest (make qemu: QEMU with qemu/patches), over every way
 * QEMU can hold the two functions of topology j's slot: one iommufd object,
 * two, a group and a cdev either way round, two groups; a devid that a
 * device of another iommufd object shares; and, on topology h, a function
 * of the slot bound to another driver (outside the dev_set: no hot reset
 * can be tried).
 *
 * The machine is paused (-S) and driven over QMP: system_reset, then the
 * RESET event. The first device (the e1000e: no FLR, a PM reset, so QEMU's
 * system reset hot resets it with its peers) must be hot reset, as QEMU's
 * trace says (vfio_pci_hot_reset_result ... Success, and how the reset was
 * proven), and both functions' probe registers, written through sysfs
 * before, must read their reset values after. The e1000e's is what tells
 * the hot reset: QEMU's fallback for it, a PM reset, leaves the register
 * as it was (the igb's FLR, which QEMU does on every system reset, clears
 * the igb's anyway). On a kernel without VFIO_PCI_HOT_RESET_FLAG_DEVICE_FDS
 * (the base kernel), the setups that need device fds must fall back as
 * QEMU always did: no hot reset tried, the e1000e's register kept, and
 * QEMU answers and quits cleanly.
 *
 *   vfio-tb-qemu-hot-reset BDF0 [BDF1] [harness options, e.g. -v two_iommufd]
 *
 * VFIO_TB_DEMO=1 (make demo) prints QEMU's trace of the system reset.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <linux/iommufd.h>
#include <linux/pci_regs.h>
#include <linux/vfio.h>

#include "kselftest_harness.h"
#include "vfio-tb-qemu.h"


static const char *bdf[2];
static const char *spare;

/* A register each function resets to a known value (RDBAL0, both) */
struct probe {
	unsigned int device_id;
	unsigned int offset;
	unsigned int mask;
	unsigned int reset_value;
};

static const struct probe probes[] = {
	{ 0x10d3, 0x2800, 0xfffffff0, 0 },	/* e1000e */
	{ 0x10c9, 0xc000, 0xffffff80, 0 },	/* igb (82576) */
};

static unsigned int sysfs_hex(const char *bdf, const char *attr)
{
	char path[128], buf[32] = "";
	FILE *f;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/%s", bdf, attr);
	f = fopen(path, "r");
	if (f) {
		if (!fgets(buf, sizeof(buf), f))
			buf[0] = 0;
		fclose(f);
	}
	return strtoul(buf, NULL, 16);
}

static const struct probe *probe_of(const char *bdf)
{
	unsigned int id = sysfs_hex(bdf, "device");
	size_t i;

	for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++)
		if (probes[i].device_id == id)
			return &probes[i];
	return NULL;
}

/* Set memory decode through sysfs: a reset, or QEMU, may have cleared it */
static int enable_memory(const char *bdf)
{
	char path[128];
	uint16_t cmd;
	int fd, ret = -1;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", bdf);
	fd = open(path, O_RDWR);
	if (fd < 0)
		return -1;
	if (pread(fd, &cmd, 2, PCI_COMMAND) == 2) {
		cmd |= PCI_COMMAND_MEMORY;
		if (pwrite(fd, &cmd, 2, PCI_COMMAND) == 2)
			ret = 0;
	}
	close(fd);
	return ret;
}

/*
 * Read, or write then read, the probe register of @bdf through its BAR 0
 * in sysfs (QEMU holds the device; the machine never runs). Returns the
 * value read, or ~0ULL when the BAR cannot be mapped.
 */
static unsigned long long probe_access(const char *bdf, const struct probe *p,
				       const unsigned int *write)
{
	unsigned long long val = ~0ULL;
	char path[128];
	struct stat st;
	volatile uint32_t *bar;
	int fd;

	if (enable_memory(bdf))
		return val;
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource0", bdf);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0)
		return val;
	if (!fstat(fd, &st) && st.st_size > p->offset) {
		bar = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (bar != MAP_FAILED) {
			if (write)
				bar[p->offset / 4] = *write;
			val = bar[p->offset / 4];
			munmap((void *)bar, st.st_size);
		}
	}
	close(fd);
	return val;
}

/*
 * Whether the kernel takes device fds as proof of a hot reset: INFO on a
 * cdev of the first device, bound to an iommufd of its own.
 */
static int kernel_device_fds(void)
{
	struct vfio_pci_hot_reset_info info = { .argsz = sizeof(info) };
	struct vfio_device_bind_iommufd bind = { .argsz = sizeof(bind) };
	char path[320], name[256] = "";
	struct dirent *d;
	DIR *dir;
	int iommufd, fd, ret = -1;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/vfio-dev", bdf[0]);
	dir = opendir(path);
	if (!dir)
		return -1;
	while ((d = readdir(dir)))
		if (!strncmp(d->d_name, "vfio", 4))
			snprintf(name, sizeof(name), "%s", d->d_name);
	closedir(dir);
	snprintf(path, sizeof(path), "/dev/vfio/devices/%s", name);
	fd = open(path, O_RDWR);
	iommufd = open("/dev/iommu", O_RDWR);
	if (fd >= 0 && iommufd >= 0) {
		bind.iommufd = iommufd;
		if (!ioctl(fd, VFIO_DEVICE_BIND_IOMMUFD, &bind) &&
		    (!ioctl(fd, VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, &info) ||
		     errno == ENOSPC))
			ret = !!(info.flags & VFIO_PCI_HOT_RESET_FLAG_DEVICE_FDS);
	}
	if (fd >= 0)
		close(fd);
	if (iommufd >= 0)
		close(iommufd);
	return ret;
}

/* The other device bound to vfio-pci: topology j's spare, another bus */
static const char *find_spare(void)
{
	static char name[256];
	struct dirent *d;
	DIR *dir = opendir("/sys/bus/pci/drivers/vfio-pci");

	if (!dir)
		return NULL;
	while ((d = readdir(dir))) {
		if (strncmp(d->d_name, "0000:", 5) || !strcmp(d->d_name, bdf[0]) ||
		    (bdf[1] && !strcmp(d->d_name, bdf[1])))
			continue;
		snprintf(name, sizeof(name), "%s", d->d_name);
		closedir(dir);
		return name;
	}
	closedir(dir);
	return NULL;
}

enum proof {
	ZERO_LENGTH,	/* one iommufd: devids, a zero length array */
	GROUP_FDS,	/* groups only: group fds, as always */
	IOMMUFD_FDS,	/* the iommufd path with device fds */
	LEGACY_FDS,	/* the group path with a cdev peer's device fd */
	NONE,		/* no proof: no hot reset can be tried */
};

FIXTURE(qemu) {
	struct qemu_vm vm;
	int device_fds;
};

/*
 * How QEMU holds the slot's two functions: an iommufd object id, or NULL
 * for a group (type1 container). spare_iommufd also assigns the spare,
 * realized last, and the peer before the first device: the peer's devid
 * is then the spare's on its own iommufd.
 */
FIXTURE_VARIANT(qemu) {
	const char *iommufd[2];
	const char *spare_iommufd;
	enum proof proof;
	bool single;
};

FIXTURE_VARIANT_ADD(qemu, one_iommufd) {
	.iommufd = { "i0", "i0" },
	.proof = ZERO_LENGTH,
};

FIXTURE_VARIANT_ADD(qemu, two_iommufd) {
	.iommufd = { "i0", "i1" },
	.proof = IOMMUFD_FDS,
};

FIXTURE_VARIANT_ADD(qemu, cdev_caller_group_peer) {
	.iommufd = { "i0", NULL },
	.proof = IOMMUFD_FDS,
};

FIXTURE_VARIANT_ADD(qemu, group_caller_cdev_peer) {
	.iommufd = { NULL, "i0" },
	.proof = LEGACY_FDS,
};

FIXTURE_VARIANT_ADD(qemu, two_groups) {
	.iommufd = { NULL, NULL },
	.proof = GROUP_FDS,
};

FIXTURE_VARIANT_ADD(qemu, devid_of_another_iommufd) {
	.iommufd = { "i0", "i0" },
	.spare_iommufd = "i1",
	.proof = ZERO_LENGTH,
};

/* Topology h: the slot's other function is bound to pci-stub */
FIXTURE_VARIANT_ADD(qemu, peer_outside_dev_set) {
	.iommufd = { "i0", NULL },
	.proof = NONE,
	.single = true,
};

static void add_device(char **argv, int *argc, const char *bdf,
		       const char *iommufd)
{
	char *arg;

	if (iommufd) {
		if (asprintf(&arg, "vfio-pci,host=%s,rombar=0,iommufd=%s", bdf, iommufd) < 0)
			arg = NULL;
	} else if (asprintf(&arg, "vfio-pci,host=%s,rombar=0", bdf) < 0) {
		arg = NULL;
	}
	argv[(*argc)++] = "-device";
	argv[(*argc)++] = arg;
}

FIXTURE_SETUP(qemu)
{
	char *argv[40];
	int n, i;

	self->vm.pid = -1;
	if (access(QEMU_BIN, X_OK))
		SKIP(return, "no QEMU in the guest (make qemu)");
	if (variant->single != !bdf[1])
		SKIP(return, "%s", variant->single ?
		     "for a slot whose other function has another driver (topology h)" :
		     "for the slot's two functions (topology j)");
	if (variant->spare_iommufd && !spare)
		SKIP(return, "no spare device bound to vfio-pci");
	self->device_fds = kernel_device_fds();
	ASSERT_GE(self->device_fds, 0);

	n = qemu_vm_base_args(argv);
	argv[n++] = "-accel";
	argv[n++] = "tcg";
	argv[n++] = "-S";
	argv[n++] = "-trace";
	argv[n++] = "vfio_pci_hot_reset*";
	argv[n++] = "-trace";
	argv[n++] = "*_pci_hot_reset_device_fds";
	argv[n++] = "-trace";
	argv[n++] = "vfio_intx_enable";
	argv[n++] = "-object";
	argv[n++] = "iommufd,id=i0";
	argv[n++] = "-object";
	argv[n++] = "iommufd,id=i1";
	if (variant->spare_iommufd) {
		/* the peer first: its devid on i0 is 1, as the spare's on i1 */
		add_device(argv, &n, bdf[1], variant->iommufd[1]);
		add_device(argv, &n, bdf[0], variant->iommufd[0]);
		add_device(argv, &n, spare, variant->spare_iommufd);
	} else {
		for (i = 0; i < 2 && bdf[i]; i++)
			add_device(argv, &n, bdf[i], variant->iommufd[i]);
	}
	argv[n] = NULL;

	ASSERT_EQ(qemu_vm_start(&self->vm, argv), 0) qemu_vm_dump(&self->vm);
}

FIXTURE_TEARDOWN(qemu)
{
	qemu_vm_kill(&self->vm);
}

/* make demo: QEMU's trace, a line each, as KTAP diagnostics */
static void demo_print(const char *trace)
{
	const char *l, *nl;

	for (l = trace; *l; l = nl + 1) {
		nl = strchrnul(l, '\n');
		printf("# qemu: %.*s\n", (int)(nl - l), l);
		if (!*nl)
			break;
	}
}

TEST_F(qemu, system_reset)
{
	bool hot_reset = variant->proof == ZERO_LENGTH ||
			 variant->proof == GROUP_FDS ||
			 (variant->proof != NONE && self->device_fds);
	int ndev = bdf[1] ? 2 : 1;
	const struct probe *p[2] = { probe_of(bdf[0]), bdf[1] ? probe_of(bdf[1]) : NULL };
	char success[96], result[96], multi[96], proven[128], *trace, *after;
	unsigned int pattern[2];
	int status, i;
	long from;

	for (i = 0; i < ndev; i++) {
		ASSERT_NE(p[i], NULL) TH_LOG("no probe register for %s", bdf[i]);
		pattern[i] = (0xa5a5a5a5 & p[i]->mask) ^ p[i]->reset_value;
		ASSERT_EQ(probe_access(bdf[i], p[i], &pattern[i]), pattern[i]);
	}

	from = qemu_vm_log_size(&self->vm);
	ASSERT_EQ(qemu_vm_qmp(&self->vm, "system_reset", "\"RESET\""), 0)
		qemu_vm_dump(&self->vm);
	trace = qemu_vm_log(&self->vm, from);
	if (getenv("VFIO_TB_DEMO"))
		demo_print(trace);

	snprintf(success, sizeof(success),
		 "vfio_pci_hot_reset_result %s hot reset: Success", bdf[0]);
	snprintf(result, sizeof(result), "vfio_pci_hot_reset_result %s ", bdf[0]);
	snprintf(multi, sizeof(multi), "vfio_pci_hot_reset  (%s) multi", bdf[0]);
	switch (variant->proof) {
	case IOMMUFD_FDS:
		snprintf(proven, sizeof(proven),
			 "iommufd_cdev_pci_hot_reset_device_fds %s: proven with 2 device fds",
			 bdf[0]);
		break;
	case LEGACY_FDS:
		snprintf(proven, sizeof(proven),
			 "vfio_legacy_pci_hot_reset_device_fds %s: proven with 2 group and device fds",
			 bdf[0]);
		break;
	default:
		proven[0] = 0;
	}

	if (hot_reset) {
		/* the system reset's multi reset, proven so, succeeded */
		after = strstr(trace, multi);
		ASSERT_NE(after, NULL) TH_LOG("trace:\n%s", trace);
		if (proven[0]) {
			after = strstr(after, proven);
			EXPECT_NE(after, NULL) TH_LOG("trace:\n%s", trace);
		} else {
			EXPECT_EQ(strstr(trace, "device fds"), NULL) TH_LOG("trace:\n%s", trace);
		}
		EXPECT_NE(after ? strstr(after, success) : NULL, NULL)
			TH_LOG("trace:\n%s", trace);
		for (i = 0; i < ndev; i++) {
			EXPECT_EQ(probe_access(bdf[i], p[i], NULL), p[i]->reset_value)
				TH_LOG("%s: the probe register kept its value", bdf[i]);
		}
	} else {
		/*
		 * The old fallback: no hot reset tried, so the e1000e only
		 * had its PM reset, which leaves the register
		 */
		EXPECT_EQ(strstr(trace, result), NULL) TH_LOG("trace:\n%s", trace);
		EXPECT_EQ(strstr(trace, "device fds"), NULL) TH_LOG("trace:\n%s", trace);
		EXPECT_EQ(probe_access(bdf[0], p[0], NULL), pattern[0])
			TH_LOG("%s: the probe register was reset", bdf[0]);
	}

	/*
	 * The devices QEMU prepares for the reset and restores after it are
	 * the affected ones: after the result, the first INTx re-enabled is
	 * the peer's, never the spare's that shares its devid number.
	 */
	after = strstr(trace, success);
	if (hot_reset && variant->spare_iommufd && after) {
		char peer[64];

		snprintf(peer, sizeof(peer), "vfio_intx_enable  (%s)", bdf[1]);
		after = strstr(after, "vfio_intx_enable ");
		ASSERT_NE(after, NULL) TH_LOG("trace:\n%s", trace);
		EXPECT_EQ(strncmp(after, peer, strlen(peer)), 0)
			TH_LOG("restored after the reset: %.40s (peer %s, spare %s)",
			       after, bdf[1], spare);
	}
	free(trace);

	/* QEMU still answers, and quits cleanly */
	ASSERT_EQ(qemu_vm_qmp(&self->vm, "query-status", "\"return\""), 0)
		qemu_vm_dump(&self->vm);
	status = qemu_vm_quit(&self->vm);
	ASSERT_NE(status, -1) qemu_vm_dump(&self->vm);
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(WEXITSTATUS(status), 0);
}

int main(int argc, char **argv)
{
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s BDF0 [BDF1] [harness options]\n", argv[0]);
		return 1;
	}
	for (i = 1; i < argc && argv[i][0] != '-' && i < 3; i++)
		bdf[i - 1] = argv[i];
	spare = find_spare();
	argv[i - 1] = argv[0];
	return test_harness_run(argc - i + 1, argv + i - 1);
}
