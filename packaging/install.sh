#!/usr/bin/env bash
# Install the Cairn bundle for one user (default) or under a prefix, with its menu entry and
# icons; `install.sh --uninstall` takes exactly that away again (your data stays: it lives in
# the platform's data folder, see the README).
#
#     ./install.sh [--prefix DIR] [--uninstall]      (default prefix: ~/.local)
#
# Run from the unpacked release tarball (this script beside the `cairn/` bundle and `linux/`).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="$HOME/.local"
UNINSTALL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=${2:?--prefix needs a folder}; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    *) echo "install.sh: unknown option '$1' (use --prefix DIR or --uninstall)" >&2; exit 2 ;;
  esac
done
APP_ID="io.github.cairndesktop.Cairn"
LIB="$PREFIX/lib/cairn"
BIN="$PREFIX/bin/cairn"
SHARE="$PREFIX/share"
ICONS=(16 22 24 32 48 64 128 256 512)

if [ "$UNINSTALL" = 1 ]; then
  rm -rf "$LIB"
  rm -f "$BIN" "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
  rm -f "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in "${ICONS[@]}"; do
    rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  echo "Cairn removed from $PREFIX (your progress is kept in your data folder)."
  exit 0
fi

[ -x "$HERE/cairn/cairn" ] || { echo "install.sh: no bundle at $HERE/cairn" >&2; exit 2; }
mkdir -p "$PREFIX/lib" "$PREFIX/bin"
rm -rf "$LIB.new"
cp -R "$HERE/cairn" "$LIB.new"
rm -rf "$LIB"
mv "$LIB.new" "$LIB"  # a failed copy never leaves a half-installed Cairn in place
ln -sf "$LIB/cairn" "$BIN"
install -Dm644 "$HERE/linux/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"
# The entry starts this bundle by its full path (~/.local/bin may not be on the menu's PATH).
sed "s|^Exec=cairn$|Exec=$LIB/cairn|" "$HERE/linux/$APP_ID.desktop" >"$HERE/.entry"
install -Dm644 "$HERE/.entry" "$SHARE/applications/$APP_ID.desktop"
rm -f "$HERE/.entry"
install -Dm644 "$HERE/linux/icons/hicolor/scalable/apps/$APP_ID.svg" \
  "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in "${ICONS[@]}"; do
  install -Dm644 "$HERE/linux/icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
    "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
echo "Cairn installed in $LIB; it is in your application menu, and '$BIN' starts it."
