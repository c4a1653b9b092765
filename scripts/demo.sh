#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot the default topology in demo mode and print the guest's report.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

topo=${DEMO_TOPOLOGY:-j}
rc=0
"$TOP/scripts/run-guest.sh" "$topo" demo || rc=$?
echo
sed -e '/^tb: done$/d' -e 's/^tb: //' "$BUILD/logs/$topo-demo.out"
exit $rc
