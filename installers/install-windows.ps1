# Installs vcs-excel for Excel for Windows, for one user:
#   1. finds Python 3.11 or newer (and says how to get it if there is none);
#   2. installs vcs-excel into a virtual environment of its own, %USERPROFILE%\.vcs-excel\venv;
#   3. writes that Python's path into your own xlwings settings
#      (%USERPROFILE%\.xlwings\xlwings.conf), so nobody has to type it into the workbook.
# Run it from a copy of the project folder, in PowerShell:
#   powershell -ExecutionPolicy Bypass -File installers\install-windows.ps1
# It installs the wheel in dist\ (made by `make dist`) if there is one, else the folder.
$ErrorActionPreference = "Stop"

$Project = Split-Path -Parent $PSScriptRoot
$HomeDir = if ($env:VCS_EXCEL_HOME) { $env:VCS_EXCEL_HOME } else { Join-Path $env:USERPROFILE ".vcs-excel" }
$Venv = Join-Path $HomeDir "venv"

# 1. Python 3.11 or newer: the Python launcher (py) first, then python on the PATH.
$Python = $null
foreach ($candidate in @("py -3.14", "py -3.13", "py -3.12", "py -3.11", "python")) {
    $parts = $candidate.Split(" ")
    $exe = Get-Command $parts[0] -ErrorAction SilentlyContinue
    if (-not $exe) { continue }
    $pyArgs = @($parts | Select-Object -Skip 1) + @("-c", "import sys; print(sys.executable); sys.exit(0 if sys.version_info >= (3, 11) else 1)")
    $found = & $exe.Source @pyArgs 2>$null
    if ($LASTEXITCODE -eq 0 -and $found) {
        $Python = ($found | Select-Object -Last 1).Trim()
        break
    }
}
if (-not $Python) {
    Write-Host "vcs-excel needs Python 3.11 or newer, and this computer has none."
    Write-Host "Install it from https://www.python.org/downloads/windows/ and tick"
    Write-Host "'Add python.exe to PATH' on its first screen, then run this script again."
    exit 1
}
Write-Host "Using $Python"

# 2. vcs-excel in a virtual environment of its own.
$Wheel = Get-ChildItem -Path (Join-Path $Project "dist") -Filter "vcs_excel-*.whl" -ErrorAction SilentlyContinue |
    Sort-Object Name | Select-Object -Last 1
$Source = if ($Wheel) { $Wheel.FullName } else { $Project }
Write-Host "Installing vcs-excel from $Source into $Venv ..."
New-Item -ItemType Directory -Force -Path $HomeDir | Out-Null
& $Python -m venv $Venv
if ($LASTEXITCODE -ne 0) { throw "Could not make the virtual environment in $Venv." }
$VenvPython = Join-Path $Venv "Scripts\python.exe"
& $VenvPython -m pip install --quiet --upgrade pip
& $VenvPython -m pip install --quiet $Source
if ($LASTEXITCODE -ne 0) { throw "pip could not install vcs-excel from $Source." }
& (Join-Path $Venv "Scripts\vcs-excel.exe") --version

# 3. This Python, in the user's own xlwings settings (other settings are kept).
$Conf = & $VenvPython -c "import xlwings; print(xlwings.USER_CONFIG_FILE)"
New-Item -ItemType Directory -Force -Path (Split-Path -Parent $Conf) | Out-Null
$Lines = @()
if (Test-Path $Conf) {
    $Lines = @(Get-Content $Conf | Where-Object { $_ -notmatch '^"INTERPRETER_WIN",' })
}
$Lines += '"INTERPRETER_WIN","' + $VenvPython + '"'
# Without a byte-order mark, as xlwings' own settings file is written.
[System.IO.File]::WriteAllLines($Conf, [string[]]$Lines)
Write-Host "Wrote the interpreter into $Conf."

Write-Host ""
Write-Host "Done. Open the vcs-excel template in Excel and click Enable Content when Excel asks."
Write-Host "If the file came by e-mail or download: right-click it, Properties, tick Unblock, OK."
