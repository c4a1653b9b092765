// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-tb-bench: hot reset and PCIe error recovery latency for
 * `make bench`, in the testbed guest.
 *
 *   vfio-tb-bench vfio     TOPO KERNEL N BDF...  the functions of one reset
 *                                                domain, bound to vfio-pci
 *   vfio-tb-bench recovery TOPO KERNEL N BDF...  the same, N fatal errors
 *                                                per row (/dev/aer_inject)
 *   vfio-tb-bench floor    TOPO KERNEL N BDF     BDF bound to no driver
 *
 * "vfio" opens the devices through their cdevs (one iommufd, zero-length
 * array: both lines have it) and times N hot resets idle and while a
 * second thread loops on one kind of access to the first device, then N
 * VFIO_DEVICE_GET_PCI_HOT_RESET_INFO calls. "recovery" injects N fatal
 * errors into the first device for each row: the error eventfd's latency
 * and the end of the AER core's own recovery (the state polled, no
 * opt-in), the end of a fenced recovery (the notify eventfd), and the
 * delivery of a signal to a thread loading from a BAR0 mapping during the
 * recovery, without and with the opt-in. Rows that need the recovery
 * features fail with ENOTTY on a kernel without them. "floor" times N
 * resets through sysfs (reset_method "bus"), without vfio. One line per
 * row on stdout:
 *
 *   bench TOPO KERNEL ROW N OK FAIL ERRNOS P50_US P95_US MAX_US ACCESSES
 *
 * ERRNOS is "-" or the failures by errno ("EBUSY:29,EIO:1"); the latency
 * is over the calls that succeeded ("-" when none did); ACCESSES is how
 * many accesses the contention thread made ("-" without one).
 *
 * Self-contained (raw ioctls), so that it builds against either line's
 * uapi headers.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <linux/iommufd.h>
#include <linux/pci_regs.h>
#include <linux/vfio.h>

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

#define MAX_DEVS	8

/* The devices of one reset domain, opened as cdevs into one iommufd. */
struct bench_set {
	int iommufd;
	int nr;
	int fd[MAX_DEVS];
};

/* /dev/vfio/devices/vfioN of @bdf, or NULL. */
static char *cdev_path(const char *bdf)
{
	char dir[128];
	char *path = NULL;
	struct dirent *d;
	DIR *dp;

	snprintf(dir, sizeof(dir), "/sys/bus/pci/devices/%s/vfio-dev", bdf);
	dp = opendir(dir);
	if (!dp)
		return NULL;
	while ((d = readdir(dp)))
		if (!strncmp(d->d_name, "vfio", 4) &&
		    asprintf(&path, "/dev/vfio/devices/%s", d->d_name) > 0)
			break;
	closedir(dp);
	return path;
}

static void set_close(struct bench_set *set)
{
	int i;

	for (i = 0; i < set->nr; i++)
		close(set->fd[i]);
	if (set->iommufd >= 0)
		close(set->iommufd);
}

/* Open @bdfs as cdevs bound to one iommufd, attached to one IOAS. */
static int set_open(struct bench_set *set, char **bdfs, int nr)
{
	struct iommu_ioas_alloc ioas = { .size = sizeof(ioas) };
	int i, ret = 0;

	memset(set, 0, sizeof(*set));
	set->iommufd = open("/dev/iommu", O_RDWR);
	if (set->iommufd < 0 ||
	    ioctl(set->iommufd, IOMMU_IOAS_ALLOC, &ioas))
		return -errno;
	for (i = 0; i < nr && i < MAX_DEVS; i++) {
		struct vfio_device_bind_iommufd bind = {
			.argsz = sizeof(bind), .iommufd = set->iommufd,
		};
		struct vfio_device_attach_iommufd_pt attach = {
			.argsz = sizeof(attach), .pt_id = ioas.out_ioas_id,
		};
		char *path = cdev_path(bdfs[i]);

		if (!path)
			return -ENOENT;
		set->fd[i] = open(path, O_RDWR);
		free(path);
		if (set->fd[i] < 0)
			return -errno;
		set->nr++;
		if (ioctl(set->fd[i], VFIO_DEVICE_BIND_IOMMUFD, &bind) ||
		    ioctl(set->fd[i], VFIO_DEVICE_ATTACH_IOMMUFD_PT, &attach))
			return -errno;
	}
	return ret;
}

