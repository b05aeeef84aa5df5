#!/bin/bash
# tests/install/install.sh BUILD_DIR: installs the build into a temporary prefix, moves it (the package must
# not depend on where it was installed) and builds and runs tests/install/example.c against it three ways:
# pkg-config shared, pkg-config static (libcritnet.a), CMake find_package (critnet::critnet and _static).
# CN_INSTALL_CFLAGS: extra compiler and linker flags (the sanitizers, in a sanitized build). Exit 77: skipped.
set -eu
build=$1
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-cc}
for tool in cmake pkg-config readelf "$cc"; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool not found"; exit 77; }
done
read -r -a extra <<<"${CN_INSTALL_CFLAGS:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/staged" >/dev/null
mv "$tmp/staged" "$tmp/prefix"
prefix=$tmp/prefix
pc=$(find "$prefix" -name critnet.pc)
[ -n "$pc" ] || fail "no critnet.pc installed"
export PKG_CONFIG_PATH=${pc%/critnet.pc}
libdir=$(pkg-config --variable=libdir critnet)
[ -e "$libdir/libcritnet.so.0" ] && [ -e "$libdir/libcritnet.a" ] ||
    fail "pkg-config's libdir $libdir has no libcritnet.so.0 and libcritnet.a (prefix not honoured?)"
[ -e "$(pkg-config --variable=includedir critnet)/critnet/critnet.h" ] || fail "no critnet/critnet.h in includedir"

# run PROGRAM: must succeed and print nothing (the example prints only on failure; the library never prints)
run() {
    local out
    out=$("$@" 2>&1) || fail "$1 failed: $out"
    [ -z "$out" ] || fail "$1 printed: $out"
}

# 1. pkg-config, shared
read -r -a cflags <<<"$(pkg-config --cflags critnet)"
read -r -a libs <<<"$(pkg-config --libs critnet)"
"$cc" "${extra[@]}" "$here/example.c" "${cflags[@]}" "${libs[@]}" -Wl,-rpath,"$libdir" -o "$tmp/shared"
readelf -d "$tmp/shared" | grep -q 'NEEDED.*\[libcritnet\.so\.0\]' || fail "pkg-config shared: not linked with libcritnet.so.0"
run "$tmp/shared"

# 2. pkg-config, static: --static adds what libcritnet.a needs; the linker would prefer libcritnet.so to
# libcritnet.a, so name the archive
read -r -a libs <<<"$(pkg-config --static --libs critnet)"
for i in "${!libs[@]}"; do [ "${libs[$i]}" = -lcritnet ] && libs[$i]=-l:libcritnet.a; done
"$cc" "${extra[@]}" "$here/example.c" "${cflags[@]}" "${libs[@]}" -o "$tmp/static"
! readelf -d "$tmp/static" | grep -q 'libcritnet' || fail "pkg-config static: linked with libcritnet.so"
run "$tmp/static"

# 3. CMake
cmake -S "$here/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" \
      -DCMAKE_C_FLAGS="${extra[*]}" >"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; fail "find_package(critnet)"; }
cmake --build "$tmp/consumer" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "CMake consumer build"; }
readelf -d "$tmp/consumer/example_shared" | grep -q 'NEEDED.*\[libcritnet\.so\.0\]' ||
    fail "critnet::critnet: not linked with libcritnet.so.0"
! readelf -d "$tmp/consumer/example_static" | grep -q 'libcritnet' || fail "critnet::critnet_static: linked with libcritnet.so"
run "$tmp/consumer/example_shared"
run "$tmp/consumer/example_static"
echo "ok: pkg-config shared and static, CMake critnet::critnet and critnet::critnet_static"
