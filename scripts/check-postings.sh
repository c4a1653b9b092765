#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check on the mainline line: the gates of scripts/check.sh on each
# posting of postings/series in turn, on the pristine base with the
# postings before it applied (not judged). Result lines
# "check POSTING GATE", in $LOGS/check.results.
set -euo pipefail
LINE=mainline
. "$(dirname "$0")/lib.sh"

RESULTS=$LOGS/check.results
mkdir -p "$LOGS"
: >"$RESULTS"
pre="" rc=0
while read -r name; do
	case "$name" in ''|'#'*) continue ;; esac
	# stdin is the series: a gate that reads stdin would end the loop
	PATCHES=$TOP/$SERIES_DIR/$name PRE_PATCHES=$pre CHECK_LABEL=$name \
		CHECK_RESULTS=$RESULTS.one "$TOP/scripts/check.sh" </dev/null || rc=1
	cat "$RESULTS.one" >>"$RESULTS"
	pre+=" $TOP/$SERIES_DIR/$name"
done <"$TOP/$SERIES_DIR/series"
rm -f "$RESULTS.one"
exit "$rc"
