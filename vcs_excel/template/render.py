"""Render a sheet of a workbook to PNG with LibreOffice (headless) and pdftoppm.

Used to keep the picture of the template's Start sheet in ``docs/`` current,
and to look at results tabs. Needs Debian's ``libreoffice-calc`` and
``poppler-utils``; says so plainly when they are missing.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import BadInputError


def tools_missing() -> list[str]:
    """Names of the programs rendering needs that are not installed."""
    return [t for t in ("soffice", "pdftoppm") if shutil.which(t) is None]


def render_sheet(workbook: Path, sheet: str, out: Path, dpi: int = 100) -> Path:
    """Render ``sheet`` of ``workbook`` (first page) to the PNG file ``out``."""
    import openpyxl

    missing = tools_missing()
    if missing:
        raise BadInputError(
            f"Rendering needs {' and '.join(missing)}: install libreoffice-calc and "
            "poppler-utils (apt-get install -y libreoffice-calc poppler-utils)."
        )
    with tempfile.TemporaryDirectory(prefix="vcs-render-") as tmp:
        folder = Path(tmp)
        wb = openpyxl.load_workbook(workbook)
        if sheet not in wb.sheetnames:
            raise BadInputError(f"{workbook.name} has no sheet called '{sheet}'.")
        for name in wb.sheetnames:
            if name != sheet:
                wb.remove(wb[name])
        ws = wb[sheet]
        if ws.max_column > 4:  # a wide table: the whole width on a landscape page
            ws.page_setup.orientation = "landscape"
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0
            ws.sheet_properties.pageSetUpPr.fitToPage = True
        single = folder / "sheet.xlsx"
        wb.save(single)
        profile = (folder / "profile").as_uri()
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
             "pdf", "--outdir", str(folder), str(single)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
             str(folder / "sheet.pdf"), str(folder / "page")],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(folder / "page.png", out)
    return out
