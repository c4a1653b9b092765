// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-tb-demo: show the vfio-pci hot-reset uAPI at work on the devices
 * named on the command line (the functions of one reset domain, bound to
 * vfio-pci). Runs in the testbed guest for `make demo`.
 *
 * It prints the devices with their IOMMU groups and reset domain, the
 * VFIO_DEVICE_GET_PCI_HOT_RESET_INFO answer of each device, one hot reset
 * through the group path and one through the cdev path with their latency
 * and proof that the reset happened, and one denied reset with its errno.
 * Where the domain has two IOMMU groups with cdevs, the denied reset is of
 * a user whose functions sit in two iommufd_ctx, and the same user then
 * resets the domain with its device fds.
 *
 * Then five hot resets while another thread reads BAR0 of the first device,
 * with their latency and what the reader saw; and a fatal PCIe error
 * injected into the first device (/dev/aer_inject) while threads read and
 * mmap-load its BAR0: when the legacy error eventfd and the recovery
 * eventfd (VFIO_DEVICE_FEATURE_PCI_ERROR_NOTIFY) fired, the fence window
 * between them and what the threads saw in it, the error state before and
 * after (VFIO_DEVICE_FEATURE_PCI_ERROR_STATE), the reset shown by the probe
 * registers, and the device back in use: registers written and one hot
 * reset.
 *
 * Built against the kselftest helpers (vfio_pci_util.c) of the series.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/pci_regs.h>

#include "vfio_pci_util.h"

#define NR_BUSY_RESETS		5
/* From an injected error to the end of its recovery, at most */
#define RECOVERY_TIMEOUT_MS	10000
/* How long a thread is given to stop */
#define JOIN_TIMEOUT_S		15

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

static const char *mode_name[] = {
	[VFIO_OPEN_GROUP] = "group",
	[VFIO_OPEN_CDEV] = "cdev",
};

/* See on_sigbus(). */
static __thread sigjmp_buf *bus_error;

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void print_devices(char **bdfs, int nr)
{
	struct vfio_pci_domain domain;
	int i;

	printf("Devices\n");
	for (i = 0; i < nr; i++) {
		bool noiommu = false;
		int group = vfio_pci_sysfs_group(bdfs[i], &noiommu);
		__u16 vendor = 0, device = 0;

		vfio_pci_sysfs_ids(bdfs[i], &vendor, &device);
		printf("  %s  [%04x:%04x]  IOMMU group %d%s  cdev %s\n",
		       bdfs[i], vendor, device, group,
		       noiommu ? " (noiommu)" : "",
		       vfio_pci_cdev_usable(bdfs[i]) ? "yes" : "no (noiommu)");
	}
	vfio_pci_reset_domain_sysfs(bdfs[0], &domain);
	printf("  reset domain of %s (sysfs):", bdfs[0]);
	for (i = 0; i < domain.nr; i++)
		printf(" %s", domain.bdf[i]);
	printf("\n\n");
}

static void print_info(struct vfio_pci_dev *dev, enum vfio_open_mode mode)
{
	struct vfio_pci_hot_reset_info *info;
	int i, err;

	info = vfio_pci_hot_reset_info(dev->fd, &err);
	if (!info) {
		printf("  INFO from %s: %s\n", dev->bdf, strerror(-err));
		return;
	}
	printf("  INFO from %s (%s): flags 0x%x%s%s%s, %u affected\n",
	       dev->bdf, mode_name[mode], info->flags,
	       info->flags & VFIO_PCI_HOT_RESET_FLAG_DEV_ID ? " DEV_ID" : "",
	       info->flags & VFIO_PCI_HOT_RESET_FLAG_DEV_ID_OWNED ?
	       " DEV_ID_OWNED" : "",
	       info->flags & VFIO_PCI_HOT_RESET_FLAG_DEVICE_FDS ?
	       " DEVICE_FDS" : "", info->count);
	for (i = 0; i < info->count; i++) {
		struct vfio_pci_dependent_device *d = &info->devices[i];
		char bdf[VFIO_BDF_LEN];

		vfio_pci_dep_bdf(d, bdf);
		printf("    %s  ", bdf);
		if (!(info->flags & VFIO_PCI_HOT_RESET_FLAG_DEV_ID))
			printf("group_id %u\n", d->group_id);
		else if (d->devid == (__u32)VFIO_PCI_DEVID_NOT_OWNED)
			printf("devid NOT_OWNED (-1)\n");
		else if (d->devid == VFIO_PCI_DEVID_OWNED)
			printf("devid OWNED (0): not opened, owned\n");
		else
			printf("devid %u\n", d->devid);
	}
	free(info);
}

