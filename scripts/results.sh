#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Turn the gates' results and the guests' result logs into one line per
# test case and the closing "N passed, N failed, N skipped".
#
#   results.sh TOPOLOGY...
#
# Reads $LOGS/TOPOLOGY-test.out ($LOGS/TOPOLOGY-san.out for san:TOPOLOGY,
# $LOGS/TOPOLOGY-base.out for base:TOPOLOGY). A test plan ($PLANS) that
# declares a topology but did not finish there counts as a failure, and so
# does a guest failure (hang, splat). Exits non-zero on any failure or when
# no test ran at all.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pass=0 fail=0 skip=0
result() {
	echo "$1  ${RESULT_PREFIX:+$RESULT_PREFIX }$2"
	case "$1" in
	PASS) pass=$((pass + 1)) ;;
	SKIP) skip=$((skip + 1)) ;;
	*) fail=$((fail + 1)) ;;
	esac
}

# one line each from the gates, their self-test and kunit.py
for f in "$LOGS"/*.results; do
	[ -f "$f" ] || continue
	while read -r status rest; do
		result "$status" "$rest"
	done <"$f"
done

# Each argument is a topology booted on the test kernel (a), or on the
# sanitizer kernel (san:a: the plans that list it in SAN_TOPOLOGIES).
for run in "$@"; do
	topo=${run#*:} out=$LOGS/$topo-test.out var=TOPOLOGIES
	case "$run" in
	san:*) out=$LOGS/$topo-san.out var=SAN_TOPOLOGIES ;;
	base:*) out=$LOGS/$topo-base.out var=BASE_TOPOLOGIES ;;
	esac
	label=$run
	[ -f "$out" ] || { result FAIL "$label: no result log"; continue; }
	test="" failed=""
	while IFS= read -r line; do
		case "$line" in
		"tb: run "*) test=${line#tb: run } failed="" ;;
		"tb: exit "*)
			read -r name rc <<<"${line#tb: exit }"
			# kselftest: 0 pass, 4 all skipped; a case failing already counted
			case "$rc" in 0|4) ;; *) [ -n "$failed" ] ||
				result FAIL "$label $name: exited with $rc" ;;
			esac
			test="" ;;
		"tb: guest-failure "*) result FAIL "$label guest: ${line#tb: guest-failure }" ;;
		"ok "*"# SKIP"*)
			case_=${line#ok * }
			result SKIP "$label $test ${case_%% # SKIP*}:${case_#* # SKIP}" ;;
		"ok "*) result PASS "$label $test ${line#ok * }" ;;
		"not ok "*) result FAIL "$label $test ${line#not ok * }"; failed=1 ;;
		esac
	done <"$out"
	for plan in $(plans); do
		name=$(basename "$plan" .test)
		TOPOLOGIES="" SAN_TOPOLOGIES="" BASE_TOPOLOGIES=""
		. "$plan"
		topos=${!var}
		case " $topos " in *" $topo "*) ;; *) continue ;; esac
		grep -q "^tb: exit $name " "$out" ||
			result FAIL "$label $name: did not finish"
	done
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ] && [ $((pass + skip)) -gt 0 ]
