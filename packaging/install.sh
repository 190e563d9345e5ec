#!/usr/bin/env bash
# Install the Cairn bundle for one user (default) or under a prefix, with its menu entry and
# icons; `install.sh --uninstall` takes exactly that away again (your data stays: it lives in
# the platform's data folder, see the README).
#
#     ./install.sh [--prefix DIR] [--uninstall]      (default prefix: ~/.local)
#
# Run from the unpacked release tarball (this script beside the `cairn/` bundle and `linux/`);
# the folder it is in is only read. Files are installed readable by everyone whatever the umask
# (a prefix such as /usr/local serves every user). If a step fails, what this run installed is
# taken away again and the message says why.
set -euo pipefail
umask 022

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=""
UNINSTALL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=${2:?--prefix needs a folder}; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    *) echo "install.sh: unknown option '$1' (use --prefix DIR or --uninstall)" >&2; exit 2 ;;
  esac
done
if [ -z "$PREFIX" ]; then
  [ -n "${HOME:-}" ] || { echo "install.sh: HOME is not set; give --prefix DIR" >&2; exit 2; }
  PREFIX="$HOME/.local"
fi
case "$PREFIX" in
  *[\"\`\$\\%]* | *$'\n'*)
    echo "install.sh: '$PREFIX' holds a character a menu entry cannot name (\" \` \$ \\ % or a new line); choose another folder" >&2
    exit 2 ;;
esac

APP_ID="io.github.cairndesktop.Cairn"
ICONS=(16 22 24 32 48 64 128 256 512)

# Every file this script installs, relative to the prefix (the bundle is the folder lib/cairn).
installed_files() {
  echo "bin/cairn"
  echo "share/applications/$APP_ID.desktop"
  echo "share/metainfo/$APP_ID.metainfo.xml"
  echo "share/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in "${ICONS[@]}"; do echo "share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"; done
}

# Take away what was installed under $1 and the folders that held only it; says whether
# anything was there.
remove_installed() {
  local root=$1 found=1 relative folder
  if [ -e "$root/lib/cairn" ]; then rm -rf "$root/lib/cairn"; found=0; fi
  rm -rf "$root/lib/cairn.new"
  while IFS= read -r relative; do
    if [ -e "$root/$relative" ] || [ -L "$root/$relative" ]; then rm -f "$root/$relative"; found=0; fi
    folder=$(dirname "$root/$relative")
    while [ "$folder" != "$root" ] && rmdir "$folder" 2>/dev/null; do folder=$(dirname "$folder"); done
  done < <(installed_files)
  rmdir "$root/lib" 2>/dev/null || true
  return $found
}

if [ "$UNINSTALL" = 1 ]; then
  if [ -d "$PREFIX" ] && ROOT=$(cd "$PREFIX" && pwd) && remove_installed "$ROOT"; then
    echo "Cairn removed from $ROOT (your progress is kept in your data folder)."
  else
    echo "Cairn is not installed in $PREFIX: nothing was removed."
  fi
  exit 0
fi

[ -x "$HERE/cairn/cairn" ] || { echo "install.sh: no bundle at $HERE/cairn" >&2; exit 2; }
mkdir -p "$PREFIX"
ROOT=$(cd "$PREFIX" && pwd)  # a relative prefix, made absolute: links and the entry need it
LIB="$ROOT/lib/cairn"
STAGE=$(mktemp -d)
STARTED=0  # 1 once an installed Cairn (an older one too) is being replaced
FINISHED=0
cleanup() {
  rm -rf "$STAGE" "$LIB.new"
  if [ "$FINISHED" = 1 ]; then return; fi
  if [ "$STARTED" = 1 ]; then
    remove_installed "$ROOT" || true
    echo "install.sh: the installation did not finish; nothing of it was left in $ROOT" >&2
  else
    echo "install.sh: the installation did not finish; $ROOT was not changed" >&2
  fi
}
trap cleanup EXIT

# The entry starts this bundle by its full path (~/.local/bin may not be on the menu's PATH),
# quoted as the Desktop Entry specification asks when a path holds spaces or & | ; < > ( ).
while IFS= read -r line || [ -n "$line" ]; do
  if [ "$line" = "Exec=cairn" ]; then printf 'Exec="%s/cairn"\n' "$LIB"; else printf '%s\n' "$line"; fi
done <"$HERE/linux/$APP_ID.desktop" >"$STAGE/entry"
grep -q '^Exec="' "$STAGE/entry" || { echo "install.sh: the menu entry has no 'Exec=cairn' line" >&2; exit 1; }

mkdir -p "$ROOT/lib" "$ROOT/bin"
rm -rf "$LIB.new"
cp -R "$HERE/cairn" "$LIB.new"
chmod -R u+rwX,go+rX "$LIB.new"
STARTED=1
rm -rf "$LIB"
mv "$LIB.new" "$LIB"
ln -sfn "$LIB/cairn" "$ROOT/bin/cairn"
install -Dm644 "$HERE/linux/$APP_ID.metainfo.xml" "$ROOT/share/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "$STAGE/entry" "$ROOT/share/applications/$APP_ID.desktop"
install -Dm644 "$HERE/linux/icons/hicolor/scalable/apps/$APP_ID.svg" \
  "$ROOT/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in "${ICONS[@]}"; do
  install -Dm644 "$HERE/linux/icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
    "$ROOT/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
FINISHED=1
echo "Cairn installed in $LIB; it is in your application menu, and '$ROOT/bin/cairn' starts it."
