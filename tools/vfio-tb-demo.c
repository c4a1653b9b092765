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
 * Built against the kselftest helpers (vfio_pci_util.c) of the series.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include "vfio_pci_util.h"

static const char *mode_name[] = {
	[VFIO_OPEN_GROUP] = "group",
	[VFIO_OPEN_CDEV] = "cdev",
};

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

/* Print each probe register; return how many hold their reset value. */
static int show_probes(struct vfio_pci_dev *devs, int nr)
{
	int i, n = 0;

	for (i = 0; i < nr; i++) {
		const struct vfio_reset_probe *p = vfio_reset_probe_find(devs[i].bdf);
		__u32 val;

		if (!p || vfio_reset_probe_read(devs[i].fd, p, &val))
			continue;
		printf("    %s %s = 0x%08x (written 0x%08x, reset value 0x%08x)\n",
		       devs[i].bdf, p->name, val, vfio_reset_probe_pattern(p),
		       p->reset_value);
		n += val == p->reset_value;
	}
	return n;
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
	printf("demo: %s\n", fails ? "something did not work as expected" :
	       "all as expected");
	return fails ? 1 : 0;
}