/* Write each function's probe register; return how many hold the value. */
static int arm_probes(struct vfio_pci_dev *devs, int nr)
{
	int i, n = 0;

	for (i = 0; i < nr; i++) {
		const struct vfio_reset_probe *p = vfio_reset_probe_find(devs[i].bdf);

		n += p && vfio_reset_probe_arm(devs[i].fd, p) > 0;
	}
	return n;
}

/*
 * How many probe registers hold their reset value; with @print, each one
 * is printed too.
 */
static int probes_at_reset(struct vfio_pci_dev *devs, int nr, bool print)
{
	int i, n = 0;

	for (i = 0; i < nr; i++) {
		const struct vfio_reset_probe *p = vfio_reset_probe_find(devs[i].bdf);
		__u32 val;

		if (!p || vfio_reset_probe_read(devs[i].fd, p, &val))
			continue;
		if (print)
			printf("    %s %s = 0x%08x (written 0x%08x, reset value 0x%08x)\n",
			       devs[i].bdf, p->name, val,
			       vfio_reset_probe_pattern(p), p->reset_value);
		n += val == p->reset_value;
	}
	return n;
}

/* Print each probe register; return how many hold their reset value. */
static int show_probes(struct vfio_pci_dev *devs, int nr)
{
	return probes_at_reset(devs, nr, true);
}

static int demo_mode(char **bdfs, int nr, enum vfio_open_mode mode)
{
	struct vfio_pci_set set;
	double t0, ms;
	int i, n, ret, armed;

	printf("Hot reset through the %s path\n", mode_name[mode]);
	if (mode == VFIO_OPEN_CDEV && !vfio_pci_cdev_usable(bdfs[0])) {
		printf("  skipped: %s has no usable vfio cdev (noiommu: no iommufd_ctx to prove ownership)\n\n",
		       bdfs[0]);
		return 0;
	}
	ret = vfio_pci_set_open(&set, mode, bdfs, nr);
	if (ret) {
		printf("  cannot open the devices: %s\n\n", strerror(-ret));
		vfio_pci_set_close(&set);
		return 1;
	}
	for (i = 0; i < set.nr; i++)
		print_info(&set.dev[i], mode);

	armed = arm_probes(set.dev, set.nr);
	t0 = now_ms();
	if (mode == VFIO_OPEN_GROUP)
		ret = vfio_pci_hot_reset(set.dev[0].fd, set.group_fd,
					 set.nr_groups);
	else
		ret = vfio_pci_hot_reset(set.dev[0].fd, NULL, 0);
	ms = now_ms() - t0;
	if (mode == VFIO_OPEN_GROUP)
		printf("  VFIO_DEVICE_PCI_HOT_RESET on %s with %d group fd(s): %s in %.1f ms\n",
		       set.dev[0].bdf, set.nr_groups,
		       ret ? strerror(-ret) : "ok", ms);
	else
		printf("  VFIO_DEVICE_PCI_HOT_RESET on %s with a zero-length array: %s in %.1f ms\n",
		       set.dev[0].bdf, ret ? strerror(-ret) : "ok", ms);
	printf("  probe registers after the reset (%d holding what was written):\n",
	       armed);
	n = show_probes(set.dev, set.nr);
	printf("  %d of them back at their reset value\n", n);
	printf("\n");
	vfio_pci_set_close(&set);
	return ret ? 1 : 0;
}

/*
 * Two functions of different IOMMU groups are both held by this user, as
 * device fds: it resets the domain with them.
 */
