// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU rides out the host's PCIe error recovery of an assigned device
 * (qemu/patches, the Linux features VFIO_DEVICE_FEATURE_PCI_ERROR_STATE and
 * _NOTIFY), QEMU running as the VMM in the test guest.
 *
 * QEMU holds the first device (behind an emulated pcie-root-port); qtest
 * stands in for the guest's accesses (it sets up the root port and the
 * device's error reporting as a guest's AER driver would). An error is
 * injected into the host device with /dev/aer_inject:
 *
 *  - fatal or non-fatal, the host recovers the device: the VM is paused
 *    (QMP STOP) and runs again when the host's recovery ends (RESUME,
 *    query-status "running"), a BAR access of the guest's meanwhile is
 *    answered, and QMP after it, the guest's root port
 *    received the error (Root Error Status: fatal or non-fatal, from the
 *    device's requester id) and the device's emulated AER capability logged
 *    it; after a fatal error the device answers with its reset values;
 *  - the host's recovery fails (topology g: function 1 has no driver): the
 *    VM is stopped for good (query-status "internal-error");
 *  - x-pci-error-recovery=off: any error stops the VM for good, as QEMU
 *    always did.
 *
 * The VM's pause across the recovery is printed (QMP's event timestamps),
 * not asserted.
 *
 *   vfio-tb-qemu-error-recovery BDF... [harness options, e.g. -v fatal_recovered]
 *
 * VFIO_TB_DEMO=1 (make demo) prints QEMU's trace of the recovery.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/pci_regs.h>

#include "kselftest_harness.h"
#include "vfio-tb-qemu.h"

#define AER_INJECT	"/dev/aer_inject"
/* q35's MMCONFIG window, as firmware would place it (PCIEXBAR) */
#define ECAM		0xb0000000u
/* The root port and the device behind it, as the guest sees them */
#define RP_DEVFN	(2 << 3)
#define DEV_BUS		1
/* Where the guest's side puts the device's BAR 0 (128 KiB) */
#define GUEST_BAR	0xfe000000u

static const char *bdf;

struct aer_error_inj {
	unsigned char bus, dev, fn;
	unsigned int uncor_status, cor_status;
	unsigned int header_log0, header_log1, header_log2, header_log3;
	unsigned int domain;
};

FIXTURE(qemu) {
	struct qemu_vm vm;
	int qt_in, qt_out;
	char fifo[64];
	char qt_buf[4096];
	size_t qt_len;
	char line[4096];	/* the last qtest answer */
	double stop_ts, resume_ts;
};

/*
 * @fatal: the severity of the injected error; @recovery: the property
 * x-pci-error-recovery; @fails: the host's recovery must fail (a function
 * below the port without a driver, topology g).
 */
FIXTURE_VARIANT(qemu) {
	bool fatal;
	const char *recovery;
	bool fails;
	bool reset_during;
};

FIXTURE_VARIANT_ADD(qemu, fatal_recovered) {
	.fatal = true,
	.recovery = "auto",
};

FIXTURE_VARIANT_ADD(qemu, nonfatal_recovered) {
	.fatal = false,
	.recovery = "auto",
};

FIXTURE_VARIANT_ADD(qemu, fatal_failed) {
	.fatal = true,
	.recovery = "auto",
	.fails = true,
};

/* system_reset while the host recovers: QEMU resets the device after */
FIXTURE_VARIANT_ADD(qemu, reset_during_recovery) {
	.fatal = true,
	.recovery = "auto",
	.reset_during = true,
};

FIXTURE_VARIANT_ADD(qemu, recovery_off) {
	.fatal = true,
	.recovery = "off",
};

/* A function of the device's slot whose recovery cannot succeed */
static bool recovery_fails(void)
{
	char path[300], link[256];
	struct dirent *d;
	bool fails = false;
	ssize_t n;
	DIR *dir = opendir("/sys/bus/pci/devices");

	if (!dir)
		return false;
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.' || !strcmp(d->d_name, bdf) ||
		    strncmp(d->d_name, bdf, strlen("0000:00:00")))
			continue;
		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/driver", d->d_name);
		n = readlink(path, link, sizeof(link) - 1);
		if (n < 0)
			fails = true;
	}
	closedir(dir);
	return fails;
}

