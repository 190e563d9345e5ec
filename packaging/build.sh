#!/usr/bin/env bash
# Build Cairn as a one-folder application that runs without Python, then smoke-test it:
#
#     packaging/build.sh [OUT]        (default OUT: dist/; the bundle is OUT/cairn/)
#
# The bundle is made by packaging/cairn.spec (the same spec builds on Windows and macOS).
# Run it in the virtual environment Cairn is installed in (python -m pip install -e .);
# PyInstaller is installed there if missing. The bundle carries the curriculum, the resources,
# the empty schema and the migrations, and leaves out Qt modules Cairn never loads
# (QtWebEngine, QtQuick/QML, Qt3D). The smoke test runs the bundle with a clean environment
# (env -i: no Python, no PATH): --version, validate of the shipped pack, status --json and a
# mark in a throwaway folder, and the window painted offscreen. Then it packs the release
# tarball (OUT/cairn-VERSION-linux-ARCH.tar.gz: the bundle, packaging/linux and install.sh),
# installs it into a throwaway prefix, runs the installed cairn, and uninstalls it again.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mkdir -p "${1:-$ROOT/dist}" && cd "${1:-$ROOT/dist}" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python -c 'import PyInstaller' 2>/dev/null || python -m pip install --quiet "pyinstaller>=6.10"
VERSION=$(cd "$ROOT/desktop" && python -c 'import cairn; print(cairn.__version__)')

echo "== building Cairn $VERSION"
python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT" --workpath "$WORK/build" "$ROOT/packaging/cairn.spec"

BUNDLE="$OUT/cairn"
DANGLING=$(find "$BUNDLE" -xtype l)
[ -z "$DANGLING" ] || { echo "links to files left out of the bundle:" >&2; echo "$DANGLING" >&2; exit 1; }
echo "== smoke test of $BUNDLE (env -i: no Python on PATH)"
TRY="$WORK/try"
mkdir -p "$TRY/home"
run() { env -i HOME="$TRY/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$BUNDLE/cairn" "$@"; }
# expect PATTERN ARGS...: the bundle run with ARGS exits 0 and prints a line matching PATTERN
# (the whole output is read first: a reader that stops early would break the pipe).
expect() {
  local pattern=$1 output
  shift
  output=$(run "$@" 2>"$WORK/stderr") || { echo "cairn $*: failed" >&2; cat "$WORK/stderr" >&2; exit 1; }
  grep -q -- "$pattern" <<<"$output" || { echo "cairn $*: no line matching $pattern" >&2; echo "$output" >&2; exit 1; }
}
expect "^cairn $VERSION\$" --version
expect ": ok — " validate "$BUNDLE/_internal/cairn/_shipped/curriculum"
# A first start on a machine with no data: the welcome, in the platform's data folder.
expect "^welcome shown\$" --quit-after-start
[ -f "$TRY/home/.local/share/Cairn/cairn.sqlite3" ] || { echo "no data in ~/.local/share/Cairn" >&2; exit 1; }
expect '"curriculum": "cairn-core ' --data-dir "$TRY/data" status --json
expect "todo -> done" --data-dir "$TRY/data" mark python-project-skeleton done
expect '"done": 1,' --data-dir "$TRY/data" status --json
expect "^painted-at " --data-dir "$TRY/data" --quit-after-start
echo "== Cairn $VERSION bundle ready: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"
# Start time against cairn from this environment, in the same run: each on its own folder
# with the same progress, launch to exit with --quit-after-start, the median of 5 launches.
BUNDLE_BIN="$BUNDLE/cairn" VENV_DATA="$WORK/venv-data" BUNDLE_DATA="$TRY/data" python - <<'TIMING'
import os, statistics, subprocess, sys, time
env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
programs = {"bundle": ([os.environ["BUNDLE_BIN"]], os.environ["BUNDLE_DATA"]),
            "venv": ([sys.executable, "-m", "cairn"], os.environ["VENV_DATA"])}
subprocess.run([sys.executable, "-m", "cairn", "--data-dir", programs["venv"][1], "mark",
                "python-project-skeleton", "done"], env=env, capture_output=True, check=True)
times = {name: [] for name in programs}
for _ in range(6):
    for name, (command, data) in programs.items():
        start = time.perf_counter()
        subprocess.run([*command, "--data-dir", data, "--quit-after-start"], env=env,
                       capture_output=True, check=True)
        times[name].append(time.perf_counter() - start)
bundle, venv = (statistics.median(times[n][1:]) for n in ("bundle", "venv"))
print(f"== start to exit (--quit-after-start, median of 5): bundle {bundle:.2f} s, "
      f"cairn from the virtual environment {venv:.2f} s")
TIMING

# The release artefact: the bundle, the desktop files and install.sh, in one tarball.
NAME="cairn-$VERSION-linux-$(uname -m)"
STAGE="$WORK/stage/$NAME"
mkdir -p "$STAGE"
cp -R "$BUNDLE" "$STAGE/cairn"
cp -R "$ROOT/packaging/linux" "$STAGE/linux"
cp "$ROOT/packaging/install.sh" "$ROOT/CHANGELOG.md" "$ROOT/LICENSE" "$STAGE/"
tar -C "$WORK/stage" -czf "$OUT/$NAME.tar.gz" "$NAME"

echo "== install from the tarball into a throwaway prefix, run it, uninstall"
mkdir -p "$WORK/unpack" "$WORK/prefix"
tar -C "$WORK/unpack" -xzf "$OUT/$NAME.tar.gz"
"$WORK/unpack/$NAME/install.sh" --prefix "$WORK/prefix" >/dev/null
[ "$(env -i HOME="$TRY/home" "$WORK/prefix/bin/cairn" --version)" = "cairn $VERSION" ]
ENTRY="$WORK/prefix/share/applications/io.github.cairndesktop.Cairn.desktop"
grep -qx "Exec=\"$WORK/prefix/lib/cairn/cairn\"" "$ENTRY"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$ENTRY"; fi
[ -f "$WORK/prefix/share/icons/hicolor/512x512/apps/io.github.cairndesktop.Cairn.png" ]
"$WORK/unpack/$NAME/install.sh" --prefix "$WORK/prefix" --uninstall >/dev/null
LEFT=$(find "$WORK/prefix" -mindepth 1 | wc -l)  # files, links and emptied folders
[ "$LEFT" -eq 0 ] || { echo "uninstall left $LEFT files or folders" >&2; find "$WORK/prefix" >&2; exit 1; }
echo "== release tarball: $OUT/$NAME.tar.gz ($(du -sh "$OUT/$NAME.tar.gz" | cut -f1))"