static int hot_reset(int fd)
{
	struct vfio_pci_hot_reset reset = { .argsz = sizeof(reset) };

	return ioctl(fd, VFIO_DEVICE_PCI_HOT_RESET, &reset) ? -errno : 0;
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

/* Set memory enable in PCI_COMMAND through the config region. */
static void enable_memory(int fd)
{
	__u64 cfg = 0;
	__u16 cmd;

	if (region_offset(fd, VFIO_PCI_CONFIG_REGION_INDEX, &cfg) ||
	    pread(fd, &cmd, sizeof(cmd), cfg + PCI_COMMAND) != sizeof(cmd))
		return;
	cmd |= PCI_COMMAND_MEMORY;
	(void)!pwrite(fd, &cmd, sizeof(cmd), cfg + PCI_COMMAND);
}

/* An mmap of BAR0 of @fd, its size in @size, or MAP_FAILED. */
static void *bar0_mmap(int fd, size_t *size)
{
	struct vfio_region_info info = {
		.argsz = sizeof(info),
		.index = VFIO_PCI_BAR0_REGION_INDEX,
	};

	if (ioctl(fd, VFIO_DEVICE_GET_REGION_INFO, &info) || !info.size)
		return MAP_FAILED;
	*size = info.size;
	return mmap(NULL, info.size, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		    info.offset);
}

/* VFIO_DEVICE_GET_PCI_HOT_RESET_INFO with room for every device, or NULL. */
static struct vfio_pci_hot_reset_info *reset_info(int fd, int *err)
{
	struct vfio_pci_hot_reset_info hdr = { .argsz = sizeof(hdr) };
	struct vfio_pci_hot_reset_info *info;
	size_t sz;

	if (!ioctl(fd, VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, &hdr) ||
	    errno != ENOSPC) {
		*err = -errno;
		return NULL;
	}
	sz = sizeof(hdr) + hdr.count * sizeof(struct vfio_pci_dependent_device);
	info = calloc(1, sz);
	if (!info) {
		*err = -ENOMEM;
		return NULL;
	}
	info->argsz = sz;
	return info;
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

static void bench_resets(struct bench_set *set, enum access kind, int n)
{
	struct contender c = { .kind = kind, .fd = set->fd[0] };
	pthread_t thread;
	struct row r;
	size_t size = 0;
	double t0;
	int i, err;

	if (region_offset(c.fd, VFIO_PCI_BAR0_REGION_INDEX, &c.bar0) ||
	    region_offset(c.fd, VFIO_PCI_CONFIG_REGION_INDEX, &c.cfg)) {
		printf("bench-error %s %s %s: no region info\n", topo, kernel,
		       access_row[kind]);
		return;
	}
	if (kind == ACCESS_BAR0_MMAP) {
		c.map = bar0_mmap(c.fd, &size);
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
		err = hot_reset(set->fd[0]);
		row_add(&r, now_us() - t0, err);
		/* the reset clears the command register's memory enable */
		enable_memory(set->fd[0]);
	}
	if (kind != ACCESS_NONE) {
		c.stop = 1;
		pthread_join(thread, NULL);
	}
	row_print(access_row[kind], &r, kind == ACCESS_NONE ? -1 : (long)c.accesses);
	if (kind == ACCESS_BAR0_MMAP)
		munmap((void *)c.map, size);
}

static void bench_info(struct bench_set *set, int n)
{
	struct vfio_pci_hot_reset_info *info;
	struct row r;
	double t0;
	int i, err;

	info = reset_info(set->fd[0], &err);
	if (!info) {
		printf("bench-error %s %s info: %s\n", topo, kernel,
		       strerror(-err));
		return;
	}
	row_init(&r, n);
	for (i = 0; i < n; i++) {
		t0 = now_us();
		err = ioctl(set->fd[0], VFIO_DEVICE_GET_PCI_HOT_RESET_INFO,
			    info) ? -errno : 0;
		row_add(&r, now_us() - t0, err);
	}
	row_print("info", &r, -1);
	free(info);
}

static int bench_vfio(char **bdfs, int nr, int n)
{
	struct sigaction sa = { .sa_handler = on_sigbus };
	struct bench_set set;
	enum access kind;
	int i, ret;

	sigaction(SIGBUS, &sa, NULL);
	ret = set_open(&set, bdfs, nr);
	if (ret) {
		printf("bench-error %s %s open: %s\n", topo, kernel,
		       strerror(-ret));
		set_close(&set);
		return 1;
	}
	for (i = 0; i < set.nr; i++)
		enable_memory(set.fd[i]);
	for (kind = ACCESS_NONE; kind <= ACCESS_BAR0_MMAP; kind++)
		bench_resets(&set, kind, n);
	bench_info(&set, n);
	set_close(&set);
	return 0;
}

/* ----- PCIe error recovery ----- */

/* What /dev/aer_inject takes (drivers/pci/pcie/aer_inject.c) */
struct aer_error_inj {
	__u8 bus, dev, fn;
	__u32 uncor_status, cor_status;
	__u32 header_log0, header_log1, header_log2, header_log3;
	__u32 domain;
};

/* Malformed TLP: fatal in the default severity of the testbed's devices */
#define FATAL_ERROR	PCI_ERR_UNC_MALF_TLP
#define END_TIMEOUT_US	30e6

static int aer_inject(const char *bdf, __u32 uncor)
{
	struct aer_error_inj e = { .uncor_status = uncor };
	unsigned int dom, bus, dev, fn;
	int fd, ret = 0;

	if (sscanf(bdf, "%x:%x:%x.%x", &dom, &bus, &dev, &fn) != 4)
		return -EINVAL;
	e.domain = dom;
	e.bus = bus;
	e.dev = dev;
	e.fn = fn;
	fd = open("/dev/aer_inject", O_WRONLY);
	if (fd < 0)
		return -errno;
	if (write(fd, &e, sizeof(e)) != sizeof(e))
		ret = -errno;
	close(fd);
	return ret;
}

/* Wait for @efd up to @us: 0 when signalled, -ETIMEDOUT. */
static int efd_wait(int efd, double us)
{
	double end = now_us() + us;
	__u64 v;

	while (read(efd, &v, sizeof(v)) != sizeof(v)) {
		if (now_us() > end)
			return -ETIMEDOUT;
		usleep(50);
	}
	return 0;
}

static int err_irq_set(int fd, int efd)
{
	struct {
		struct vfio_irq_set set;
		__s32 fd;
	} arg = {
		.set = {
			.argsz = sizeof(arg),
			.flags = VFIO_IRQ_SET_DATA_EVENTFD |
				 VFIO_IRQ_SET_ACTION_TRIGGER,
			.index = VFIO_PCI_ERR_IRQ_INDEX,
			.count = 1,
		},
		.fd = efd,
	};

	return ioctl(fd, VFIO_DEVICE_SET_IRQS, &arg) ? -errno : 0;
}

#ifdef VFIO_DEVICE_FEATURE_PCI_ERROR_STATE
static int error_state(int fd, struct vfio_device_feature_pci_error_state *st)
{
	struct {
		struct vfio_device_feature hdr;
		struct vfio_device_feature_pci_error_state st;
	} arg = {
		.hdr = {
			.argsz = sizeof(arg),
			.flags = VFIO_DEVICE_FEATURE_GET |
				 VFIO_DEVICE_FEATURE_PCI_ERROR_STATE,
		},
	};

	if (ioctl(fd, VFIO_DEVICE_FEATURE, &arg))
		return -errno;
	*st = arg.st;
	return 0;
}

static int error_notify(int fd, int efd)
{
	struct {
		struct vfio_device_feature hdr;
		struct vfio_device_feature_pci_error_notify n;
	} arg = {
		.hdr = {
			.argsz = sizeof(arg),
			.flags = VFIO_DEVICE_FEATURE_SET |
				 VFIO_DEVICE_FEATURE_PCI_ERROR_NOTIFY,
		},
		.n = { .fd = efd },
	};

	return ioctl(fd, VFIO_DEVICE_FEATURE, &arg) ? -errno : 0;
}

/* Poll until the recovery after @events has ended: 0 or -errno. */
static int wait_state_end(int fd, __u64 events)
{
	struct vfio_device_feature_pci_error_state st = { 0 };
	double end = now_us() + END_TIMEOUT_US;
	int ret;

	for (;;) {
		ret = error_state(fd, &st);
		if (ret)
			return ret;
		if (st.state != VFIO_PCI_ERROR_STATE_RECOVERING &&
		    st.events > events)
			return 0;
		if (now_us() > end)
			return -ETIMEDOUT;
		usleep(100);
	}
}

static int error_events(int fd, __u64 *events)
{
	struct vfio_device_feature_pci_error_state st = { 0 };
	int ret = error_state(fd, &st);

	*events = st.events;
	return ret;
}
#else
static int error_notify(int fd, int efd)
{
	return -ENOTTY;
}

static int wait_state_end(int fd, __u64 events)
{
	return -ENOTTY;
}

static int error_events(int fd, __u64 *events)
{
	return -ENOTTY;
}
#endif

static void realtime(int on)
{
	struct sched_param sp = {
		.sched_priority = on ? sched_get_priority_max(SCHED_FIFO) : 0,
	};

	sched_setscheduler(0, on ? SCHED_FIFO : SCHED_OTHER, &sp);
}

/* The thread in a BAR0 access when the error is reported */
struct loader {
	volatile __u32 *map;
	atomic_int stop;
	pthread_t thread;
};

static atomic_int acked;
static double acked_us;

static void on_sigusr1(int sig)
{
	acked_us = now_us();
	atomic_store(&acked, 1);
}

static __thread sigjmp_buf loader_bus_error;

static void on_loader_sigbus(int sig)
{
	siglongjmp(loader_bus_error, 1);
}

static void *load_loop(void *arg)
{
	struct loader *l = arg;
	__u32 val;

	sigsetjmp(loader_bus_error, 1);
	while (!atomic_load(&l->stop))
		val = l->map[0];
	(void)val;
	return NULL;
}

/*
 * N fatal errors into the first device of @set, each waited out. Rows:
 * err-signal and recovery-core without the opt-in (the state polled),
 * recovery-fenced with it (the notify eventfd); then signal and
 * signal-fenced: SIGUSR1 to a thread loading from BAR0, sent on the error
 * eventfd, until its handler runs.
 */
static void bench_recovery(struct bench_set *set, const char *bdf, int n)
{
	struct sigaction usr1 = { .sa_handler = on_sigusr1 };
	struct sigaction bus = { .sa_handler = on_loader_sigbus };
	struct row sig_row, core_row, fenced_row, sigs[2];
	int fd = set->fd[0], efd, nfd, i, k, ret;
	struct loader l = { 0 };
	size_t size;
	__u64 events = 0;
	double t0;

	efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	nfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	ret = err_irq_set(fd, efd);
	if (efd < 0 || nfd < 0 || ret) {
		printf("bench-error %s %s recovery: error eventfd: %s\n", topo,
		       kernel, strerror(ret ? -ret : errno));
		return;
	}
	sigaction(SIGUSR1, &usr1, NULL);
	sigaction(SIGBUS, &bus, NULL);
	enable_memory(fd);

	/* Without the opt-in: the AER core's own recovery */
	row_init(&sig_row, n);
	row_init(&core_row, n);
	for (i = 0; i < n; i++) {
		error_events(fd, &events);
		realtime(1);
		t0 = now_us();
		ret = aer_inject(bdf, FATAL_ERROR);
		if (!ret)
			ret = efd_wait(efd, END_TIMEOUT_US);
		row_add(&sig_row, now_us() - t0, ret);
		realtime(0);
		if (!ret)
			ret = wait_state_end(fd, events);
		if (ret == -ENOTTY)
			usleep(500000);	/* no end to wait for: a fixed pause */
		row_add(&core_row, now_us() - t0, ret);
		enable_memory(fd);
	}
	row_print("err-signal", &sig_row, -1);
	row_print("recovery-core", &core_row, -1);

	/* With it: fenced, restored, notified */
	row_init(&fenced_row, n);
	ret = error_notify(fd, nfd);
	for (i = 0; i < n; i++) {
		if (ret) {
			row_add(&fenced_row, 0, ret);
			continue;
		}
		t0 = now_us();
		ret = aer_inject(bdf, FATAL_ERROR);
		if (!ret)
			ret = efd_wait(nfd, END_TIMEOUT_US);
		row_add(&fenced_row, now_us() - t0, ret);
		efd_wait(efd, 0);
		ret = 0;
	}
	row_print("recovery-fenced", &fenced_row, -1);
	if (!ret)
		error_notify(fd, -1);

	/* A signal to a thread in a BAR0 access, without and with opt-in */
	l.map = bar0_mmap(fd, &size);
	if (l.map == MAP_FAILED) {
		printf("bench-error %s %s signal: mmap: %s\n", topo, kernel,
		       strerror(errno));
		return;
	}
	for (k = 0; k < 2; k++) {
		row_init(&sigs[k], n);
		ret = k ? error_notify(fd, nfd) : 0;
		for (i = 0; i < n; i++) {
			if (ret) {
				row_add(&sigs[k], 0, ret);
				continue;
			}
			error_events(fd, &events);
			atomic_store(&l.stop, 0);
			atomic_store(&acked, 0);
			pthread_create(&l.thread, NULL, load_loop, &l);
			usleep(10000);
			realtime(1);
			ret = aer_inject(bdf, FATAL_ERROR);
			if (!ret)
				ret = efd_wait(efd, END_TIMEOUT_US);
			t0 = now_us();
			if (!ret)
				pthread_kill(l.thread, SIGUSR1);
			while (!ret && !atomic_load(&acked) &&
			       now_us() - t0 < END_TIMEOUT_US)
				usleep(20);
			realtime(0);
			if (!ret && !atomic_load(&acked))
				ret = -ETIMEDOUT;
			row_add(&sigs[k], (ret ? now_us() : acked_us) - t0,
				ret);
			if (k)
				efd_wait(nfd, END_TIMEOUT_US);
			else if (wait_state_end(fd, events) == -ENOTTY)
				usleep(500000);
			atomic_store(&l.stop, 1);
			pthread_join(l.thread, NULL);
			enable_memory(fd);
			ret = 0;
		}
		row_print(k ? "signal-fenced" : "signal", &sigs[k], -1);
		if (k && !ret)
			error_notify(fd, -1);
	}
	munmap((void *)l.map, size);
	close(efd);
	close(nfd);
}

static int bench_recovery_main(char **bdfs, int nr, int n)
{
	struct bench_set set;
	int ret;

	ret = set_open(&set, bdfs, nr);
	if (ret) {
		printf("bench-error %s %s open: %s\n", topo, kernel,
		       strerror(-ret));
		set_close(&set);
		return 1;
	}
	bench_recovery(&set, bdfs[0], n);
	set_close(&set);
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

	if (argc < 6 || (strcmp(argv[1], "vfio") && strcmp(argv[1], "floor") &&
			 strcmp(argv[1], "recovery"))) {
		fprintf(stderr,
			"usage: %s vfio|recovery|floor TOPO KERNEL N BDF...\n",
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
	if (!strcmp(argv[1], "recovery"))
		return bench_recovery_main(argv + 5, argc - 5, n);
	return bench_vfio(argv + 5, argc - 5, n);
}
