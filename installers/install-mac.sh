#!/bin/sh
# Installs vcs-excel for Excel for Mac, for one user:
#   1. finds Python 3.11 or newer (and says how to get it if there is none);
#   2. installs vcs-excel into a virtual environment of its own, ~/.vcs-excel/venv;
#   3. writes that Python's path into your own xlwings settings (the xlwings.conf file
#      Excel for Mac reads, in ~/Library/Containers/com.microsoft.Excel/Data), so nobody
#      has to type it into the workbook;
#   4. runs `xlwings runpython install`, which lets Excel for Mac start Python.
# Run it from a copy of the project folder: sh installers/install-mac.sh
# It installs the wheel in dist/ (made by `make dist`) if there is one, else the folder.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
HOME_DIR=${VCS_EXCEL_HOME:-"$HOME/.vcs-excel"}
VENV="$HOME_DIR/venv"
# The last step talks to Excel for Mac; it can be replaced (the tests do, on Linux).
RUNPYTHON=${VCS_EXCEL_RUNPYTHON:-"$VENV/bin/xlwings runpython install"}

say() { printf '%s\n' "$*"; }

# 1. Python 3.11 or newer.
PYTHON=""
for candidate in ${VCS_EXCEL_PYTHON:-} python3.14 python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
        PYTHON=$(command -v "$candidate")
        break
    fi
done
if [ -z "$PYTHON" ]; then
    say "vcs-excel needs Python 3.11 or newer, and this Mac has none."
    say "Install it from https://www.python.org/downloads/macos/ (the macOS installer),"
    say "then run this script again."
    exit 1
fi
say "Using $PYTHON ($("$PYTHON" -c 'import platform; print(platform.python_version())'))."

# 2. vcs-excel in a virtual environment of its own.
WHEEL=$(ls "$PROJECT"/dist/vcs_excel-*.whl 2>/dev/null | tail -n 1 || true)
SOURCE=${WHEEL:-$PROJECT}
say "Installing vcs-excel from $SOURCE into $VENV ..."
mkdir -p "$HOME_DIR"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
# shellcheck disable=SC2086
"$VENV/bin/python" -m pip install --quiet ${VCS_EXCEL_PIP_ARGS:-} "$SOURCE"
"$VENV/bin/vcs-excel" --version

# 3. This Python, in the user's own xlwings settings (other settings are kept). xlwings
# says where that file is on this computer.
CONF=$("$VENV/bin/python" -c 'import xlwings; print(xlwings.USER_CONFIG_FILE)')
mkdir -p "$(dirname "$CONF")"
touch "$CONF"
grep -v '^"INTERPRETER_MAC",' "$CONF" > "$CONF.new" || true
printf '"INTERPRETER_MAC","%s"\n' "$VENV/bin/python" >> "$CONF.new"
mv "$CONF.new" "$CONF"
say "Wrote the interpreter into $CONF."

# 4. Let Excel for Mac start Python (xlwings' own step).
say "Running: $RUNPYTHON"
$RUNPYTHON
say ""
say "Done. Open the vcs-excel template in Excel. The first time a button runs, Excel for"
say "Mac asks to allow access to files and to run the script: choose Allow (or Grant"
say "Access). Excel may need to be restarted once after this install."
