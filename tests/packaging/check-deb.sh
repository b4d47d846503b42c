#!/usr/bin/env bash
# check-deb.sh CPACK_CONFIG VERSION APP_ID
# Builds the .deb with CPack into a temporary folder (never installs it) and checks that:
#  - its control data names neon-todo VERSION and Depends on the Qt plugins and shlibdeps' libraries;
#  - it holds both executables, the .desktop file and the icon, all under /usr;
#  - the packaged neon-todo-cli, extracted to a temporary folder, runs with the system's libraries
#    only (LD_LIBRARY_PATH unset) and prints VERSION for --version.
# Exit 0: all good; 1: a check failed or a Debian packaging tool is missing.
set -euo pipefail

if (($# != 3)); then
    echo "usage: check-deb.sh CPACK_CONFIG VERSION APP_ID" >&2
    exit 1
fi
config=$1 version=$2 app_id=$3

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

for tool in cpack dpkg-deb dpkg-shlibdeps file; do
    if ! command -v "$tool" >/dev/null; then
        fail "$tool is missing (packaging/dev.sh deps installs it: dpkg-dev file cmake)"
    fi
done
[[ -f $config ]] || fail "no CPack configuration at $config (configure the project first)"

work=$(mktemp -d /tmp/neon-todo-deb-test.XXXXXX)
trap 'rm -rf -- "$work"' EXIT

# 1. Build the package.
if ! cpack --config "$config" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack -G DEB failed"
fi
mapfile -t debs < <(find "$work/out" -maxdepth 1 -name '*.deb')
((${#debs[@]} == 1)) || { cat "$work/cpack.log" >&2; fail "expected one .deb, found ${#debs[@]}"; }
deb=${debs[0]}
ok "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# 2. Control data.
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == neon-todo ]] || fail "Package is '$(field Package)', not neon-todo"
[[ $(field Version) == "$version"* ]] || fail "Version is '$(field Version)', not $version"
depends=$(field Depends)
for dep in libqt6sql6-psql libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6 libqt6core6 libc6; do
    # Whole package names only: "libqt6sql6-psql" must not match "libqt6sql6-psqlx".
    grep -Eq "(^|[ ,|])$dep([ ,(|:]|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
ok "Depends: $depends"
[[ $(field Recommends) == *gnome-keyring* ]] || fail "Recommends lacks a keychain provider"
dpkg-deb -I "$deb" >/dev/null || fail "dpkg-deb -I cannot read the package"

# 3. Contents.
dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/contents"
for path in ./usr/bin/neon-todo ./usr/bin/neon-todo-cli \
    "./usr/share/applications/$app_id.desktop" \
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg"; do
    grep -qxF "$path" "$work/contents" || fail "the package lacks $path"
done
outside=$(grep -v '^\./$' "$work/contents" | grep -v '^\./usr/' || true)
[[ -z $outside ]] || fail "files outside /usr: $outside"
if grep -q '^\./usr/local/' "$work/contents"; then fail "files under /usr/local"; fi
ok "contents: both executables, the .desktop file and the icon"

# 4. The packaged CLI runs from an extracted copy, on the system's libraries.
dpkg-deb -x "$deb" "$work/root"
mkdir -p "$work/home"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop" \
        || fail "desktop-file-validate rejects the .desktop file"
fi
status=0
output=$(cd "$work" && env -u LD_LIBRARY_PATH HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
    XDG_DATA_HOME="$work/home/.local/share" QT_QPA_PLATFORM=offscreen \
    timeout 60 "$work/root/usr/bin/neon-todo-cli" --version 2>&1) || status=$?
((status == 0)) || fail "neon-todo-cli --version exited $status: $output"
[[ $output == *"$version"* ]] || fail "neon-todo-cli --version printed '$output', without $version"
ok "neon-todo-cli --version: $output"
echo "deb_package: all checks passed"
