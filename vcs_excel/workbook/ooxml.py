"""Small readers and repairs on the zip package of an .xlsx/.xlsm file.

calamine reads cell values fast, and openpyxl writes; each misses something
that matters to users, and this module fills those gaps directly on the
package:

* calamine turns Excel error values (``#N/A``) into empty text and cannot see
  number formats, so a phone or CHI number stored as a number with a
  ``00000000000`` format would lose its leading zero. :func:`cell_overrides`
  recovers both from the sheet XML, and only reads it when the package has
  such cells (or could have: error cells are looked for with one byte search).
* openpyxl rewrites ``_rels/.rels`` and ``[Content_Types].xml`` on save and
  forgets parts it does not model, such as the ribbon (``customUI``).
  :func:`restore_package_parts` puts back the relationships and content types
  of every part that is still in the saved package.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree as ET

from .values import ExcelError, column_index

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

# Parts that openpyxl cannot carry through a load and save of a user's workbook.
_LOST_ON_SAVE = (
    (re.compile(r"^xl/charts/"), "charts"),
    (re.compile(r"^xl/media/"), "pictures"),
    (re.compile(r"^xl/slicers/"), "slicers"),
    (re.compile(r"^xl/timelines/"), "timelines"),
    (re.compile(r"^xl/threadedComments/"), "threaded comments"),
    (re.compile(r"^xl/embeddings/"), "embedded objects"),
)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def sniff(path: Path) -> str:
    """What kind of file this is by its first bytes, not its name.

    Returns ``"zip"``, ``"empty-zip"``, ``"encrypted"`` (an Office file protected
    with a password, which is an OLE container), ``"ole"`` (an old binary .xls
    or another OLE file), ``"empty"`` or ``"other"``.
    """
    with open(path, "rb") as fh:
        head = fh.read(8)
        if not head:
            return "empty"
        if head.startswith(ZIP_MAGIC):
            return "zip"
        if head.startswith(EMPTY_ZIP_MAGIC):
            return "empty-zip"
        if head == OLE_MAGIC:
            fh.seek(0)
            # The stream names sit in the directory sectors; a password-protected
            # OOXML file always has an "EncryptionInfo" stream.
            while chunk := fh.read(1 << 20):
                if _ENCRYPTION_INFO in chunk:
                    return "encrypted"
            return "ole"
    return "other"


def _rels_targets(zf: zipfile.ZipFile, rels_part: str, base: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, absolute part name) for one .rels part."""
    out: dict[str, tuple[str, str]] = {}
    if rels_part not in zf.namelist():
        return out
    root = ET.fromstring(zf.read(rels_part))
    for rel in root:
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = os.path.normpath(str(PurePosixPath(base) / target)).replace("\\", "/")
        out[rel.get("Id", "")] = (rel.get("Type", ""), part)
    return out


