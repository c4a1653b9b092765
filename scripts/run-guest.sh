#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot the test kernel on one topology under QEMU and wait for it.
#
#   run-guest.sh TOPOLOGY MODE
#
# MODE is test, demo, qemu (the demo's QEMU part), bench or probe (see
# guest/init). The guest console (ttyS0) goes to $LOGS/RUN.console, its
# results (ttyS1) to $LOGS/RUN.out, RUN being $RUN or TOPOLOGY-MODE.
# $KERNEL boots another
# bzImage than the test kernel's; $GUEST_ARGS are more tb_*= parameters
# for guest/init. Fails when the guest did not finish within
# $GUEST_TIMEOUT seconds or when its console shows a kernel splat.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

topo=${1:?usage: run-guest.sh TOPOLOGY MODE}
mode=${2:?usage: run-guest.sh TOPOLOGY MODE}
file=$TOP/topologies/$topo.topo
[ -r "$file" ] || die "no topology $topo"
VIOMMU=on CMDLINE="" DEVICES="" MEM=1G
. "$file"

kernel=${KERNEL:-$OBJ/arch/x86/boot/bzImage}
initrd=$INITRAMFS
[ -f "$kernel" ] && [ -f "$initrd" ] || die "build the kernel and initramfs first"
logs=$LOGS
mkdir -p "$logs"
run=${RUN:-$topo-$mode}
console=$logs/$run.console
out=$logs/$run.out
qemu_log=$logs/$run.qemu
rm -f "$console" "$out" "$qemu_log"

# One vCPU: with two, TCG on a loaded 2-core host lost interrupts to the
# second vCPU (a 26 s tty drain and an RCU stall report at power-off).
args=(-machine q35,kernel-irqchip=split -accel "${ACCEL:-tcg}" -cpu max
      -smp 1 -m "$MEM" -nodefaults -display none -no-reboot
      -kernel "$kernel" -initrd "$initrd"
      -serial "file:$console" -serial "file:$out")
append="console=ttyS0 panic=-1 tb_topo=$topo tb_mode=$mode ${GUEST_ARGS:-} $CMDLINE"
if [ "$VIOMMU" = on ]; then
	args+=(-device intel-iommu,intremap=on,caching-mode=on)
	append="$append intel_iommu=on"
fi
# shellcheck disable=SC2206
args+=($DEVICES -append "$append")

timeout=${GUEST_TIMEOUT:-600}
step "booting topology $topo ($mode${KERNEL:+, ${KERNEL#"$BUILD"/}}), timeout ${timeout} s"
start=$SECONDS
rc=0
with_progress "guest $topo" timeout -k 10 "$timeout" \
	qemu-system-x86_64 "${args[@]}" </dev/null 2>"$qemu_log" || rc=$?
took=$((SECONDS - start))
sed -i 's/\r$//' "$out" 2>/dev/null || true	# the tty's CRLF line ends

fail=""
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
	fail="guest hung: killed after $timeout s"
elif [ "$rc" != 0 ]; then
	fail="qemu exited with $rc: $(tail -n 3 "$qemu_log")"
elif ! grep -q '^tb: done' "$out" 2>/dev/null; then
	fail="guest did not finish its plan"
fi
splat='(WARNING:|BUG:|Oops|Kernel panic|KASAN|UBSAN|unreferenced object|kmemleak: [0-9]+ new suspected|INFO: task .* blocked|INFO: possible|INFO: inconsistent|INFO: trying|rcu: INFO:|detected stalls|soft lockup|hard LOCKUP|DEBUG_LOCKS_WARN_ON|general protection fault)'
if grep -Eq "$splat" "$console" 2>/dev/null; then
	fail="${fail:+$fail; }kernel splat on the console:
$(grep -E -m 5 -A 3 "$splat" "$console")"
fi
if [ -n "$fail" ]; then
	step "topology $topo ($mode) FAILED after $took s: $fail"
	echo "tb: guest-failure $fail" >>"$out"
	exit 1
fi
step "topology $topo ($mode) finished in $took s"
