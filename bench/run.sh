#!/bin/bash
# Builds the Release tree in build-bench and runs Cairn's benchmarks: cairn-hashbench on a
# 1 GiB file of random bytes, then flowbench.py, then cairn-canvasbench when the window is
# built. Prints the machine, the load and every
# figure. Arguments are passed to flowbench.py (for example --sizes 100 --workers 2).
#
# Environment:
#   CAIRN_BENCH_FILE  file to hash (default /tmp/cairn-bench-1GiB.bin, created once, kept)
#   CAIRN_BENCH_JOBS  parallel compile jobs for ninja (default: ninja's own)
#
# Exits non-zero only when the build fails or a benchmark cannot run; slow figures never
# make it fail.

set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
data_file=${CAIRN_BENCH_FILE:-/tmp/cairn-bench-1GiB.bin}
data_size=$((1024 * 1024 * 1024))

section() {
    printf '\n== %s ==\n' "$1"
}

cache_value() {
    sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"
}

build_tree() {
    section "build ($build)"
    if [ ! -f "$build/build.ninja" ] || [ "$(cache_value CMAKE_BUILD_TYPE)" != Release ]; then
        cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
    fi
    ninja -C "$build" ${CAIRN_BENCH_JOBS:+-j "$CAIRN_BENCH_JOBS"} cairn-cli cairn-hashbench
    # The canvas benchmark exists only where the window is built.
    if ninja -C "$build" -t targets all 2>/dev/null | grep -q '^cairn-canvasbench:'; then
        ninja -C "$build" ${CAIRN_BENCH_JOBS:+-j "$CAIRN_BENCH_JOBS"} cairn-canvasbench
    fi
}

print_machine() {
    section "machine"
    echo "date: $(date '+%Y-%m-%d %H:%M:%S %Z')"
    echo "cores (nproc): $(nproc)"
    lscpu | grep 'Model name' || true
    free -g
    echo "kernel: $(uname -sr)"
    echo "filesystem of /tmp: $(df -T /tmp | awk 'NR == 2 { print $2 }')"
    local compiler
    compiler=$(cache_value CMAKE_CXX_COMPILER)
    echo "compiler: $compiler ($("$compiler" --version | head -n 1))"
    echo "build type: $(cache_value CMAKE_BUILD_TYPE)"
    echo "openssl: $(openssl version)"
}

make_data_file() {
    section "data file"
    if [ -f "$data_file" ] && [ "$(stat -c %s "$data_file")" -eq "$data_size" ]; then
        echo "using existing $data_file"
        return
    fi
    echo "writing $data_size random bytes to $data_file"
    head -c "$data_size" /dev/urandom > "$data_file.tmp"
    mv "$data_file.tmp" "$data_file"
}

print_load() {
    echo "load: $(uptime | sed 's/.*load average/load average/')"
}

build_tree
print_machine
make_data_file

status=0

section "hashing: cairn-hashbench $data_file --repeat 3"
print_load
"$build/bench/cairn-hashbench" "$data_file" --repeat 3 || status=1

section "flows: flowbench.py${*:+ $*}"
print_load
/usr/bin/python3 "$root/bench/flowbench.py" --cli "$build/app/cairn-cli" "$@" || status=1
print_load

if [ -x "$build/bench/cairn-canvasbench" ]; then
    section "canvas: cairn-canvasbench 2000"
    QT_QPA_PLATFORM=offscreen "$build/bench/cairn-canvasbench" 2000 || status=1
    print_load
fi

exit "$status"
