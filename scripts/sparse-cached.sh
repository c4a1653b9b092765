#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# CHECK= for kbuild's C=2 in make check (scripts/check.sh): sparse on one
# translation unit, its report kept apart from the compiler's warnings and
# cached, as ccache caches the compiler's.
#
# kbuild runs it from the object tree, after compiling the unit, as
#   sparse-cached.sh CHECKFLAGS... c_flags... SOURCE
# The key is the arguments, the .config and every file the compile read
# (the deps of the unit's .o.cmd, found through the -Wp,-MMD depfile in
# c_flags). The report goes to $SPARSE_REPORTS/<unit>, from
# $SPARSE_CACHE/<key> when the same unit was checked before. $SPARSE is
# the sparse to run (scripts/build-sparse.sh).
set -euo pipefail

src=${*: -1}
dep=""
for a in "$@"; do
	case "$a" in -Wp,-MMD,*) dep=${a#-Wp,-MMD,} ;; esac
done
# not a unit (kbuild's checker-valid.sh probing sparse): sparse itself
[ -n "$dep" ] || exec "$SPARSE" "$@"
cmd=${dep%.d}.cmd
unit=${dep#./}
unit=${unit//\//_}
mkdir -p "$SPARSE_REPORTS" "$SPARSE_CACHE"

key=$({
	printf '%s\n' "$@"
	md5sum .config "$SPARSE"
	# the deps the compile recorded, less the config symbols (the
	# .config above stands for them)
	sed -n '/^deps_/,/^$/p' "$cmd" | sed -e 's/\\$//' -e 's/^ *//' |
		grep -v -e '^deps_' -e '^\$(wildcard' -e '^$' |
		xargs -r md5sum 2>&1
	md5sum "$src"
} | md5sum | cut -c1-32)

if [ ! -f "$SPARSE_CACHE/$key" ]; then
	rc=0
	"$SPARSE" "$@" 2>"$SPARSE_CACHE/$key.tmp" || rc=$?
	[ "$rc" = 0 ] || { cat "$SPARSE_CACHE/$key.tmp" >&2; exit "$rc"; }
	mv "$SPARSE_CACHE/$key.tmp" "$SPARSE_CACHE/$key"
fi
cp "$SPARSE_CACHE/$key" "$SPARSE_REPORTS/$unit"
