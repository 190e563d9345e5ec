#!/usr/bin/env bash
# Build Cairn.app on macOS with the same spec as Linux, then smoke-test it (NOT run in CI: no
# macOS machine there; see packaging/BUILDING.md for what was and was not tested).
#
#     packaging/build-macos.sh [OUT]       (default OUT: dist/; makes OUT/Cairn.app and a zip)
#
# Run it in the virtual environment Cairn is installed in (python3 -m pip install -e .).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mkdir -p "${1:-$ROOT/dist}" && cd "${1:-$ROOT/dist}" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python -c 'import PyInstaller' 2>/dev/null || python -m pip install --quiet "pyinstaller>=6.10"
VERSION=$(cd "$ROOT/desktop" && python -c 'import cairn; print(cairn.__version__)')
python "$ROOT/tools/icons.py" --icns "$WORK/cairn.icns"
CAIRN_ICON="$WORK/cairn.icns" python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT" --workpath "$WORK/build" "$ROOT/packaging/cairn.spec"

APP="$OUT/Cairn.app"
echo "== smoke test of $APP (env -i: no Python on PATH)"
mkdir -p "$WORK/home"
run() { env -i HOME="$WORK/home" LANG=en_US.UTF-8 QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/cairn" "$@"; }
[ "$(run --version)" = "cairn $VERSION" ]
run validate "$APP/Contents/Resources/cairn/_shipped/curriculum" >"$WORK/out" && grep -q ": ok — " "$WORK/out"
run --quit-after-start >"$WORK/out" 2>/dev/null && grep -qx "welcome shown" "$WORK/out"
[ -f "$WORK/home/Library/Application Support/Cairn/cairn.sqlite3" ]
run --data-dir "$WORK/data" status --json >"$WORK/out" && grep -q '"curriculum": "cairn-core ' "$WORK/out"

ditto -c -k --keepParent "$APP" "$OUT/cairn-$VERSION-macos-$(uname -m).zip"
echo "== $OUT/cairn-$VERSION-macos-$(uname -m).zip (unsigned: see packaging/BUILDING.md)"
