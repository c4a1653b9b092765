#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot the default topology in demo mode and print the guest's report.
# The demo shows the hot reset uAPI of the RFCs (device fds, the fence,
# PCIe error recovery): until those postings are on mainline it runs on
# the LTS line (Linux 6.12), and says so. Then QEMU with qemu/patches as
# the VMM, on the mainline line: its hot reset with device fds and one
# host error recovery ridden out.
set -euo pipefail
LINE=lts
. "$(dirname "$0")/lib.sh"

topo=${DEMO_TOPOLOGY:-j}
posted=$(grep -vE '^(#|$)' "$TOP/postings/series" | tr '\n' ' ')
step "the demo's uAPI (device fds, the hot reset fence, PCIe error recovery) is on the 6.12 line until its RFCs are posted on mainline; mainline has: ${posted:-no posting}: running the demo on $DESC"
"$TOP/scripts/build-line.sh"
rc=0
"$TOP/scripts/run-guest.sh" "$topo" demo || rc=$?
echo
echo "Linux 6.12 (the LTS line); mainline 7.3 has the postings ${posted:-(none)}"
sed -e '/^tb: done$/d' -e 's/^tb: //' "$LOGS/$topo-demo.out"

# QEMU as the VMM, on mainline (7.3 with the postings, QEMU with
# qemu/patches): its system reset hot resets the slot held through two
# iommufd objects with device fds, then it rides out one fatal error.
step "QEMU (qemu/patches) as the VMM on mainline 7.3 with the postings ${posted:-(none)}"
LINE=mainline "$TOP/scripts/build-line.sh"
mlogs=$(unset LOGS && LINE=mainline . "$TOP/scripts/lib.sh" && echo "$LOGS")
LINE=mainline RUN=$topo-qemu "$TOP/scripts/run-guest.sh" "$topo" qemu || rc=$?
echo
echo "QEMU with qemu/patches as the VMM, on Linux 7.3 with the postings"
sed -e '/^tb: done$/d' -e 's/^tb: //' "$mlogs/$topo-qemu.out"
exit $rc
