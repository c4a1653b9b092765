// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-tb-bench: hot reset latency for `make bench`, in the testbed guest.
 *
 *   vfio-tb-bench vfio  TOPO KERNEL N BDF...   the functions of one reset
 *                                             domain, bound to vfio-pci
 *   vfio-tb-bench floor TOPO KERNEL N BDF      BDF bound to no driver
 *
 * "vfio" opens the devices through their cdevs (one iommufd, zero-length
 * array: 6.12 without the series has it since 6.5) and times N hot resets
 * idle and while a second thread loops on one kind of access to the first
 * device, then N VFIO_DEVICE_GET_PCI_HOT_RESET_INFO calls. "floor" times
 * N resets through sysfs (reset_method "bus"), without vfio. One line per
 * row on stdout:
 *
 *   bench TOPO KERNEL ROW N OK FAIL ERRNOS P50_US P95_US MAX_US ACCESSES
 *
 * ERRNOS is "-" or the failures by errno ("EBUSY:29,EIO:1"); the latency
 * is over the calls that succeeded ("-" when none did); ACCESSES is how
 * many accesses the contention thread made ("-" without one).
 *
 * Built against the kselftest helpers (vfio_pci_util.c) of the series.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "vfio_pci_util.h"

#define MAX_ERRNO	256

/* What the contention thread does, on the first device of the domain. */
enum access {
	ACCESS_NONE,
	ACCESS_BAR0_PREAD,	/* pread() of BAR0 through the device fd */
	ACCESS_CFG_READ,	/* pread() of the config region */
	ACCESS_CFG_WRITE,	/* read-modify-write of PCI_COMMAND, same value */
	ACCESS_BAR0_MMAP,	/* load from an mmap of BAR0 */
};

static const char *const access_row[] = {
	[ACCESS_NONE] = "idle",
	[ACCESS_BAR0_PREAD] = "bar0-pread",
	[ACCESS_CFG_READ] = "cfg-read",
	[ACCESS_CFG_WRITE] = "cfg-write",
	[ACCESS_BAR0_MMAP] = "bar0-mmap",
};

struct contender {
	enum access kind;
	int fd;
	__u64 bar0, cfg;		/* region offsets in the device fd */
	volatile __u32 *map;
	volatile int stop;
	unsigned long accesses;
};

/* The results of one row. */
struct row {
	int n, ok;
	double *us;			/* latency of each call that succeeded */
	int nerr[MAX_ERRNO];
};

static const char *topo, *kernel;

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Nearest rank: the smallest value with at least p% of them at or below. */
static double percentile(const double *v, int n, int p)
{
	int rank = (n * p + 99) / 100;

	return v[rank > 0 ? rank - 1 : 0];
}

static void row_init(struct row *r, int n)
{
	memset(r, 0, sizeof(*r));
	r->us = calloc(n, sizeof(*r->us));
	if (!r->us) {
		perror("calloc");
		exit(1);
	}
}

/* Record one call: err is 0 or a negative errno. */
static void row_add(struct row *r, double us, int err)
{
	r->n++;
	if (!err)
		r->us[r->ok++] = us;
	else
		r->nerr[-err < MAX_ERRNO ? -err : 0]++;
}

static void row_print(const char *name, struct row *r, long accesses)
{
	char errs[512] = "", acc[32] = "-";
	int e, len = 0;

	for (e = 0; e < MAX_ERRNO; e++) {
		if (!r->nerr[e])
			continue;
		len += snprintf(errs + len, sizeof(errs) - len, "%s%s:%d",
				len ? "," : "", e ? strerrorname_np(e) : "E?",
				r->nerr[e]);
	}
	if (accesses >= 0)
		snprintf(acc, sizeof(acc), "%ld", accesses);
	printf("bench %s %s %s %d %d %d %s", topo, kernel, name, r->n, r->ok,
	       r->n - r->ok, len ? errs : "-");
	if (r->ok) {
		qsort(r->us, r->ok, sizeof(*r->us), cmp_double);
		printf(" %.0f %.0f %.0f", percentile(r->us, r->ok, 50),
		       percentile(r->us, r->ok, 95), r->us[r->ok - 1]);
	} else {
		printf(" - - -");
	}
	printf(" %s\n", acc);
	fflush(stdout);
	free(r->us);
}

static int region_offset(int fd, int index, __u64 *offset)
{
	struct vfio_region_info info = {
		.argsz = sizeof(info),
		.index = index,
	};

	if (ioctl(fd, VFIO_DEVICE_GET_REGION_INFO, &info))
		return -errno;
	*offset = info.offset;
	return 0;
}

static sigjmp_buf bus_error;

static void on_sigbus(int sig)
{
	siglongjmp(bus_error, 1);
}

static void *contend(void *arg)
{
	struct contender *c = arg;
	__u32 val;
	__u16 cmd;

	/* A load from a BAR the reset has disabled: count it and go on. */
	if (c->kind == ACCESS_BAR0_MMAP)
		sigsetjmp(bus_error, 1);
	while (!c->stop) {
		switch (c->kind) {
		case ACCESS_BAR0_PREAD:
			(void)!pread(c->fd, &val, sizeof(val), c->bar0);
			break;
		case ACCESS_CFG_READ:
			(void)!pread(c->fd, &val, sizeof(val), c->cfg);
			break;
		case ACCESS_CFG_WRITE:
			if (pread(c->fd, &cmd, sizeof(cmd),
				  c->cfg + PCI_COMMAND) == sizeof(cmd))
				(void)!pwrite(c->fd, &cmd, sizeof(cmd),
					      c->cfg + PCI_COMMAND);
			break;
		case ACCESS_BAR0_MMAP:
			val = c->map[0];
			break;
		case ACCESS_NONE:
			return NULL;
		}
		c->accesses++;
	}
	return NULL;
}

