#!/usr/bin/env bash
# Builds one self-contained `costmark` binary into dist/: static Swift runtime and Foundation,
# libcmark linked statically, the default theme compiled in. It runs on a Linux machine
# without Swift or libcmark installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Point pkg-config at a folder holding only libcmark.a, so the linker cannot pick the shared library.
libdir=$(pkg-config --variable=libdir libcmark)
static=$(mktemp -d)
trap 'rm -rf "$static"' EXIT
mkdir -p "$static/lib" "$static/pkgconfig"
cp "$libdir/libcmark.a" "$static/lib/"
cat > "$static/pkgconfig/libcmark.pc" <<PC
Name: libcmark
Description: CommonMark (static)
Version: $(pkg-config --modversion libcmark)
Libs: -L$static/lib -lcmark
Cflags: -I$(pkg-config --variable=includedir libcmark)
PC

PKG_CONFIG_PATH="$static/pkgconfig" swift build -c release --product costmark --static-swift-stdlib \
    --scratch-path .build-release
mkdir -p dist
cp .build-release/release/costmark dist/costmark
strip dist/costmark
echo "dist/costmark: $(du -h dist/costmark | cut -f1) ($(stat -c %s dist/costmark) bytes)"
echo "dynamic libraries it needs:"
ldd dist/costmark | sed 's/^/  /'
if ldd dist/costmark | grep -Eq 'libcmark|libswift|libFoundation'; then
    echo "error: the binary still links a Swift or cmark shared library" >&2
    exit 1
fi