static int sysfs_config(const char *bdf, unsigned int pos, void *val, int len,
			bool write)
{
	char path[128];
	int fd, n;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", bdf);
	fd = open(path, write ? O_RDWR : O_RDONLY);
	if (fd < 0)
		return -1;
	n = write ? pwrite(fd, val, len, pos) : pread(fd, val, len, pos);
	close(fd);
	return n == len ? 0 : -1;
}

/* The host AER capability's offset in @bdf's config space, or 0 */
static unsigned int host_aer(const char *bdf)
{
	unsigned int pos = PCI_CFG_SPACE_SIZE, hdr, i;

	for (i = 0; i < 64 && pos >= PCI_CFG_SPACE_SIZE; i++) {
		if (sysfs_config(bdf, pos, &hdr, 4, false) || !hdr || hdr == ~0u)
			return 0;
		if (PCI_EXT_CAP_ID(hdr) == PCI_EXT_CAP_ID_ERR)
			return pos;
		pos = PCI_EXT_CAP_NEXT(hdr);
	}
	return 0;
}

/* An unmasked uncorrectable error of the host device of that severity */
static unsigned int pick_error(bool fatal)
{
	static const unsigned int bits[] = {
		PCI_ERR_UNC_DLP, PCI_ERR_UNC_MALF_TLP, PCI_ERR_UNC_FCP,
		PCI_ERR_UNC_COMP_ABORT, PCI_ERR_UNC_UNX_COMP, PCI_ERR_UNC_COMP_TIME,
	};
	unsigned int aer = host_aer(bdf), sever, mask, i;

	if (!aer || sysfs_config(bdf, aer + PCI_ERR_UNCOR_SEVER, &sever, 4, false) ||
	    sysfs_config(bdf, aer + PCI_ERR_UNCOR_MASK, &mask, 4, false))
		return 0;
	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (!(mask & bits[i]) && !!(sever & bits[i]) == fatal)
			return bits[i];
	return 0;
}

static int aer_inject(unsigned int uncor)
{
	struct aer_error_inj einj = { .uncor_status = uncor };
	unsigned int domain, bus, dev, fn;
	int fd, n;

	if (sscanf(bdf, "%x:%x:%x.%x", &domain, &bus, &dev, &fn) != 4)
		return -EINVAL;
	einj.domain = domain;
	einj.bus = bus;
	einj.dev = dev;
	einj.fn = fn;
	fd = open(AER_INJECT, O_WRONLY);
	if (fd < 0)
		return -errno;
	n = write(fd, &einj, sizeof(einj));
	if (n < 0)
		n = -errno;
	close(fd);
	return n < 0 ? n : 0;
}

