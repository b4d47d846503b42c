#!/usr/bin/env bash
# run-import-bench.sh: the one command for the import benchmark (issue 4, see IMPORT.md here).
#
#   tests/bench/run-import-bench.sh [--rows N] [--runs K] [--no-pgloader] [--work-dir DIR]
#
# Installs pgloader (Debian package) when it is missing, starts a throwaway PostgreSQL test stack,
# runs build/tests/bench/bench_import with the arguments given, and stops the stack again.
# The build folder is build/ at the top of the repository unless NEON_TODO_BUILD_DIR says otherwise
# (build it first: cmake -S . -B build -G Ninja && ninja -C build bench_import).
# The table goes to stdout, progress to stderr.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
BUILD=${NEON_TODO_BUILD_DIR:-$ROOT/build}
BENCH=$BUILD/tests/bench/bench_import

if [[ ! -x $BENCH ]]; then
    echo "run-import-bench: $BENCH is not built. Build it with:" >&2
    echo "  cmake -S $ROOT -B $BUILD -G Ninja && ninja -C $BUILD bench_import" >&2
    exit 2
fi

skip_pgloader=0
for arg in "$@"; do [[ $arg == --no-pgloader ]] && skip_pgloader=1; done
if ((!skip_pgloader)) && ! command -v pgloader >/dev/null; then
    echo "run-import-bench: pgloader is missing; installing the Debian package ..." >&2
    if ((EUID == 0)); then
        apt-get update -qq >&2 && apt-get install -y -qq pgloader >&2
    elif command -v sudo >/dev/null; then
        sudo apt-get update -qq >&2 && sudo apt-get install -y -qq pgloader >&2
    else
        echo "run-import-bench: cannot install pgloader (not root, no sudo): apt-get install -y pgloader," >&2
        echo "  or run with --no-pgloader" >&2
        exit 2
    fi
fi

exec "$ROOT/tests/testlib/pg-test-stack.sh" run -- "$BENCH" "$@"
