#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot every topology that a test plan (tests/*.test) declares, in test
# mode, then print the per-test results and the summary line.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

topos=$(for plan in "$TOP"/tests/*.test; do
	(TOPOLOGIES="" && . "$plan" && printf '%s\n' $TOPOLOGIES)
done | sort -u)
[ -z "${TOPOS:-}" ] || topos=$TOPOS

for topo in $topos; do
	"$TOP/scripts/run-guest.sh" "$topo" test || true
done
step "results"
# shellcheck disable=SC2086
"$TOP/scripts/results.sh" $topos