static void bench_resets(struct vfio_pci_set *set, enum access kind, int n)
{
	struct contender c = { .kind = kind, .fd = set->dev[0].fd };
	pthread_t thread;
	struct row r;
	size_t size;
	double t0;
	int i, err;

	if (region_offset(c.fd, VFIO_PCI_BAR0_REGION_INDEX, &c.bar0) ||
	    region_offset(c.fd, VFIO_PCI_CONFIG_REGION_INDEX, &c.cfg)) {
		printf("bench-error %s %s %s: no region info\n", topo, kernel,
		       access_row[kind]);
		return;
	}
	if (kind == ACCESS_BAR0_MMAP) {
		c.map = vfio_pci_bar_mmap(c.fd, 0, &size);
		if (c.map == MAP_FAILED) {
			printf("bench-error %s %s %s: mmap: %s\n", topo, kernel,
			       access_row[kind], strerror(errno));
			return;
		}
	}
	row_init(&r, n);
	if (kind != ACCESS_NONE)
		pthread_create(&thread, NULL, contend, &c);
	for (i = 0; i < n; i++) {
		t0 = now_us();
		err = vfio_pci_hot_reset(set->dev[0].fd, NULL, 0);
		row_add(&r, now_us() - t0, err);
		/* the reset clears the command register's memory enable */
		vfio_pci_enable_memory(set->dev[0].fd);
	}
	if (kind != ACCESS_NONE) {
		c.stop = 1;
		pthread_join(thread, NULL);
	}
	row_print(access_row[kind], &r, kind == ACCESS_NONE ? -1 : (long)c.accesses);
	if (kind == ACCESS_BAR0_MMAP)
		munmap((void *)c.map, size);
}

static void bench_info(struct vfio_pci_set *set, int n)
{
	struct vfio_pci_hot_reset_info *info;
	struct row r;
	double t0;
	int i, err;

	info = vfio_pci_hot_reset_info(set->dev[0].fd, &err);
	if (!info) {
		printf("bench-error %s %s info: %s\n", topo, kernel,
		       strerror(-err));
		return;
	}
	row_init(&r, n);
	for (i = 0; i < n; i++) {
		t0 = now_us();
		err = ioctl(set->dev[0].fd, VFIO_DEVICE_GET_PCI_HOT_RESET_INFO,
			    info) ? -errno : 0;
		row_add(&r, now_us() - t0, err);
	}
	row_print("info", &r, -1);
	free(info);
}

static int bench_vfio(char **bdfs, int nr, int n)
{
	struct sigaction sa = { .sa_handler = on_sigbus };
	struct vfio_pci_set set;
	enum access kind;
	int i, ret;

	sigaction(SIGBUS, &sa, NULL);
	ret = vfio_pci_set_open(&set, VFIO_OPEN_CDEV, bdfs, nr);
	if (ret) {
		printf("bench-error %s %s open: %s\n", topo, kernel,
		       strerror(-ret));
		vfio_pci_set_close(&set);
		return 1;
	}
	for (i = 0; i < set.nr; i++)
		vfio_pci_enable_memory(set.dev[i].fd);
	for (kind = ACCESS_NONE; kind <= ACCESS_BAR0_MMAP; kind++)
		bench_resets(&set, kind, n);
	bench_info(&set, n);
	vfio_pci_set_close(&set);
	return 0;
}

static int sysfs_write(const char *bdf, const char *attr, const char *val)
{
	char path[128];
	int fd, ret = 0;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/%s", bdf, attr);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	if (write(fd, val, strlen(val)) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

/* The same bus reset without vfio: BDF bound to no driver, via sysfs. */
static int bench_floor(const char *bdf, int n)
{
	struct row r;
	double t0;
	int i, err;

	err = sysfs_write(bdf, "reset_method", "bus");
	if (err) {
		printf("bench-error %s %s floor: reset_method bus: %s\n", topo,
		       kernel, strerror(-err));
		return 1;
	}
	row_init(&r, n);
	for (i = 0; i < n; i++) {
		t0 = now_us();
		err = sysfs_write(bdf, "reset", "1");
		row_add(&r, now_us() - t0, err);
	}
	row_print("floor", &r, -1);
	return 0;
}

int main(int argc, char **argv)
{
	int n;

	if (argc < 6 || (strcmp(argv[1], "vfio") && strcmp(argv[1], "floor"))) {
		fprintf(stderr, "usage: %s vfio|floor TOPO KERNEL N BDF...\n",
			argv[0]);
		return 2;
	}
	topo = argv[2];
	kernel = argv[3];
	n = atoi(argv[4]);
	if (n < 1)
		n = 1;
	if (!strcmp(argv[1], "floor"))
		return bench_floor(argv[5], n);
	return bench_vfio(argv + 5, argc - 5, n);
}