static int demo_device_fds(struct vfio_pci_dev *devs)
{
	int fds[2] = { devs[0].fd, devs[1].fd };
	double t0, ms;
	int ret, n;

	printf("The same user proves ownership with its device fds\n");
	arm_probes(devs, 2);
	t0 = now_ms();
	ret = vfio_pci_hot_reset(devs[0].fd, fds, 2);
	ms = now_ms() - t0;
	printf("  VFIO_DEVICE_PCI_HOT_RESET on %s with the device fds of %s and %s: %s in %.1f ms\n",
	       devs[0].bdf, devs[0].bdf, devs[1].bdf,
	       ret ? strerror(-ret) : "ok", ms);
	printf("  probe registers after the reset:\n");
	n = show_probes(devs, 2);
	printf("  %d of them back at their reset value\n\n", n);
	return ret ? 1 : 0;
}

/*
 * A denied reset. With two functions in different IOMMU groups and cdevs:
 * each opened through its own iommufd, so the zero-length array (which
 * proves only the caller's iommufd_ctx) does not cover the other. (Two
 * functions of one group cannot be split over two iommufds at all.) The
 * device fds then prove both. Otherwise: a group user passing no group fd.
 */
static int demo_denied(char **bdfs, int nr)
{
	struct vfio_pci_dev both[2] = {};
	struct vfio_pci_set set;
	const char *why;
	int ret, fails = 0, fd2 = -1, ictx2 = -1;
	__u32 devid2;

	printf("A denied hot reset\n");
	if (nr >= 2 && vfio_pci_cdev_usable(bdfs[1]) &&
	    vfio_pci_sysfs_group(bdfs[0], NULL) !=
	    vfio_pci_sysfs_group(bdfs[1], NULL)) {
		ret = vfio_pci_set_open(&set, VFIO_OPEN_CDEV, bdfs, 1);
		ictx2 = open("/dev/iommu", O_RDWR);
		if (!ret && ictx2 >= 0)
			fd2 = vfio_pci_cdev_open_bound(bdfs[1], ictx2, &devid2);
		if (ret || fd2 < 0) {
			printf("  cannot set up: %s\n\n",
			       strerror(ret ? -ret : -fd2));
			vfio_pci_set_close(&set);
			return 1;
		}
		printf("  %s bound to iommufd A, %s bound to iommufd B (devid %u there)\n",
		       bdfs[0], bdfs[1], devid2);
		print_info(&set.dev[0], VFIO_OPEN_CDEV);
		both[0] = set.dev[0];
		both[1] = set.dev[0];
		snprintf(both[1].bdf, sizeof(both[1].bdf), "%s", bdfs[1]);
		both[1].fd = fd2;
		arm_probes(both, 2);
		ret = vfio_pci_hot_reset(set.dev[0].fd, NULL, 0);
		why = "another function of the domain is open in a different iommufd_ctx, which the zero-length array does not prove";
	} else {
		ret = vfio_pci_set_open(&set, VFIO_OPEN_GROUP, bdfs, nr);
		if (ret) {
			printf("  cannot open: %s\n\n", strerror(-ret));
			vfio_pci_set_close(&set);
			return 1;
		}
		arm_probes(set.dev, set.nr);
		ret = vfio_pci_hot_reset(set.dev[0].fd, NULL, 0);
		why = "a group-opened device must prove ownership with group fds; the zero-length array is for cdev users";
	}
	printf("  VFIO_DEVICE_PCI_HOT_RESET on %s with a zero-length array: %s (errno %d)\n",
	       set.dev[0].bdf, ret ? strerror(-ret) : "ok (unexpected)", -ret);
	printf("  reason: %s\n", why);
	printf("  probe registers after the denied reset:\n");
	printf("  %d of them at their reset value (nothing was reset)\n",
	       fd2 >= 0 ? show_probes(both, 2) : show_probes(set.dev, 1));
	printf("\n");
	fails += ret != -EINVAL;
	if (fd2 >= 0) {
		fails += demo_device_fds(both);
		close(fd2);
	}
	if (ictx2 >= 0)
		close(ictx2);
	vfio_pci_set_close(&set);
	return fails;
}

/*
 * Open the devices through their cdevs if the first has a usable one, else
 * through their groups. Returns 0, or -errno with the set closed.
 */