def workbook_part(zf: zipfile.ZipFile) -> str:
    for _rid, (typ, part) in _rels_targets(zf, "_rels/.rels", "").items():
        if typ.endswith("/officeDocument"):
            return part
    return "xl/workbook.xml"


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> part name (``xl/worksheets/sheet1.xml``), in workbook order."""
    wb_part = workbook_part(zf)
    base = str(PurePosixPath(wb_part).parent)
    rels_part = f"{base}/_rels/{PurePosixPath(wb_part).name}.rels"
    rels = _rels_targets(zf, rels_part, base)
    root = ET.fromstring(zf.read(wb_part))
    out: dict[str, str] = {}
    for el in root.iter():
        if _local(el.tag) != "sheet":
            continue
        rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
        if rid in rels:
            out[el.get("name", "")] = rels[rid][1]
    return out


def defined_names(zf: zipfile.ZipFile) -> list[tuple[str, str | None, str]]:
    """``(name, sheet name or None, text)`` for each defined name in the workbook."""
    wb_part = workbook_part(zf)
    root = ET.fromstring(zf.read(wb_part))
    sheets = [el.get("name", "") for el in root.iter() if _local(el.tag) == "sheet"]
    out = []
    for el in root.iter():
        if _local(el.tag) != "definedName":
            continue
        local = el.get("localSheetId")
        sheet = sheets[int(local)] if local is not None and int(local) < len(sheets) else None
        out.append((el.get("name", ""), sheet, el.text or ""))
    return out


def zero_padded_styles(zf: zipfile.ZipFile) -> dict[int, str]:
    """Cell style index -> number format, for formats that pad numbers with zeros."""
    if "xl/styles.xml" not in zf.namelist():
        return {}
    root = ET.fromstring(zf.read("xl/styles.xml"))
    padded: dict[int, str] = {}
    for el in root.iter():
        if _local(el.tag) == "numFmt":
            code = el.get("formatCode", "")
            if is_zero_pad_format(code):
                padded[int(el.get("numFmtId", "-1"))] = code
    if not padded:
        return {}
    styles: dict[int, str] = {}
    for el in root.iter():
        if _local(el.tag) == "cellXfs":
            for i, xf in enumerate(x for x in el if _local(x.tag) == "xf"):
                fmt = int(xf.get("numFmtId", "0"))
                if fmt in padded:
                    styles[i] = padded[fmt]
    return styles


_ZERO_PAD = re.compile(r'^(?:"[^"]*"|\\.|[0 \-])+$')


def is_zero_pad_format(code: str) -> bool:
    """True for number formats such as ``00000000000`` or ``000 000 0000``."""
    return bool(_ZERO_PAD.match(code)) and code.count("0") >= 2


def format_zero_padded(number: Any, code: str) -> str:
    """Apply a zero-padding format: ``(7700900123, "00000000000")`` -> ``"07700900123"``."""
    digits = str(int(number)) if float(number).is_integer() else str(number)
    if digits.startswith("-"):
        return digits
    # Tokenise: quoted literals and escaped characters stay as they are.
    tokens = re.findall(r'"[^"]*"|\\.|.', code)
    slots = sum(1 for t in tokens if t == "0")
    digits = digits.rjust(slots, "0")
    extra, digits = digits[: len(digits) - slots], digits[len(digits) - slots :]
    out, i = [], 0
    for t in tokens:
        if t == "0":
            out.append(digits[i])
            i += 1
        elif t.startswith('"'):
            out.append(t[1:-1])
        elif t.startswith("\\"):
            out.append(t[1:])
        else:
            out.append(t)
    return extra + "".join(out)


_ATTR = re.compile(rb'([\w:]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_ERROR_ATTR = re.compile(rb"""\st\s*=\s*["']e["']""")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


def _attrs(tag: bytes) -> dict[str, str]:
    return {
        m.group(1).decode().rsplit(":", 1)[-1]: (m.group(2) or m.group(3) or b"").decode()
        for m in _ATTR.finditer(tag)
    }


def _cell_at(data: bytes, pos: int) -> tuple[dict[str, str], bytes] | None:
    """The attributes and the inner XML of the ``<c>`` element whose start tag holds ``pos``."""
    start = data.rfind(b"<", 0, pos)
    end = data.find(b">", pos)
    if start < 0 or end < 0:
        return None
    tag = data[start + 1 : end]
    if not re.match(rb"(?:\w+:)?c\s", tag):
        return None
    if tag.endswith(b"/"):
        return _attrs(tag), b""
    close = re.compile(rb"</(?:\w+:)?c>").search(data, end)
    inner = data[end + 1 : close.start()] if close else b""
    return _attrs(tag), inner


def _ref(attrs: dict[str, str]) -> tuple[int, int] | None:
    match = _CELL_REF.match(attrs.get("r", ""))
    if not match:
        return None
    return int(match.group(2)), column_index(match.group(1))


def _may_hold_errors(zf: zipfile.ZipFile, part: str) -> bool:
    """A fast look for error cells: a byte search over the sheet, chunk by chunk."""
    tail = b""
    with zf.open(part) as fh:
        while chunk := fh.read(1 << 22):
            block = tail + chunk
            if b't="e"' in block or b"t='e'" in block or b't = "e"' in block:
                return True
            tail = block[-16:]
    return False


def cell_overrides(
    zf: zipfile.ZipFile, part: str, padded_styles: dict[int, str]
) -> dict[tuple[int, int], Any]:
    """``(row, col) -> value`` for cells calamine cannot render faithfully.

    Error cells become :class:`ExcelError`; numbers in a zero-padding format
    become the text Excel displays.
    """
    if not padded_styles and not _may_hold_errors(zf, part):
        return {}
    data = zf.read(part)
    found: dict[tuple[int, int], Any] = {}
    errors = _ERROR_ATTR.finditer(data) if b"e'" in data or b'e"' in data else ()
    for m in errors:
        cell = _cell_at(data, m.start() + 1)
        if cell is None:
            continue
        attrs, inner = cell
        ref = _ref(attrs)
        value = _VALUE.search(inner)
        if ref and value:
            found[ref] = ExcelError(value.group(1).decode())
    for style, code in padded_styles.items():
        for m in re.finditer(rb"""\ss\s*=\s*["']%d["']""" % style, data):
            cell = _cell_at(data, m.start() + 1)
            if cell is None:
                continue
            attrs, inner = cell
            if attrs.get("t", "n") != "n":
                continue
            ref = _ref(attrs)
            value = _VALUE.search(inner)
            if ref and value:
                try:
                    found[ref] = format_zero_padded(float(value.group(1)), code)
                except ValueError:
                    continue
    return found


_DRAWING = re.compile(r"^xl/drawings/drawing\d+\.xml$")
_SHAPE = re.compile(rb"<(?:\w+:)?(?:sp|cxnSp|grpSp)\b")


def parts_lost_on_save(zf: zipfile.ZipFile) -> list[str]:
    """Plain names of the kinds of content openpyxl would drop from this package."""
    kinds: list[str] = []
    for name in zf.namelist():
        for pattern, kind in _LOST_ON_SAVE:
            if pattern.match(name) and kind not in kinds:
                kinds.append(kind)
        if _DRAWING.match(name) and "shapes" not in kinds and _SHAPE.search(zf.read(name)):
            kinds.append("shapes")
    return kinds


def _with_ns(xml: bytes, default_ns: str) -> ET.Element:
    ET.register_namespace("", default_ns)
    return ET.fromstring(xml)


def restore_package_parts(original: Path, saved: Path) -> list[str]:
    """Give back the root relationships and content types openpyxl dropped.

    Every part of ``saved`` that ``original`` referenced from ``_rels/.rels``
    (the ribbon's ``customUI/customUI14.xml``, for one) gets its relationship
    back, and every part without a content type gets the original's. Returns
    the relationship targets restored.
    """
    with zipfile.ZipFile(original) as zo:
        o_names = set(zo.namelist())
        o_rels = zo.read("_rels/.rels") if "_rels/.rels" in o_names else None
        o_ct = zo.read("[Content_Types].xml") if "[Content_Types].xml" in o_names else None
    if o_rels is None or o_ct is None:
        return []
    with zipfile.ZipFile(saved) as zs:
        s_names = set(zs.namelist())
        s_rels = _with_ns(zs.read("_rels/.rels"), REL_NS)
        s_ct = _with_ns(zs.read("[Content_Types].xml"), CT_NS)

    restored: list[str] = []
    have_targets = {r.get("Target", "").lstrip("/") for r in s_rels}
    ids = {r.get("Id") for r in s_rels}
    for rel in _with_ns(o_rels, REL_NS):
        target = rel.get("Target", "").lstrip("/")
        if rel.get("TargetMode") == "External" or target in have_targets or target not in s_names:
            continue
        new = ET.SubElement(s_rels, f"{{{REL_NS}}}Relationship", dict(rel.attrib))
        if new.get("Id") in ids:
            n = 1
            while f"rIdVcs{n}" in ids:
                n += 1
            new.set("Id", f"rIdVcs{n}")
        ids.add(new.get("Id"))
        restored.append(target)

    o_ct_root = _with_ns(o_ct, CT_NS)
    defaults = {d.get("Extension", "").lower() for d in s_ct if _local(d.tag) == "Default"}
    overrides = {o.get("PartName", "") for o in s_ct if _local(o.tag) == "Override"}
    o_defaults = {
        d.get("Extension", "").lower(): d for d in o_ct_root if _local(d.tag) == "Default"
    }
    o_overrides = {o.get("PartName", ""): o for o in o_ct_root if _local(o.tag) == "Override"}
    changed_ct = False
    for name in s_names:
        if name.endswith("/"):
            continue
        part = "/" + name
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if part in overrides:
            continue
        if part in o_overrides:
            ET.SubElement(s_ct, f"{{{CT_NS}}}Override", dict(o_overrides[part].attrib))
            overrides.add(part)
            changed_ct = True
        elif ext not in defaults and ext in o_defaults:
            s_ct.insert(0, ET.Element(f"{{{CT_NS}}}Default", dict(o_defaults[ext].attrib)))
            defaults.add(ext)
            changed_ct = True

    if not restored and not changed_ct:
        return []
    replacements = {
        "_rels/.rels": ET.tostring(s_rels, xml_declaration=True, encoding="UTF-8"),
        "[Content_Types].xml": ET.tostring(s_ct, xml_declaration=True, encoding="UTF-8"),
    }
    rewrite_zip(saved, replacements)
    return restored


def rewrite_zip(path: Path, replacements: dict[str, bytes]) -> None:
    """Replace some members of a zip file, keeping the order and the rest as they are."""
    tmp = path.with_name(path.name + ".rewrite")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = replacements.get(info.filename)
            dst.writestr(info, data if data is not None else src.read(info.filename))
    os.replace(tmp, path)


def lock_file(path: Path) -> Path | None:
    """The owner file Excel or LibreOffice keeps beside an open workbook, if any."""
    candidates = [
        path.with_name("~$" + path.name),
        path.with_name("~$" + path.name[2:]),
        path.with_name(".~lock." + path.name + "#"),
    ]
    return next((c for c in candidates if c.exists()), None)


def lock_owner(lock: Path) -> str:
    """The user name recorded in an owner file, or ``""`` when it cannot be read."""
    try:
        raw = lock.read_bytes()[:512]
    except OSError:
        return ""
    if lock.name.startswith(".~lock."):
        text = raw.decode("utf-8", "replace")
        return text.split(",", 1)[0].strip()
    if raw:
        n = raw[0]
        name = raw[1 : 1 + n].decode("latin-1", "replace").strip()
        if name and name.isprintable():
            return name
    return ""
