"""The installers for volunteers, and `make dist`: the Mac installer runs here (on Linux,
its Mac-only step replaced), the Windows one is read by a PowerShell grammar."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALLERS = ROOT / "installers"


def test_the_windows_installer_parses_as_powershell():
    ts_powershell = pytest.importorskip("tree_sitter_powershell")
    from tree_sitter import Language, Parser

    parser = Parser(Language(ts_powershell.language()))
    source = (INSTALLERS / "install-windows.ps1").read_bytes()
    assert not parser.parse(source).root_node.has_error
    # The parser would catch a slip (a missing bracket).
    assert parser.parse(source.replace(b"if (-not $Python) {", b"if (-not $Python {", 1)
                        ).root_node.has_error  # fmt: skip
    text = source.decode("utf-8")
    assert "xlwings.USER_CONFIG_FILE" in text and '"INTERPRETER_WIN",' in text
    assert "3, 11" in text  # Python 3.11 or newer


@pytest.mark.slow  # builds a wheel and installs it with its dependencies (pip's cache)
@pytest.mark.skipif(os.name != "posix" or not shutil.which("sh"), reason="needs a POSIX sh")
def test_the_mac_installer_installs_the_wheel_and_points_xlwings_at_it(tmp_path):
    project = tmp_path / "vcs-excel"
    (project / "installers").mkdir(parents=True)
    shutil.copy(INSTALLERS / "install-mac.sh", project / "installers")
    # make dist's wheel, beside the installer as in a copy of the project folder.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir",
         str(project / "dist"), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    home = tmp_path / "home"
    conf = home / ".xlwings" / "xlwings.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text('"LICENSE_KEY","kept"\n"INTERPRETER_MAC","/old/python"\n', "utf-8")
    env = {
        **os.environ,
        "HOME": str(home),
        "VCS_EXCEL_PYTHON": sys.executable,
        "VCS_EXCEL_RUNPYTHON": "echo runpython-install-stub",  # the step only a Mac has
    }
    run = subprocess.run(["sh", str(project / "installers" / "install-mac.sh")], env=env,
                         capture_output=True, text=True, timeout=1200)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "runpython-install-stub" in run.stdout
    python = home / ".vcs-excel" / "venv" / "bin" / "python"
    version = subprocess.run([str(python).replace("python", "vcs-excel"), "--version"],
                             capture_output=True, text=True)  # fmt: skip
    assert version.stdout.startswith("vcs-excel ")
    lines = conf.read_text("utf-8").splitlines()
    assert '"LICENSE_KEY","kept"' in lines  # the user's other settings are kept
    assert f'"INTERPRETER_MAC","{python}"' in lines and "/old/python" not in "\n".join(lines)
    # The installed vcs-excel has its data standard (package data, not the folder).
    check = subprocess.run([str(python), "-c", "from vcs_excel.standard.dictionary import "
                            "load_dictionary; print(len(load_dictionary().entries))"],
                           capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
    assert int(check.stdout) > 50, check.stderr


def test_the_mac_installer_says_how_to_get_python_when_there_is_none(tmp_path):
    if os.name != "posix" or not shutil.which("sh"):
        pytest.skip("needs a POSIX sh")
    bare = tmp_path / "bin"
    bare.mkdir()
    for tool in ("dirname", "ls", "tail"):
        if shutil.which(tool):
            os.symlink(shutil.which(tool), bare / tool)
    env = {"PATH": str(bare), "HOME": str(tmp_path)}
    run = subprocess.run([shutil.which("sh"), str(INSTALLERS / "install-mac.sh")], env=env,
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 1
    assert "Python 3.11 or newer" in run.stdout and "python.org" in run.stdout