/* The e1000e's RDBAL0 through sysfs (QEMU holds the device) */
static long long probe(const unsigned int *write)
{
	long long val = -1;
	volatile unsigned int *bar;
	unsigned short cmd;
	char path[128];
	int fd;

	if (sysfs_config(bdf, PCI_COMMAND, &cmd, 2, false))
		return -1;
	cmd |= PCI_COMMAND_MEMORY;
	if (sysfs_config(bdf, PCI_COMMAND, &cmd, 2, true))
		return -1;
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource0", bdf);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0)
		return -1;
	bar = mmap(NULL, 0x4000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (bar != MAP_FAILED) {
		if (write)
			bar[0x2800 / 4] = *write;
		val = bar[0x2800 / 4];
		munmap((void *)bar, 0x4000);
	}
	close(fd);
	return val;
}

static double event_ts(const char *line)
{
	const char *s = strstr(line, "\"seconds\": "), *u = strstr(line, "\"microseconds\": ");

	if (!s || !u)
		return 0;
	return atof(s + 11) + atof(u + 16) / 1e6;
}

/* Every QMP line read: the times of the STOP and RESUME events */
static void on_qmp_line(struct qemu_vm *vm, const char *line)
{
	FIXTURE_DATA(qemu) *self = vm->opaque;

	if (strstr(line, "\"event\": \"STOP\""))
		self->stop_ts = event_ts(line);
	if (strstr(line, "\"event\": \"RESUME\""))
		self->resume_ts = event_ts(line);
}

/* A qtest command; its answer ("OK ...") in self->line. 0 on OK */
static int qtest(FIXTURE_DATA(qemu) *self, const char *fmt, ...)
{
	char cmd[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (write(self->qt_in, cmd, n) != n)
		return -1;
	/* qtest also sends "IRQ ..." lines: skip them */
	do {
		if (qemu_read_line(self->qt_out, self->qt_buf, &self->qt_len,
				   sizeof(self->qt_buf), self->line, sizeof(self->line),
				   time(NULL) + QEMU_TIMEOUT_S))
			return -1;
	} while (!strncmp(self->line, "IRQ", 3));
	return strncmp(self->line, "OK", 2) ? -1 : 0;
}

static unsigned int ecam(unsigned int bus, unsigned int devfn, unsigned int reg)
{
	return ECAM + (bus << 20) + (devfn << 12) + reg;
}

static long long cfg_read(FIXTURE_DATA(qemu) *self, unsigned int bus,
			  unsigned int devfn, unsigned int reg, int len)
{
	static const char *const op[] = { NULL, "readb", "readw", NULL, "readl" };

	if (qtest(self, "%s 0x%x\n", op[len], ecam(bus, devfn, reg)))
		return -1;
	return strtoll(self->line + 3, NULL, 16);
}

static int cfg_write(FIXTURE_DATA(qemu) *self, unsigned int bus,
		     unsigned int devfn, unsigned int reg, int len, unsigned int val)
{
	static const char *const op[] = { NULL, "writeb", "writew", NULL, "writel" };

	return qtest(self, "%s 0x%x 0x%x\n", op[len], ecam(bus, devfn, reg), val);
}

/* The offset of capability @id (extended when @ext), or 0 */
static unsigned int cfg_cap(FIXTURE_DATA(qemu) *self, unsigned int bus,
			    unsigned int devfn, unsigned int id, bool ext)
{
	long long v;
	unsigned int pos, i;

	if (ext) {
		for (pos = PCI_CFG_SPACE_SIZE, i = 0; pos && i < 64; i++) {
			v = cfg_read(self, bus, devfn, pos, 4);
			if (v <= 0 || v == 0xffffffff)
				return 0;
			if (PCI_EXT_CAP_ID(v) == id)
				return pos;
			pos = PCI_EXT_CAP_NEXT(v);
		}
		return 0;
	}
	pos = cfg_read(self, bus, devfn, PCI_CAPABILITY_LIST, 1);
	for (i = 0; pos >= 0x40 && i < 48; i++) {
		if (cfg_read(self, bus, devfn, pos, 1) == id)
			return pos;
		pos = cfg_read(self, bus, devfn, pos + 1, 1) & 0xfc;
	}
	return 0;
}

FIXTURE_SETUP(qemu)
{
	char prop[160], chardev[96], in[80], out[80];
	char *argv[40];
	int n;

	self->vm.pid = -1;
	if (access(QEMU_BIN, X_OK))
		SKIP(return, "no QEMU in the guest (make qemu)");
	if (access(AER_INJECT, W_OK))
		SKIP(return, AER_INJECT ": %s (CONFIG_PCIEAER_INJECT)", strerror(errno));
	if (recovery_fails() != variant->fails)
		SKIP(return, "%s: the host's recovery %s here", bdf,
		     variant->fails ? "succeeds" : "fails");
	if (!pick_error(variant->fatal))
		SKIP(return, "%s: no unmasked %s error to inject", bdf,
		     variant->fatal ? "fatal" : "non-fatal");

	snprintf(self->fifo, sizeof(self->fifo), "/tmp/qtest-%d", getpid());
	snprintf(in, sizeof(in), "%s.in", self->fifo);
	snprintf(out, sizeof(out), "%s.out", self->fifo);
	unlink(in);
	unlink(out);
	ASSERT_EQ(mkfifo(in, 0600), 0);
	ASSERT_EQ(mkfifo(out, 0600), 0);
	/* O_RDWR: opening a FIFO then never waits for the other end */
	self->qt_in = open(in, O_RDWR);
	self->qt_out = open(out, O_RDWR);
	ASSERT_GE(self->qt_in, 0);
	ASSERT_GE(self->qt_out, 0);
	self->qt_len = 0;

	snprintf(chardev, sizeof(chardev), "pipe,id=qt,path=%s", self->fifo);
	snprintf(prop, sizeof(prop),
		 "vfio-pci,host=%s,bus=rp1,addr=0.0,rombar=0,iommufd=i0,x-pci-error-recovery=%s",
		 bdf, variant->recovery);
	n = qemu_vm_base_args(argv);
	argv[n++] = "-accel";
	argv[n++] = "qtest";
	argv[n++] = "-chardev";
	argv[n++] = chardev;
	argv[n++] = "-qtest";
	argv[n++] = "chardev:qt";
	argv[n++] = "-qtest-log";
	argv[n++] = "/dev/null";
	argv[n++] = "-trace";
	argv[n++] = "vfio_pci_error_*";
	argv[n++] = "-device";
	argv[n++] = "pcie-root-port,id=rp1,bus=pcie.0,addr=2.0,chassis=1";
	argv[n++] = "-object";
	argv[n++] = "iommufd,id=i0";
	argv[n++] = "-device";
	argv[n++] = prop;
	argv[n] = NULL;

	self->vm.on_line = on_qmp_line;
	self->vm.opaque = self;
	ASSERT_EQ(qemu_vm_start(&self->vm, argv), 0);
}

FIXTURE_TEARDOWN(qemu)
{
	char path[80];

	qemu_vm_kill(&self->vm);
	if (self->fifo[0]) {
		snprintf(path, sizeof(path), "%s.in", self->fifo);
		unlink(path);
		snprintf(path, sizeof(path), "%s.out", self->fifo);
		unlink(path);
	}
}

/* Wait until QEMU's trace holds @what; 0 when it does */
static int trace_wait(FIXTURE_DATA(qemu) *self, const char *what)
{
	time_t end = time(NULL) + QEMU_TIMEOUT_S;
	char text[16384];

	while (time(NULL) < end) {
		FILE *f = fopen(self->vm.log, "r");
		size_t n = f ? fread(text, 1, sizeof(text) - 1, f) : 0;

		if (f)
			fclose(f);
		text[n] = 0;
		if (strstr(text, what))
			return 0;
		usleep(20000);
	}
	fprintf(stderr, "# QEMU's trace:\n%s\n", text);
	return -1;
}

/* make demo: QEMU's trace of the recovery, as KTAP diagnostics */
static void demo_print(FIXTURE_DATA(qemu) *self)
{
	char line[512];
	FILE *f = fopen(self->vm.log, "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "vfio_pci_error", strlen("vfio_pci_error")))
			printf("# qemu: %s", line);
	if (f)
		fclose(f);
}

TEST_F(qemu, error)
{
	unsigned int rp_exp, rp_aer, dev_exp, dev_aer, error, pattern = 0x5a5a5a50;
	bool ride_out = strcmp(variant->recovery, "off") && !variant->fails;
	bool deferred = false;
	char status[32];
	long long v;

	/* the guest's side: ECAM, the root port's bus and error reporting */
	ASSERT_EQ(qtest(self, "outl 0xcf8 0x80000060\n"), 0);
	ASSERT_EQ(qtest(self, "outl 0xcfc 0x%x\n", ECAM | 1), 0);
	ASSERT_EQ(cfg_write(self, 0, RP_DEVFN, PCI_PRIMARY_BUS, 4, 0x00010100), 0);
	ASSERT_EQ(cfg_write(self, 0, RP_DEVFN, PCI_BRIDGE_CONTROL, 2, PCI_BRIDGE_CTL_SERR), 0);
	rp_exp = cfg_cap(self, 0, RP_DEVFN, PCI_CAP_ID_EXP, false);
	rp_aer = cfg_cap(self, 0, RP_DEVFN, PCI_EXT_CAP_ID_ERR, true);
	ASSERT_NE(rp_exp, 0);
	ASSERT_NE(rp_aer, 0);
	ASSERT_EQ(cfg_write(self, 0, RP_DEVFN, rp_exp + PCI_EXP_DEVCTL, 2,
			    PCI_EXP_DEVCTL_CERE | PCI_EXP_DEVCTL_NFERE | PCI_EXP_DEVCTL_FERE), 0);
	ASSERT_EQ(cfg_write(self, 0, RP_DEVFN, rp_aer + PCI_ERR_ROOT_COMMAND, 4,
			    PCI_ERR_ROOT_CMD_COR_EN | PCI_ERR_ROOT_CMD_NONFATAL_EN |
			    PCI_ERR_ROOT_CMD_FATAL_EN), 0);
	ASSERT_EQ(cfg_read(self, 0, RP_DEVFN, rp_aer + PCI_ERR_ROOT_STATUS, 4), 0);

	/* the device: error reporting on, as Linux's AER driver sets it */
	ASSERT_EQ(cfg_read(self, DEV_BUS, 0, PCI_VENDOR_ID, 2), 0x8086);
	dev_exp = cfg_cap(self, DEV_BUS, 0, PCI_CAP_ID_EXP, false);
	ASSERT_NE(dev_exp, 0);
	v = cfg_read(self, DEV_BUS, 0, dev_exp + PCI_EXP_DEVCTL, 2);
	ASSERT_GE(v, 0);
	ASSERT_EQ(cfg_write(self, DEV_BUS, 0, dev_exp + PCI_EXP_DEVCTL, 2,
			    v | PCI_EXP_DEVCTL_CERE | PCI_EXP_DEVCTL_NFERE |
			    PCI_EXP_DEVCTL_FERE | PCI_EXP_DEVCTL_URRE), 0);
	dev_aer = cfg_cap(self, DEV_BUS, 0, PCI_EXT_CAP_ID_ERR, true);
	if (ride_out) {
		ASSERT_NE(dev_aer, 0) TH_LOG("the device shows the guest no AER capability");
	}

	/*
	 * The guest's view of BAR 0: the root port forwards GUEST_BAR's
	 * megabyte, the device decodes it there; the register written
	 * through sysfs reads the same through QEMU
	 */
	ASSERT_EQ(cfg_write(self, 0, RP_DEVFN, PCI_MEMORY_BASE, 4,
			    (GUEST_BAR >> 16) | (GUEST_BAR & 0xfff00000)), 0);
	ASSERT_EQ(cfg_write(self, 0, RP_DEVFN, PCI_COMMAND, 2, PCI_COMMAND_MEMORY), 0);
	ASSERT_EQ(cfg_write(self, DEV_BUS, 0, PCI_BASE_ADDRESS_0, 4, GUEST_BAR), 0);
	ASSERT_EQ(cfg_write(self, DEV_BUS, 0, PCI_COMMAND, 2, PCI_COMMAND_MEMORY), 0);
	ASSERT_EQ(probe(&pattern), pattern);
	ASSERT_EQ(qtest(self, "readl 0x%x\n", GUEST_BAR + 0x2800), 0);
	EXPECT_EQ(strtoll(self->line + 3, NULL, 16), pattern);
	error = pick_error(variant->fatal);
	ASSERT_EQ(aer_inject(error), 0);

	if (!ride_out) {
		/* stopped for good: STOP, then an internal error */
		ASSERT_EQ(qemu_vm_wait(&self->vm, "\"event\": \"STOP\""), 0);
		if (variant->fails) {
			ASSERT_EQ(trace_wait(self, "recovery ended: failed"), 0);
		}
		ASSERT_EQ(qemu_vm_status(&self->vm, status, sizeof(status)), 0)
			qemu_vm_dump(&self->vm);
		EXPECT_STREQ(status, "internal-error");
	} else {
		/*
		 * Paused while the host recovers; QMP answers meanwhile:
		 * "paused", unless the recovery ended before the answer
		 */
		ASSERT_EQ(qemu_vm_wait(&self->vm, "\"event\": \"STOP\""), 0);
		/*
		 * A guest access to the BAR meanwhile waits in the host's
		 * fence at most until the recovery's end: it is answered, and
		 * so is QMP after it
		 */
		ASSERT_EQ(qtest(self, "readl 0x%x\n", GUEST_BAR + 0x2800), 0);
		if (variant->reset_during) {
			char *log;

			ASSERT_EQ(qemu_vm_qmp(&self->vm, "system_reset", "\"RESET\""), 0)
				qemu_vm_dump(&self->vm);
			log = qemu_vm_log(&self->vm, 0);
			deferred = !strstr(log, "recovery ended");
			free(log);
			if (!deferred)
				printf("# the host's recovery ended before the reset\n");
		}
		ASSERT_EQ(qemu_vm_status(&self->vm, status, sizeof(status)), 0)
			qemu_vm_dump(&self->vm);
		EXPECT_TRUE(!strcmp(status, "paused") || self->resume_ts ||
			    (variant->reset_during && !strcmp(status, "prelaunch")))
			TH_LOG("status during the recovery: %s", status);
		if (self->resume_ts == 0) {
			ASSERT_EQ(qemu_vm_wait(&self->vm, "\"event\": \"RESUME\""), 0);
		}
		/* it runs again at the end of the host's recovery, not before */
		EXPECT_EQ(trace_wait(self, "recovery ended: recovered"), 0);
		ASSERT_EQ(qemu_vm_status(&self->vm, status, sizeof(status)), 0)
			qemu_vm_dump(&self->vm);
		EXPECT_STREQ(status, "running");
		printf("# %s: the VM was paused for %.0f ms across the host's recovery\n",
		       bdf, (self->resume_ts - self->stop_ts) * 1000);
		if (getenv("VFIO_TB_DEMO"))
			demo_print(self);

		if (variant->reset_during) {
			/*
			 * The machine was reset: QEMU reset the device after the
			 * recovery (its register at its reset value), and the
			 * guest has no error to hear of
			 */
			if (deferred) {
				EXPECT_EQ(trace_wait(self, "recovered, then reset"), 0);
			}
			EXPECT_EQ(probe(NULL), 0);
			goto quit;
		}

		/* the guest's root port received the error, from the device */
		v = cfg_read(self, 0, RP_DEVFN, rp_aer + PCI_ERR_ROOT_STATUS, 4);
		EXPECT_EQ(v & (PCI_ERR_ROOT_UNCOR_RCV | PCI_ERR_ROOT_FATAL_RCV |
			       PCI_ERR_ROOT_NONFATAL_RCV),
			  PCI_ERR_ROOT_UNCOR_RCV | (variant->fatal ? PCI_ERR_ROOT_FATAL_RCV :
							PCI_ERR_ROOT_NONFATAL_RCV))
			TH_LOG("Root Error Status %#llx", v);
		v = cfg_read(self, 0, RP_DEVFN, rp_aer + PCI_ERR_ROOT_ERR_SRC, 4);
		EXPECT_EQ(v >> 16, DEV_BUS << 8) TH_LOG("Error Source %#llx", v);
		v = cfg_read(self, DEV_BUS, 0, dev_aer + PCI_ERR_UNCOR_STATUS, 4);
		EXPECT_NE(v, 0) TH_LOG("the device's AER logged nothing");
		v = cfg_read(self, DEV_BUS, 0, dev_aer + PCI_ERR_UNCOR_SEVER, 4);
		EXPECT_EQ(!!(cfg_read(self, DEV_BUS, 0, dev_aer + PCI_ERR_UNCOR_STATUS, 4) & v),
			  variant->fatal);

		/* a fatal error's link reset reset the device; it answers */
		EXPECT_EQ(probe(NULL), variant->fatal ? 0 : pattern)
			TH_LOG("the probe register after the recovery");
	}

quit:
	ASSERT_NE(qemu_vm_quit(&self->vm), -1);
}

int main(int argc, char **argv)
{
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s BDF... [harness options]\n", argv[0]);
		return 1;
	}
	mkdir("/tmp", 0755);
	bdf = argv[1];
	/* the devices, then the harness's options */
	for (i = 1; i < argc && argv[i][0] != '-'; i++)
		;
	argv[i - 1] = argv[0];
	return test_harness_run(argc - i + 1, argv + i - 1);
}
