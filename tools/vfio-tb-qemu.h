/* SPDX-License-Identifier: GPL-2.0 */
/*
 * QEMU as the VMM in the test guest, for the QEMU plans' programs: start
 * it with QMP on its stdin and stdout and its stderr (messages, -trace) in
 * a log file, talk QMP, read the log, stop it. Bounds are against hangs
 * only.
 */
#ifndef VFIO_TB_QEMU_H
#define VFIO_TB_QEMU_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

/* The guest's QEMU (make qemu) */
#define QEMU_BIN	"/usr/lib/vfio-tb/qemu/qemu-system-x86_64"
/* How long QEMU may take to answer: the PCI core's readiness limit and more */
#define QEMU_TIMEOUT_S	120

struct qemu_vm {
	pid_t pid;
	int qmp_in, qmp_out;
	char log[64];		/* QEMU's stderr */
	char buf[65536];	/* QMP read ahead */
	size_t len;
	char line[4096];	/* the last QMP line read */
	/* called with every QMP line read, events included */
	void (*on_line)(struct qemu_vm *vm, const char *line);
	void *opaque;
};

int qemu_read_line(int fd, char *buf, size_t *len, size_t size,
		   char *line, size_t line_size, time_t end);
int qemu_vm_base_args(char **argv);
int qemu_vm_start(struct qemu_vm *vm, char *const argv[]);
int qemu_vm_wait(struct qemu_vm *vm, const char *what);
int qemu_vm_qmp(struct qemu_vm *vm, const char *cmd, const char *wait);
int qemu_vm_status(struct qemu_vm *vm, char *status, size_t len);
long qemu_vm_log_size(struct qemu_vm *vm);
char *qemu_vm_log(struct qemu_vm *vm, long from);
void qemu_vm_dump(struct qemu_vm *vm);
int qemu_vm_quit(struct qemu_vm *vm);
void qemu_vm_kill(struct qemu_vm *vm);

#endif
