# Build Cairn for Windows with the same spec as Linux, then smoke-test it (NOT run in CI: no
# Windows machine there; see packaging/BUILDING.md for what was and was not tested).
#
#     powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1 [OUT]
#
# Run it in the virtual environment Cairn is installed in (py -m pip install -e .). It makes
# OUT\cairn\ with cairn.exe (command line) and cairnw.exe (the window, no console), and a zip.
param([string]$Out = "dist")
$ErrorActionPreference = "Stop"

$Root = Resolve-Path (Join-Path $PSScriptRoot "..")
New-Item -ItemType Directory -Force -Path $Out | Out-Null
$Out = Resolve-Path $Out
$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("cairn-build-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $Work | Out-Null

python -c "import PyInstaller" 2>$null
if ($LASTEXITCODE -ne 0) { python -m pip install --quiet "pyinstaller>=6.10" }
$Version = (python -c "import sys; sys.path.insert(0, r'$Root\desktop'); import cairn; print(cairn.__version__)").Trim()
python "$Root\tools\icons.py" --ico "$Work\cairn.ico"
$env:CAIRN_ICON = "$Work\cairn.ico"
python -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$Out" --workpath "$Work\build" "$Root\packaging\cairn.spec"
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

Write-Host "== smoke test of $Out\cairn"
$Cairn = Join-Path $Out "cairn\cairn.exe"
$env:QT_QPA_PLATFORM = "offscreen"
$Data = Join-Path $Work "data"
function Expect([string]$Pattern, [string[]]$Arguments) {
    $Output = & $Cairn @Arguments 2>$null | Out-String
    if ($LASTEXITCODE -ne 0 -or $Output -notmatch $Pattern) { throw "cairn $Arguments`: $Output" }
}
Expect "^cairn $([regex]::Escape($Version))" @("--version")
Expect ": ok" @("validate", (Join-Path $Out "cairn\_internal\cairn\_shipped\curriculum"))
Expect "welcome shown" @("--data-dir", "$Work\first", "--quit-after-start")
Expect '"curriculum": "cairn-core ' @("--data-dir", $Data, "status", "--json")

Compress-Archive -Force -Path (Join-Path $Out "cairn") -DestinationPath (Join-Path $Out "cairn-$Version-windows-x86_64.zip")
Remove-Item -Recurse -Force $Work
Write-Host "== $Out\cairn-$Version-windows-x86_64.zip (unsigned: see packaging/BUILDING.md)"