static int open_any(struct vfio_pci_set *set, char **bdfs, int nr)
{
	enum vfio_open_mode mode = vfio_pci_cdev_usable(bdfs[0]) ?
				   VFIO_OPEN_CDEV : VFIO_OPEN_GROUP;
	int ret;

	ret = vfio_pci_set_open(set, mode, bdfs, nr);
	if (ret) {
		printf("  cannot open the devices through the %s path: %s\n\n",
		       mode_name[mode], strerror(-ret));
		vfio_pci_set_close(set);
		return ret;
	}
	printf("  devices opened through the %s path\n", mode_name[mode]);
	return 0;
}

/* A hot reset from the first device with the proof its open mode needs. */
static int hot_reset_set(struct vfio_pci_set *set, double *ms)
{
	double t0 = now_ms();
	int ret;

	if (set->mode == VFIO_OPEN_GROUP)
		ret = vfio_pci_hot_reset(set->dev[0].fd, set->group_fd,
					 set->nr_groups);
	else
		ret = vfio_pci_hot_reset(set->dev[0].fd, NULL, 0);
	*ms = now_ms() - t0;
	return ret;
}

static const char *proof_name(struct vfio_pci_set *set)
{
	static char buf[32];

	if (set->mode == VFIO_OPEN_CDEV)
		return "a zero-length array";
	snprintf(buf, sizeof(buf), "%d group fd(s)", set->nr_groups);
	return buf;
}

/* Whether eventfd @efd has been signalled, leaving its count alone. */
static bool efd_ready(int efd)
{
	struct pollfd p = { .fd = efd, .events = POLLIN };

	return efd >= 0 && poll(&p, 1, 0) > 0;
}

