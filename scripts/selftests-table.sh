#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Mainline's own vfio selftests side by side on the 7.3 base kernel and
# on 7.3 with the postings, from make test's results
# ($BUILD/test-results.txt): one Markdown row per test program, the
# topologies it ran on and its passed/failed/skipped cases on each kernel.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

results=${1:-$BUILD/test-results.txt}
[ -f "$results" ] || die "no $results: run make test first"
echo "| selftest | topologies | 7.3.4 base: passed / failed / skipped | 7.3.4 + postings: passed / failed / skipped |"
echo "| --- | --- | --- | --- |"
awk '$2 == "7.3" && $4 ~ /^mainline_/ {
	test = substr($4, 10); topo = $3; kernel = "post"
	if (topo ~ /^base:/) { kernel = "base"; topo = substr(topo, 6) }
	tests[test] = 1; if (kernel == "post") topos[test, topo] = 1
	n[test, kernel, $1]++
}
END {
	for (t in tests) {
		tl = ""
		for (i = 97; i <= 122; i++) {	# a to z, in order
			c = sprintf("%c", i)
			if ((t, c) in topos) tl = tl (tl ? " " : "") c
		}
		printf "| %s | %s | %d / %d / %d | %d / %d / %d |\n", t, tl,
			n[t, "base", "PASS"], n[t, "base", "FAIL"], n[t, "base", "SKIP"],
			n[t, "post", "PASS"], n[t, "post", "FAIL"], n[t, "post", "SKIP"]
	}
}' "$results" | sort
