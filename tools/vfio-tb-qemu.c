// SPDX-License-Identifier: GPL-2.0
/* QEMU as the VMM in the test guest: see vfio-tb-qemu.h */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vfio-tb-qemu.h"

/*
 * One line of @fd into @line, reading ahead into @buf (@len bytes of
 * @size held); 0, or -1 at the end of the input or at @end.
 */
int qemu_read_line(int fd, char *buf, size_t *len, size_t size,
		   char *line, size_t line_size, time_t end)
{
	for (;;) {
		char *nl = memchr(buf, '\n', *len);
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		ssize_t n;

		if (nl) {
			size_t l = nl - buf + 1;

			snprintf(line, line_size, "%.*s", (int)(l - 1), buf);
			memmove(buf, nl + 1, *len - l);
			*len -= l;
			return 0;
		}
		if (time(NULL) >= end || poll(&pfd, 1, 1000) < 0)
			return -1;
		if (!(pfd.revents & (POLLIN | POLLHUP)))
			continue;
		n = read(fd, buf + *len, size - 1 - *len);
		if (n <= 0)
			return -1;
		*len += n;
	}
}

/*
 * The arguments every test's QEMU starts with, into @argv: the binary,
 * q35 with 64 MiB, no default device, no display, QMP on stdio. Returns
 * how many.
 */
int qemu_vm_base_args(char **argv)
{
	static char *const base[] = {
		QEMU_BIN, "-M", "q35", "-m", "64", "-nodefaults",
		"-display", "none", "-qmp", "stdio",
	};
	size_t i;

	for (i = 0; i < sizeof(base) / sizeof(base[0]); i++)
		argv[i] = base[i];
	return i;
}

/*
 * Start QEMU with @argv (QMP on stdio: "-qmp stdio"), its stderr in
 * /tmp/qemu-PID.log, and negotiate QMP. 0, or -1 (the log says why).
 */
int qemu_vm_start(struct qemu_vm *vm, char *const argv[])
{
	int in[2], out[2];

	vm->pid = -1;
	vm->len = 0;
	/* a QEMU that died fails the QMP exchange, not the test program */
	signal(SIGPIPE, SIG_IGN);
	mkdir("/tmp", 0755);
	snprintf(vm->log, sizeof(vm->log), "/tmp/qemu-%d.log", getpid());
	if (pipe(in) || pipe(out))
		return -1;
	vm->pid = fork();
	if (vm->pid < 0)
		return -1;
	if (!vm->pid) {
		int log = open(vm->log, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(log, 2);
		execv(QEMU_BIN, argv);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	vm->qmp_in = in[1];
	vm->qmp_out = out[0];
	if (qemu_vm_wait(vm, "\"QMP\""))
		return -1;
	return qemu_vm_qmp(vm, "qmp_capabilities", "\"return\"");
}

/* Read QMP until a line holding @what; 0 when found */
int qemu_vm_wait(struct qemu_vm *vm, const char *what)
{
	time_t end = time(NULL) + QEMU_TIMEOUT_S;

	while (!qemu_read_line(vm->qmp_out, vm->buf, &vm->len, sizeof(vm->buf),
			       vm->line, sizeof(vm->line), end)) {
		if (vm->on_line)
			vm->on_line(vm, vm->line);
		if (strstr(vm->line, what))
			return 0;
	}
	return -1;
}

/* Execute QMP command @cmd (no arguments), then wait for @wait */
int qemu_vm_qmp(struct qemu_vm *vm, const char *cmd, const char *wait)
{
	char line[128];
	int n = snprintf(line, sizeof(line), "{\"execute\": \"%s\"}\n", cmd);

	if (write(vm->qmp_in, line, n) != n)
		return -1;
	return qemu_vm_wait(vm, wait);
}

/* query-status's "status" into @status; 0, or -1 */
int qemu_vm_status(struct qemu_vm *vm, char *status, size_t len)
{
	const char *s;

	/* the answer, not that of a command before it (system_reset's) */
	if (qemu_vm_qmp(vm, "query-status", "\"status\": \""))
		return -1;
	s = strstr(vm->line, "\"status\": \"");
	if (!s)
		return -1;
	snprintf(status, len, "%s", s + strlen("\"status\": \""));
	*strchrnul(status, '"') = 0;
	return 0;
}

long qemu_vm_log_size(struct qemu_vm *vm)
{
	struct stat st;

	return stat(vm->log, &st) ? 0 : st.st_size;
}

/* QEMU's log from offset @from on, NUL-terminated (malloc'd) */
char *qemu_vm_log(struct qemu_vm *vm, long from)
{
	FILE *f = fopen(vm->log, "r");
	char *text;
	long size;

	if (!f)
		return strdup("");
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	if (size < from)
		from = size;
	text = calloc(1, size - from + 1);
	fseek(f, from, SEEK_SET);
	if (text && fread(text, 1, size - from, f) != (size_t)(size - from))
		text[0] = 0;
	fclose(f);
	return text;
}

/* QEMU's log on stderr, as KTAP diagnostics: when QEMU stopped answering */
void qemu_vm_dump(struct qemu_vm *vm)
{
	char *t = qemu_vm_log(vm, 0), *l, *nl;

	for (l = t; l && *l; l = nl + 1) {
		nl = strchrnul(l, '\n');
		fprintf(stderr, "# qemu: %.*s\n", (int)(nl - l), l);
		if (!*nl)
			break;
	}
	free(t);
}

/* quit, then QEMU's exit status (waitpid's), or -1 */
int qemu_vm_quit(struct qemu_vm *vm)
{
	int status;

	if (qemu_vm_qmp(vm, "quit", "\"return\"") ||
	    waitpid(vm->pid, &status, 0) != vm->pid)
		return -1;
	vm->pid = -1;
	return status;
}

/* Whatever state it is in: kill QEMU, remove its log */
void qemu_vm_kill(struct qemu_vm *vm)
{
	if (vm->pid > 0) {
		kill(vm->pid, SIGKILL);
		waitpid(vm->pid, NULL, 0);
		vm->pid = -1;
	}
	if (vm->log[0])
		unlink(vm->log);
}