/* A load from a BAR the kernel refuses to map: counted by the loader. */
static void on_sigbus(int sig)
{
	if (bus_error)
		siglongjmp(*bus_error, 1);
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * A thread looping one access to BAR0 of a device: pread() through the
 * device fd, or loads from an mmap() of BAR0. With @err_efd and @done_efd,
 * a read is in the fence window when the error eventfd was signalled before
 * it began and the recovery eventfd not yet when it ended.
 */
struct looper {
	int fd;
	__u64 off;		/* BAR0 region offset, for pread() */
	__u32 *map;		/* BAR0 mapping: loads instead of reads */
	int err_efd, done_efd;	/* the fence window, or -1 */
	pthread_t thread;
	bool running;
	int stop;		/* __atomic: set by the main thread */
	int started;		/* __atomic: the thread made an access */
	/* what the thread saw, read by the main thread after the join */
	unsigned long n, ok, eio, other, sigbus;
	unsigned long win_ok, win_eio;
	int other_errno;	/* the first other failure, 0: a short read */
	double longest;		/* ms, the longest single access */
	double longest_at;	/* when it began */
};

static void *loop_access(void *arg)
{
	struct looper *l = arg;
	bool in;
	sigjmp_buf env;
	double t, ms;
	__u32 val;
	ssize_t n;

	if (l->map) {
		bus_error = &env;
		if (sigsetjmp(env, 1))
			l->sigbus++;
	}
	while (!__atomic_load_n(&l->stop, __ATOMIC_ACQUIRE)) {
		in = efd_ready(l->err_efd) && !efd_ready(l->done_efd);
		t = now_ms();
		if (l->map) {
			val = __atomic_load_n(l->map, __ATOMIC_RELAXED);
			n = sizeof(val);
		} else {
			n = pread(l->fd, &val, sizeof(val), l->off);
		}
		ms = now_ms() - t;
		in = in && !efd_ready(l->done_efd);
		l->n++;
		if (ms > l->longest) {
			l->longest = ms;
			l->longest_at = t;
		}
		if (n == sizeof(val)) {
			l->ok++;
			l->win_ok += in;
		} else if (n < 0 && errno == EIO) {
			l->eio++;
			l->win_eio += in;
		} else if (!l->other++) {
			l->other_errno = n < 0 ? errno : 0;
		}
		__atomic_store_n(&l->started, 1, __ATOMIC_RELEASE);
	}
	bus_error = NULL;
	return NULL;
}

/* Start @l on @dev and wait for its first access. Returns 0 or -errno. */
static int looper_start(struct looper *l, struct vfio_pci_dev *dev,
			void *map, int err_efd, int done_efd)
{
	struct vfio_region_info info = {
		.argsz = sizeof(info),
		.index = VFIO_PCI_BAR0_REGION_INDEX,
	};
	struct timespec ms = { .tv_nsec = 1000000 };
	int ret, waited;

	memset(l, 0, sizeof(*l));
	l->fd = dev->fd;
	l->map = map;
	l->err_efd = err_efd;
	l->done_efd = done_efd;
	if (ioctl(dev->fd, VFIO_DEVICE_GET_REGION_INFO, &info))
		return -errno;
	l->off = info.offset;
	ret = pthread_create(&l->thread, NULL, loop_access, l);
	if (ret)
		return -ret;
	l->running = true;
	for (waited = 0; waited < RECOVERY_TIMEOUT_MS &&
	     !__atomic_load_n(&l->started, __ATOMIC_ACQUIRE); waited++)
		nanosleep(&ms, NULL);
	return __atomic_load_n(&l->started, __ATOMIC_ACQUIRE) ? 0 : -ETIMEDOUT;
}

/*
 * Stop @l, given JOIN_TIMEOUT_S. Returns false if it is still blocked (a
 * BAR fault waiting for a recovery that does not end): it is left behind.
 */
static bool looper_stop(struct looper *l)
{
	struct timespec deadline;

	if (!l->running)
		return true;
	__atomic_store_n(&l->stop, 1, __ATOMIC_RELEASE);
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += JOIN_TIMEOUT_S;
	if (pthread_timedjoin_np(l->thread, NULL, &deadline))
		return false;
	l->running = false;
	return true;
}

static const char *other_name(struct looper *l)
{
	return l->other_errno ? strerror(l->other_errno) : "a short read";
}

/*
 * Hot resets of the domain while another thread of the same user loops
 * pread() of BAR0 of the first device: each reset succeeds, the reads wait
 * for it.
 */
static int demo_busy_reset(char **bdfs, int nr)
{
	struct vfio_pci_set set;
	struct looper rd;
	int i, ret, armed, n, fails = 0;
	double ms;

	printf("Hot reset while another thread reads BAR0\n");
	if (open_any(&set, bdfs, nr))
		return 1;
	vfio_pci_enable_memory(set.dev[0].fd);
	ret = looper_start(&rd, &set.dev[0], NULL, -1, -1);
	if (ret) {
		printf("  cannot start the reader: %s\n\n", strerror(-ret));
		looper_stop(&rd);
		vfio_pci_set_close(&set);
		return 1;
	}
	printf("  a thread loops pread() of BAR0 offset 0 of %s\n",
	       set.dev[0].bdf);
	for (i = 0; i < NR_BUSY_RESETS; i++) {
		armed = arm_probes(set.dev, set.nr);
		ret = hot_reset_set(&set, &ms);
		n = probes_at_reset(set.dev, set.nr, false);
		printf("  hot reset %d with %s: %s in %.1f ms; probe registers: %d written, %d back at reset value\n",
		       i + 1, proof_name(&set), ret ? strerror(-ret) : "ok",
		       ms, armed, n);
		fails += ret != 0;
	}
	if (!looper_stop(&rd)) {
		printf("  the reader did not stop in %d s\n\n", JOIN_TIMEOUT_S);
		return fails + 1;
	}
	printf("  the reader: %lu reads, %lu failed (%lu EIO), longest read %.1f ms\n",
	       rd.n, rd.eio + rd.other, rd.eio, rd.longest);
	if (rd.other)
		printf("  %lu failed otherwise, the first with %s\n", rd.other,
		       other_name(&rd));
	printf("  %d of %d hot resets succeeded while it read\n\n",
	       NR_BUSY_RESETS - fails, NR_BUSY_RESETS);
	vfio_pci_set_close(&set);
	return fails;
}

/* The legacy error eventfd: VFIO_PCI_ERR_IRQ_INDEX, signalled per error. */
static int set_err_eventfd(int fd, int efd)
{
	__u64 buf[(sizeof(struct vfio_irq_set) + sizeof(__s32) +
		   sizeof(__u64) - 1) / sizeof(__u64)] = {};
	struct vfio_irq_set *irq = (struct vfio_irq_set *)buf;

	irq->argsz = sizeof(*irq) + sizeof(__s32);
	irq->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
	irq->index = VFIO_PCI_ERR_IRQ_INDEX;
	irq->count = 1;
	memcpy(irq->data, &efd, sizeof(efd));
	return ioctl(fd, VFIO_DEVICE_SET_IRQS, irq) ? -errno : 0;
}

static const char *state_name(__u32 state)
{
	static const char *const names[] = {
		[VFIO_PCI_ERROR_STATE_RUNNING] = "RUNNING",
		[VFIO_PCI_ERROR_STATE_RECOVERING] = "RECOVERING",
		[VFIO_PCI_ERROR_STATE_RECOVERED] = "RECOVERED",
		[VFIO_PCI_ERROR_STATE_FAILED] = "FAILED",
	};

	return state < ARRAY_SIZE(names) ? names[state] : "(unknown)";
}

/* Read an eventfd's count without waiting (0: not signalled). */
static __u64 efd_count(int efd)
{
	__u64 n;

	return read(efd, &n, sizeof(n)) == sizeof(n) ? n : 0;
}

/*
 * Wait until none of the devices is RECOVERING, up to @deadline: the AER
 * core ends the recovery of the functions one after the other. Returns
 * whether they all ended.
 */
static bool wait_settled(struct vfio_pci_set *set, double deadline)
{
	struct timespec ms = { .tv_nsec = 1000000 };
	struct vfio_device_feature_pci_error_state st;
	int i;

	for (i = 0; i < set->nr; i++) {
		while (!vfio_pci_error_state(set->dev[i].fd, &st) &&
		       st.state == VFIO_PCI_ERROR_STATE_RECOVERING) {
			if (now_ms() > deadline)
				return false;
			nanosleep(&ms, NULL);
		}
	}
	return true;
}

/*
 * A fatal PCIe error injected into the first device while two threads use
 * its BAR0: the AER core resets the link and recovers every function below
 * the port, vfio-pci fences user access meanwhile and reports the recovery.
 */
static int demo_error(char **bdfs, int nr)
{
	struct vfio_device_feature_pci_error_state before[VFIO_MAX_DEVICES];
	struct vfio_device_feature_pci_error_state st;
	struct sigaction sa = { .sa_handler = on_sigbus };
	struct looper rd = { .running = false }, ld = { .running = false };
	struct pollfd pfd[2];
	struct vfio_pci_set set;
	struct vfio_pci_dev *dev;
	int efd = -1, done = -1, ret, i, n, armed, fails = 0;
	double t0, t_err = 0, t_done = 0, ms, deadline;
	bool stuck = false;
	size_t map_size = 0;
	void *map = NULL;

	printf("An injected fatal PCIe error\n");
	if (access(VFIO_PCI_AER_INJECT, W_OK)) {
		printf("  %s: %s: no error can be injected (the kernel needs CONFIG_PCIEAER_INJECT)\n\n",
		       VFIO_PCI_AER_INJECT, strerror(errno));
		return 1;
	}
	if (open_any(&set, bdfs, nr))
		return 1;
	dev = &set.dev[0];

	efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	done = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (efd < 0 || done < 0) {
		printf("  eventfd: %s\n\n", strerror(errno));
		fails++;
		goto out;
	}
	ret = vfio_pci_error_notify(dev->fd, done);
	if (ret) {
		printf("  VFIO_DEVICE_FEATURE_PCI_ERROR_NOTIFY on %s: %s\n\n",
		       dev->bdf, strerror(-ret));
		fails++;
		goto out;
	}
	ret = set_err_eventfd(dev->fd, efd);
	if (ret) {
		printf("  VFIO_DEVICE_SET_IRQS of VFIO_PCI_ERR_IRQ_INDEX on %s: %s\n\n",
		       dev->bdf, strerror(-ret));
		fails++;
		goto out;
	}
	printf("  %s: recovery eventfd registered (PCI_ERROR_NOTIFY), error eventfd on VFIO_PCI_ERR_IRQ_INDEX\n",
	       dev->bdf);
	for (i = 0; i < set.nr; i++) {
		ret = vfio_pci_error_state(set.dev[i].fd, &before[i]);
		if (ret) {
			printf("  PCI_ERROR_STATE of %s: %s\n\n",
			       set.dev[i].bdf, strerror(-ret));
			fails++;
			goto out;
		}
		printf("  state before, %s: %s, flags 0x%x, events %llu\n",
		       set.dev[i].bdf, state_name(before[i].state),
		       before[i].flags,
		       (unsigned long long)before[i].events);
	}
	armed = arm_probes(set.dev, set.nr);
	printf("  probe registers written: %d holding what was written\n",
	       armed);

	vfio_pci_enable_memory(dev->fd);
	ret = looper_start(&rd, dev, NULL, efd, done);
	if (ret) {
		printf("  cannot start the reader: %s\n\n", strerror(-ret));
		fails++;
		goto out;
	}
	printf("  thread 1 loops pread() of BAR0 offset 0 of %s\n", dev->bdf);
	map = vfio_pci_bar_mmap(dev->fd, 0, &map_size);
	if (map == MAP_FAILED) {
		printf("  BAR0 of %s cannot be mapped (%s): no mmap thread\n",
		       dev->bdf, strerror(errno));
		map = NULL;
	} else {
		sigaction(SIGBUS, &sa, NULL);
		ret = looper_start(&ld, dev, map, efd, done);
		if (ret) {
			printf("  cannot start the loader: %s\n\n",
			       strerror(-ret));
			fails++;
			goto out;
		}
		printf("  thread 2 loops loads from an mmap() of BAR0 of %s\n",
		       dev->bdf);
	}

	t0 = now_ms();
	ret = vfio_pci_aer_inject(dev->bdf, PCI_ERR_UNC_MALF_TLP, 0);
	if (ret) {
		printf("  %s refused a Malformed TLP for %s: %s\n\n",
		       VFIO_PCI_AER_INJECT, dev->bdf, strerror(-ret));
		fails++;
		goto out;
	}
	printf("  injected a fatal error (Malformed TLP) into %s\n", dev->bdf);

	/* Poll without reading: the threads look at the eventfds too. */
	pfd[0] = (struct pollfd){ .fd = efd, .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = done, .events = POLLIN };
	deadline = t0 + RECOVERY_TIMEOUT_MS;
	while ((pfd[0].fd >= 0 || pfd[1].fd >= 0) && now_ms() < deadline) {
		if (poll(pfd, 2, deadline - now_ms() + 1) < 0)
			break;
		ms = now_ms();
		if (pfd[0].fd >= 0 && (pfd[0].revents & POLLIN)) {
			t_err = ms;
			pfd[0].fd = -1;
		}
		if (pfd[1].fd >= 0 && (pfd[1].revents & POLLIN)) {
			t_done = ms;
			pfd[1].fd = -1;
		}
	}
	if (!wait_settled(&set, deadline))
		printf("  a device is still RECOVERING %d ms after the error\n",
		       RECOVERY_TIMEOUT_MS);
	stuck = !looper_stop(&rd) | !looper_stop(&ld);
	if (stuck) {
		printf("  a thread did not stop in %d s: stuck in the fence\n\n",
		       JOIN_TIMEOUT_S);
		fails++;
		goto out;
	}

	if (t_err)
		printf("  error eventfd signalled %.1f ms after the inject (count %llu)\n",
		       t_err - t0, (unsigned long long)efd_count(efd));
	else
		printf("  no error eventfd in %d ms\n", RECOVERY_TIMEOUT_MS);
	if (t_done)
		printf("  recovery eventfd signalled %.1f ms after the inject (count %llu)\n",
		       t_done - t0, (unsigned long long)efd_count(done));
	else
		printf("  no recovery eventfd in %d ms\n", RECOVERY_TIMEOUT_MS);
	if (!t_err || !t_done) {
		printf("\n");
		fails++;
		goto out;
	}
	printf("  fence window, error eventfd to recovery eventfd: %.1f ms\n",
	       t_done - t_err);
	printf("  thread 1, BAR0 pread: %lu reads; in the window %lu EIO, %lu ok; outside it %lu ok, %lu EIO\n",
	       rd.n, rd.win_eio, rd.win_ok, rd.ok - rd.win_ok,
	       rd.eio - rd.win_eio);
	if (rd.other)
		printf("  thread 1: %lu reads failed otherwise, the first with %s\n",
		       rd.other, other_name(&rd));
	if (!rd.win_eio)
		printf("  thread 1: no read in the window met the fence\n");
	fails += rd.other || !rd.win_eio;
	if (map) {
		printf("  thread 2, BAR0 mmap load: %lu loads, %lu SIGBUS, longest %.1f ms (from %+.1f to %+.1f ms after the inject)\n",
		       ld.n, ld.sigbus, ld.longest, ld.longest_at - t0,
		       ld.longest_at + ld.longest - t0);
		fails += ld.sigbus != 0;
	}

	for (i = 0; i < set.nr; i++) {
		ret = vfio_pci_error_state(set.dev[i].fd, &st);
		if (ret) {
			printf("  PCI_ERROR_STATE of %s: %s\n", set.dev[i].bdf,
			       strerror(-ret));
			fails++;
			continue;
		}
		printf("  state after, %s: %s, flags 0x%x%s, events %llu -> %llu\n",
		       set.dev[i].bdf, state_name(st.state), st.flags,
		       st.flags & VFIO_PCI_ERROR_STATE_FLAG_RESET ?
		       " (RESET)" : "",
		       (unsigned long long)before[i].events,
		       (unsigned long long)st.events);
		fails += st.state != VFIO_PCI_ERROR_STATE_RECOVERED ||
			 !(st.flags & VFIO_PCI_ERROR_STATE_FLAG_RESET) ||
			 st.events != before[i].events + 1;
	}
	printf("  probe registers after the recovery:\n");
	n = show_probes(set.dev, set.nr);
	if (!armed)
		printf("  %d of them back at their reset value (none held what was written: no proof of a reset)\n",
		       n);
	else if (n >= armed)
		printf("  %d of them back at their reset value: the recovery reset the device(s)\n",
		       n);
	else
		printf("  only %d of the %d written back at their reset value\n",
		       n, armed);
	fails += n < armed;

	printf("  device back in use:\n");
	n = arm_probes(set.dev, set.nr);
	show_probes(set.dev, set.nr);
	printf("  %d probe register(s) hold what was written\n", n);
	fails += n < armed;
	ret = hot_reset_set(&set, &ms);
	n = probes_at_reset(set.dev, set.nr, false);
	printf("  VFIO_DEVICE_PCI_HOT_RESET on %s with %s: %s in %.1f ms, %d probe register(s) back at reset value\n",
	       dev->bdf, proof_name(&set), ret ? strerror(-ret) : "ok", ms, n);
	fails += ret != 0;
	printf("\n");
out:
	if (!stuck)
		stuck = !looper_stop(&rd) | !looper_stop(&ld);
	/* A thread stuck in a BAR fault holds the mapping: exit frees it. */
	if (map && !stuck)
		munmap(map, map_size);
	vfio_pci_set_close(&set);
	if (efd >= 0)
		close(efd);
	if (done >= 0)
		close(done);
	return fails;
}

int main(int argc, char **argv)
{
	int fails = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s BDF...\n", argv[0]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	print_devices(argv + 1, argc - 1);
	fails += demo_mode(argv + 1, argc - 1, VFIO_OPEN_GROUP);
	fails += demo_mode(argv + 1, argc - 1, VFIO_OPEN_CDEV);
	fails += demo_denied(argv + 1, argc - 1);
	fails += demo_busy_reset(argv + 1, argc - 1);
	fails += demo_error(argv + 1, argc - 1);
	printf("demo: %s\n", fails ? "something did not work as expected" :
	       "all as expected");
	return fails ? 1 : 0;
}
