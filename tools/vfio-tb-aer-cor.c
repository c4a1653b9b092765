// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-tb-aer-cor BDF...: inject a correctable PCIe error (receiver error)
 * into each device with /dev/aer_inject and check that the AER core
 * handled it: the device's aer_dev_correctable TOTAL_ERR_COR count goes
 * up by one. Then read the device's config space through sysfs:
 * pci_user_read_config_*() calls aer_inject's config accessors under
 * pci_lock, a raw spinlock, and a kernel whose aer_inject takes a
 * spinlock_t there splats on the console (lockdep: "Invalid wait
 * context"), which fails the run. KTAP on stdout.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* drivers/pci/pcie/aer_inject.c */
struct aer_error_inj {
	uint8_t bus, dev, fn;
	uint32_t uncor_status, cor_status;
	uint32_t header_log0, header_log1, header_log2, header_log3;
	uint32_t domain;
};

#define PCI_ERR_COR_RCVR 0x00000001

static long total_err_cor(const char *bdf)
{
	char path[128], line[128];
	long n = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/aer_dev_correctable", bdf);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "TOTAL_ERR_COR %ld", &n) == 1)
			break;
	fclose(f);
	return n;
}

static int inject(const char *bdf)
{
	unsigned int dom, bus, dev, fn;
	struct aer_error_inj e = { 0 };
	int fd, ret = 0;

	if (sscanf(bdf, "%x:%x:%x.%x", &dom, &bus, &dev, &fn) != 4)
		return -EINVAL;
	e.domain = dom;
	e.bus = bus;
	e.dev = dev;
	e.fn = fn;
	e.cor_status = PCI_ERR_COR_RCVR;
	fd = open("/dev/aer_inject", O_WRONLY);
	if (fd < 0)
		return -errno;
	if (write(fd, &e, sizeof(e)) != sizeof(e))
		ret = -errno;
	close(fd);
	return ret;
}

static int read_config(const char *bdf)
{
	char path[128], buf[256];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", bdf);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -errno;
	n = pread(fd, buf, sizeof(buf), 0);
	close(fd);
	return n == sizeof(buf) ? 0 : -EIO;
}

int main(int argc, char **argv)
{
	int i, failed = 0;

	printf("TAP version 13\n1..%d\n", 2 * (argc - 1));
	for (i = 1; i < argc; i++) {
		const char *bdf = argv[i];
		long before = total_err_cor(bdf), after = before;
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		int ret, t;

		ret = before < 0 ? -ENOENT : inject(bdf);
		/* the AER core handles it in its IRQ thread */
		for (t = 0; !ret && t < 500 && after == before; t++) {
			nanosleep(&ts, NULL);
			after = total_err_cor(bdf);
		}
		if (!ret && after == before + 1) {
			printf("ok %d aer_cor.%s.reported\n", 2 * i - 1, bdf);
		} else {
			printf("# %s: inject %s, TOTAL_ERR_COR %ld -> %ld\n",
			       bdf, strerror(-ret), before, after);
			printf("not ok %d aer_cor.%s.reported\n", 2 * i - 1, bdf);
			failed = 1;
		}
		ret = read_config(bdf);
		if (ret) {
			printf("# %s: config read: %s\n", bdf, strerror(-ret));
			failed = 1;
		}
		printf("%sok %d aer_cor.%s.config_read\n", ret ? "not " : "",
		       2 * i, bdf);
	}
	return failed;
}
