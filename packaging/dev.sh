#!/usr/bin/env bash
# dev.sh: the developer entry point for Neon Todo on Debian 12 (bookworm).
#
#   dev.sh deps     install the Debian packages the build, the tests and the .deb need
#   dev.sh build    deps + configure (Ninja, RelWithDebInfo) + build into <repo>/build
#   dev.sh run      build + start the desktop app (arguments go to the app)
#   dev.sh test     build + run every test with CTest (arguments go to ctest); exits with ctest's status
#   dev.sh deb      build + make the .deb with CPack and print its path (alone on stdout)
#
# Works from any directory. NEON_TODO_BUILD_DIR overrides the build folder.
set -euo pipefail

REPO=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/.." && pwd)
BUILD_DIR=${NEON_TODO_BUILD_DIR:-$REPO/build}

# Exactly the Debian packages the project needs (build, tests, packaging).
DEPS=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools libqt6sql6-psql libqt6sql6-sqlite qt6-qpa-plugins
    libqt6svg6 qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libgl-dev libpq-dev libsqlite3-dev
    postgresql-15 postgresql-contrib-15 pgbouncer openssl
    xvfb xauth dpkg-dev file ca-certificates dbus-daemon
)

usage() {
    sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

say() { echo "dev.sh: $*" >&2; }

# Run as root: plainly when we are root, through sudo otherwise.
as_root() {
    if ((EUID == 0)); then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        say "need root for: $*  (no sudo found)"
        exit 1
    fi
}

# Every name in DEPS that no installed package is or provides (postgresql-contrib-15, for one,
# is a virtual package that postgresql-15 provides).
missing_deps() {
    local -A have=()
    local name
    # Installed packages and what they provide ("a (= 1), b" -> a, b), one name a line.
    while read -r name; do have[$name]=1; done < <(
        dpkg-query -W -f='${db:Status-Status}\t${Package}\t${Provides}\n' 2>/dev/null |
            awk -F'\t' '$1 == "installed" {
                print $2
                n = split($3, provided, ",")
                for (i = 1; i <= n; i++) { p = provided[i]; sub(/\(.*\)/, "", p); gsub(/ /, "", p); if (p != "") print p }
            }')
    for name in "${DEPS[@]}"; do
        [[ -n ${have[$name]:-} ]] || echo "$name"
    done
}

# Are the apt package lists from within the last day?
apt_lists_fresh() {
    find /var/lib/apt/lists -maxdepth 1 -name '*Release' -mmin -1440 2>/dev/null | grep -q .
}

cmd_deps() {
    local -a missing
    mapfile -t missing < <(missing_deps)
    if ((${#missing[@]} == 0)); then
        return 0 # fast path: everything is installed
    fi
    say "installing Debian packages (missing: ${missing[*]})"
    local -a apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
    local updated=0
    if ! apt_lists_fresh; then
        as_root "${apt[@]}" update
        updated=1
    fi
    if ! as_root "${apt[@]}" install -y --no-install-recommends "${DEPS[@]}"; then
        # A package the old lists do not know yet: update once and try again.
        ((updated)) && exit 1
        as_root "${apt[@]}" update
        as_root "${apt[@]}" install -y --no-install-recommends "${DEPS[@]}"
    fi
}

cmd_build() {
    cmd_deps
    local -a generator=(-G Ninja)
    # An existing build folder keeps the generator it was made with.
    [[ -f $BUILD_DIR/CMakeCache.txt ]] && generator=()
    cmake -S "$REPO" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$BUILD_DIR" -j "$(nproc)"
}

cmd_run() {
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
        say "Neon Todo is a desktop app and needs a desktop session (no DISPLAY or WAYLAND_DISPLAY is set)."
        say "To start it without a screen anyway: QT_QPA_PLATFORM=offscreen $0 run"
        exit 1
    fi
    cmd_build
    exec "$BUILD_DIR/app/neon-todo" "$@"
}

cmd_test() {
    cmd_build
    export QT_QPA_PLATFORM=offscreen
    exec ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 "$@"
}

cmd_deb() {
    cmd_build >&2 # stdout carries only the .deb's path
    (cd "$BUILD_DIR" && cpack -G DEB >&2)
    # The newest .deb in the build folder is the one cpack just wrote.
    local deb
    deb=$(find "$BUILD_DIR" -maxdepth 1 -name '*.deb' -printf '%T@ %p\n' | sort -nr | head -n1 | cut -d' ' -f2-)
    [[ -n $deb ]] || { say "cpack made no .deb"; exit 1; }
    echo "$deb"
}

main() {
    local cmd=${1:-}
    (($# > 0)) && shift
    case $cmd in
        deps) cmd_deps ;;
        build) cmd_build ;;
        run) cmd_run "$@" ;;
        test) cmd_test "$@" ;;
        deb) cmd_deb ;;
        "" | -h | --help | help) usage ;;
        *) usage >&2; exit 1 ;;
    esac
}

main "$@"
