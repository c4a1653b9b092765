#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print make bench's tables from the guests' result logs.

    bench-table.py LOGDIR RESETS TOPOLOGY...

Reads LOGDIR/TOPOLOGY-bench-KERNEL.out (KERNEL: base, series), the lines
"bench TOPO KERNEL ROW N OK FAIL ERRNOS P50_US P95_US MAX_US ACCESSES" of
tools/vfio-tb-bench.c, and prints one table per topology. With
$BENCH_RESULTS set, appends one PASS or FAIL line per topology and kernel
to that file: PASS when the guest gave every row with RESETS calls (latency
and failed resets are reported, never judged). Exits 1 when a row is
missing.
"""
import os
import sys

KERNELS = ("base", "series")
# the table's rows: hot resets idle and under each contention kind, INFO,
# the floor (the same bus reset through sysfs, without vfio), then PCIe
# error recovery (fatal errors, tools/vfio-tb-bench.c): the error eventfd,
# the AER core's own recovery (no opt-in), the fenced one (opt-in), and a
# signal to a thread in a BAR0 access during it, without and with opt-in
ROWS = ("idle", "bar0-pread", "cfg-read", "cfg-write", "bar0-mmap", "info",
        "floor", "err-signal", "recovery-core", "recovery-fenced", "signal",
        "signal-fenced")
RECOVERY_ROWS = ("err-signal", "recovery-core", "recovery-fenced", "signal",
                 "signal-fenced")
# rows in microseconds; the others in milliseconds
US_ROWS = ("info", "err-signal", "signal", "signal-fenced")
LABEL = {
    "idle": "reset, idle",
    "bar0-pread": "reset | BAR0 pread",
    "cfg-read": "reset | config read",
    "cfg-write": "reset | cmd write",
    "bar0-mmap": "reset | BAR0 mmap",
    "info": "INFO (us)",
    "floor": "floor: sysfs bus",
    "err-signal": "error eventfd (us)",
    "recovery-core": "recovery, AER core",
    "recovery-fenced": "recovery, fenced",
    "signal": "signal (us)",
    "signal-fenced": "signal, fenced (us)",
}


def read_log(path):
    rows, notes = {}, []
    try:
        f = open(path, encoding="utf-8", errors="replace")
    except OSError:
        return rows, ["no log " + path]
    with f:
        for line in f:
            w = line.split()
            if len(w) == 12 and w[0] == "bench":
                rows[w[3]] = {
                    "n": int(w[4]), "ok": int(w[5]), "fail": int(w[6]),
                    "errnos": w[7],
                    "lat": None if w[8] == "-" else
                    tuple(int(x) for x in w[8:11]),
                }
            elif w and (w[0] == "bench-error" or
                        line.startswith("tb: guest-failure")):
                notes.append(line.strip())
    return rows, notes


def fmt_lat(row, name):
    if not row or not row["lat"]:
        return "{:>8} {:>8} {:>8}".format("-", "-", "-")
    div = 1 if name in US_ROWS else 1000
    fmtv = "{:8.0f}" if name in US_ROWS else "{:8.1f}"
    return " ".join(fmtv.format(v / div) for v in row["lat"])


def fmt_fail(row):
    if not row:
        return "missing"
    if not row["fail"]:
        return "0/%d" % row["n"]
    return "%d/%d %s" % (row["fail"], row["n"], row["errnos"])


def ratio(a, b):
    if not a or not b or not a["lat"] or not b["lat"] or not b["lat"][0]:
        return "-"
    return "%.2f" % (a["lat"][0] / b["lat"][0])


def main():
    logdir, resets, topos = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    results = os.environ.get("BENCH_RESULTS")
    missing = 0
    out = []
    for topo in topos:
        logs = {k: read_log(os.path.join(logdir, "%s-bench-%s.out" % (topo, k)))
                for k in KERNELS}
        data = {k: logs[k][0] for k in KERNELS}
        print("topology %s: %d calls per row; latency p50/p95/max in ms "
              "(us where marked) over the calls that succeeded" % (
                  topo, resets))
        print("%-20s | %-44s | %-44s | %s" % (
            "", "base kernel", "series kernel", "series/"))
        print("%-20s | %8s %8s %8s  %-16s | %8s %8s %8s  %-16s | %6s %6s" % (
            (("", ) + ("p50", "p95", "max", "failed") * 2 +
             ("base", "floor"))))
        for name in ROWS:
            b, s = data["base"].get(name), data["series"].get(name)
            print("%-20s | %s  %-16s | %s  %-16s | %6s %6s" % (
                LABEL[name], fmt_lat(b, name), fmt_fail(b),
                fmt_lat(s, name), fmt_fail(s), ratio(s, b),
                "-" if name in US_ROWS or name in RECOVERY_ROWS else
                ratio(s, data["series"].get("floor"))))
        for k in KERNELS:
            for note in logs[k][1]:
                print("  %s: %s" % (k, note))
            lost = [r for r in ROWS
                    if r not in data[k] or data[k][r]["n"] != resets]
            missing += len(lost)
            out.append("%s  bench %s %s: %s" % (
                "FAIL" if lost else "PASS", topo, k,
                "rows missing or short: " + " ".join(lost) if lost else
                "all %d rows, %d calls each" % (len(ROWS), resets)))
        print()
    if results:
        with open(results, "a", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
