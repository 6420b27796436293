"""Writing a VBA project (``vbaProject.bin``) from plain-text modules, on any OS.

Office recompiles a VBA project from its compressed source when the project
carries no compiled cache for its version, so a project made of source alone
works in Excel for Windows and Mac. This module writes one, following
[MS-OVBA] (Office VBA File Format Structure):

* every module's source, compressed with the MS-OVBA algorithm (2.4.1);
* the ``dir`` stream (2.3.4.2) naming the project, its references and modules,
  in the record order Office itself writes;
* the ``PROJECT`` stream (2.3.1) with its protection fields encrypted (2.4.3),
  ``PROJECTwm`` and a ``_VBA_PROJECT`` stream with no compiled cache;

inside an MS-CFB compound file written by the ``ms-cfb`` package.

The compression is written here rather than taken from ``ms-ovba-compression``
(1.0.1), which produces containers that decompress to the wrong text for
modules larger than a few chunks, xlwings' own module among them.
"""

from __future__ import annotations

import contextlib
import hashlib
import struct
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

CHUNK = 4096
CODEPAGE = 1252
ENCODING = "cp1252"

# Type libraries every project refers to: OLE Automation, and Office (IRibbonControl).
REFERENCES: tuple[tuple[str, str], ...] = (
    (
        "stdole",
        r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0#"
        r"C:\Windows\System32\stdole2.tlb#OLE Automation",
    ),
    (
        "Office",
        r"*\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#"
        r"C:\Program Files\Common Files\Microsoft Shared\OFFICE16\MSO.DLL#"
        "Microsoft Office 16.0 Object Library",
    ),
)

WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"
WORKSHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"

ModuleKind = Literal["standard", "class", "document"]


# --------------------------------------------------------------------------- compression
def compress(data: bytes) -> bytes:
    """Compress ``data`` into an MS-OVBA CompressedContainer (signature byte, chunks)."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        out += _compress_chunk(data[start : start + CHUNK])
    return bytes(out)


def _copy_token_split(offset_in_chunk: int) -> tuple[int, int]:
    """(bit count of the offset, maximum match length) at this place in a chunk."""
    bits = max((offset_in_chunk - 1).bit_length(), 4)
    return bits, (0xFFFF >> bits) + 3


def _compress_chunk(chunk: bytes) -> bytes:
    body = bytearray()
    pos, n = 0, len(chunk)
    # Positions where each 3-byte sequence starts, most recent last.
    seen: dict[bytes, list[int]] = {}
    while pos < n:
        flag_at = len(body)
        body.append(0)
        flags = 0
        for bit in range(8):
            if pos >= n:
                break
            best_len, best_off = 0, 0
            if pos > 0 and pos + 3 <= n:
                bits, max_len = _copy_token_split(pos)
                limit = min(max_len, n - pos)
                candidates = seen.get(chunk[pos : pos + 3], ())
                for cand in reversed(candidates[-64:]):
                    length = 3
                    while length < limit and chunk[cand + length] == chunk[pos + length]:
                        length += 1
                    if length > best_len:
                        best_len, best_off = length, pos - cand
                        if length == limit:
                            break
            step = best_len if best_len >= 3 else 1
            for p in range(pos, min(pos + step, n - 2)):
                seen.setdefault(chunk[p : p + 3], []).append(p)
            if best_len >= 3:
                bits, _ = _copy_token_split(pos)
                token = ((best_off - 1) << (16 - bits)) | (best_len - 3)
                body += struct.pack("<H", token)
                flags |= 1 << bit
            else:
                body.append(chunk[pos])
            pos += step
        body[flag_at] = flags
    if len(body) > CHUNK:
        # Incompressible: a raw chunk holds exactly 4096 bytes.
        return struct.pack("<H", 0x3FFF) + chunk.ljust(CHUNK, b"\x00")
    return struct.pack("<H", 0xB000 | (len(body) + 2 - 3)) + bytes(body)


def decompress(container: bytes) -> bytes:
    """Decompress an MS-OVBA CompressedContainer (the inverse of :func:`compress`)."""
    if not container or container[0] != 1:
        raise ValueError("not an MS-OVBA compressed container")
    out = bytearray()
    pos = 1
    while pos < len(container):
        header = struct.unpack_from("<H", container, pos)[0]
        size = (header & 0x0FFF) + 3
        chunk_end = pos + size
        pos += 2
        start = len(out)
        if not header & 0x8000:
            out += container[pos : pos + CHUNK]
            pos += CHUNK
            continue
        while pos < chunk_end:
            flags = container[pos]
            pos += 1
            for bit in range(8):
                if pos >= chunk_end:
                    break
                if flags & (1 << bit):
                    token = struct.unpack_from("<H", container, pos)[0]
                    pos += 2
                    bits, _ = _copy_token_split(len(out) - start)
                    length = (token & (0xFFFF >> bits)) + 3
                    offset = (token >> (16 - bits)) + 1
                    for _ in range(length):
                        out.append(out[-offset])
                else:
                    out.append(container[pos])
                    pos += 1
    return bytes(out)


# --------------------------------------------------------------------------- encryption
def encrypt_field(project_id: str, data: bytes, seed: int) -> str:
    """[MS-OVBA] 2.4.3 data encryption, as used for CMG, DPB and GC (hex text)."""
    version = 2
    key = sum(project_id.encode("ascii")) & 0xFF
    buf = bytearray([seed, seed ^ version, seed ^ key])
    unencrypted1, encrypted1, encrypted2 = key, seed ^ key, seed ^ version
    ignored = [seed] * ((seed & 6) // 2)  # filler that readers skip
    for byte in [*ignored, *struct.pack("<I", len(data)), *data]:
        enc = byte ^ ((encrypted2 + unencrypted1) & 0xFF)
        buf.append(enc)
        encrypted2, encrypted1, unencrypted1 = encrypted1, enc, byte
    return buf.hex().upper()


def decrypt_field(hex_text: str) -> bytes:
    """The inverse of :func:`encrypt_field`; raises ``ValueError`` on a bad field."""
    buf = bytes.fromhex(hex_text)
    seed, version_enc, key_enc = buf[0], buf[1], buf[2]
    if seed ^ version_enc != 2:
        raise ValueError("unknown encryption version")
    unencrypted1, encrypted1, encrypted2 = seed ^ key_enc, key_enc, version_enc
    plain = bytearray()
    for enc in buf[3:]:
        byte = enc ^ ((encrypted2 + unencrypted1) & 0xFF)
        plain.append(byte)
        encrypted2, encrypted1, unencrypted1 = encrypted1, enc, byte
    body = plain[(seed & 6) // 2 :]
    length = struct.unpack_from("<I", body)[0]
    if length != len(body) - 4:
        raise ValueError("length does not match")
    return bytes(body[4:])


# --------------------------------------------------------------------------- project
@dataclass(frozen=True)
class VbaModule:
    """One module: its name, kind, and source exactly as stored (Attribute lines first)."""

    name: str
    kind: ModuleKind
    source: str

    @property
    def encoded(self) -> bytes:
        return self.source.encode(ENCODING)


def document_module(name: str, base: str, code: str = "") -> VbaModule:
    """A workbook or worksheet code module (``ThisWorkbook``, ``Sheet1`` ...)."""
    attributes = [
        f'Attribute VB_Name = "{name}"',
        f'Attribute VB_Base = "{base}"',
        "Attribute VB_GlobalNameSpace = False",
        "Attribute VB_Creatable = False",
        "Attribute VB_PredeclaredId = True",
        "Attribute VB_Exposed = True",
        "Attribute VB_TemplateDerived = False",
        "Attribute VB_Customizable = True",
    ]
    return VbaModule(name, "document", "\r\n".join(attributes) + "\r\n" + code)


# The base of a class module: every class module Excel saves names it, and a project
# without it stops with "Invalid procedure call or argument" at the class's first New.
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"
_CLASS_ATTRIBUTES = [
    ("VB_Base", f'"{CLASS_BASE}"'),
    ("VB_GlobalNameSpace", "False"),
    ("VB_Creatable", "False"),
    ("VB_PredeclaredId", "False"),
    ("VB_Exposed", "False"),
    ("VB_TemplateDerived", "False"),
    ("VB_Customizable", "False"),
]


def class_module(name: str, exported: str) -> VbaModule:
    """A class module from its exported .cls, with the module attributes Excel stores
    for every class module, in Excel's order (an exported file has only some of them;
    values the file gives, such as ``VB_Exposed``, are kept)."""
    lines = source_from_export(exported).split("\r\n")
    given: dict[str, str] = {}
    k = 0
    while k < len(lines) and lines[k].startswith("Attribute VB_"):
        key, _, value = lines[k][len("Attribute ") :].partition(" = ")
        given[key] = value
        k += 1
    header = [f'Attribute VB_Name = "{name}"']
    header += [f"Attribute {key} = {given.get(key, value)}" for key, value in _CLASS_ATTRIBUTES]
    rest = {key for key, _ in _CLASS_ATTRIBUTES} | {"VB_Name"}
    header += [f"Attribute {key} = {value}" for key, value in given.items() if key not in rest]
    return VbaModule(name, "class", "\r\n".join(header + lines[k:]))


def source_from_export(text: str) -> str:
    """Module source from an exported .bas/.cls file: CRLF line ends, and without
    the ``VERSION 1.0 CLASS`` / ``BEGIN`` ... ``END`` header that the VBA editor
    adds on export and strips on import."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].startswith("VERSION ") and "BEGIN" in lines[1:3]:
        end = lines.index("END")
        lines = lines[end + 1 :]
    return "\r\n".join(lines)


def _record(rid: int, data: bytes) -> bytes:
    return struct.pack("<HI", rid, len(data)) + data


def _text_records(rid: int, rid_unicode: int, text: str) -> bytes:
    return _record(rid, text.encode(ENCODING)) + _record(rid_unicode, text.encode("utf-16-le"))


def dir_stream(project_name: str, modules: Sequence[VbaModule]) -> bytes:
    """The decompressed ``dir`` stream: project information, references, modules."""
    out = bytearray()
    out += _record(0x0001, struct.pack("<I", 3))  # SysKind: 64-bit Windows
    out += _record(0x0002, struct.pack("<I", 0x0409))  # LCID
    out += _record(0x0014, struct.pack("<I", 0x0409))  # LCID invoke
    out += _record(0x0003, struct.pack("<H", CODEPAGE))
    out += _record(0x0004, project_name.encode(ENCODING))
    out += _text_records(0x0005, 0x0040, "")  # doc string
    out += _text_records(0x0006, 0x003D, "")  # help files
    out += _record(0x0007, struct.pack("<I", 0))  # help context
    out += _record(0x0008, struct.pack("<I", 0))  # lib flags
    out += struct.pack("<HIIH", 0x0009, 4, 1, 0)  # version 1.0
    out += _text_records(0x000C, 0x003C, "")  # constants
    for name, libid in REFERENCES:
        out += _text_records(0x0016, 0x003E, name)
        lib = libid.encode(ENCODING)
        out += _record(0x000D, struct.pack("<I", len(lib)) + lib + b"\x00" * 6)
    out += _record(0x000F, struct.pack("<H", len(modules)))
    out += _record(0x0013, struct.pack("<H", 0xFFFF))  # project cookie
    for module in modules:
        out += _text_records(0x0019, 0x0047, module.name)
        out += _text_records(0x001A, 0x0032, module.name)
        out += _text_records(0x001C, 0x0048, "")  # doc string
        out += _record(0x0031, struct.pack("<I", 0))  # source starts at offset 0
        out += _record(0x001E, struct.pack("<I", 0))  # help context
        out += _record(0x002C, struct.pack("<H", 0xFFFF))  # cookie
        out += _record(0x0021 if module.kind == "standard" else 0x0022, b"")
        out += _record(0x002B, b"")
    out += struct.pack("<HI", 0x0010, 0)
    return bytes(out)


def project_stream(project_id: str, project_name: str, modules: Sequence[VbaModule]) -> bytes:
    """The ``PROJECT`` stream: module list, name, and protection fields (none set)."""
    lines = [f'ID="{project_id}"']
    for m in modules:
        lines.append(
            {"document": f"Document={m.name}/&H00000000", "standard": f"Module={m.name}",
             "class": f"Class={m.name}"}[m.kind]
        )  # fmt: skip
    seed = hashlib.sha256(project_id.encode()).digest()
    not_protected = encrypt_field(project_id, struct.pack("<I", 0), seed[0])
    no_password = encrypt_field(project_id, bytes([0]), seed[1])
    visible = encrypt_field(project_id, bytes([0xFF]), seed[2])
    lines += [
        f'Name="{project_name}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        f'CMG="{not_protected}"',
        f'DPB="{no_password}"',
        f'GC="{visible}"',
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
        *(f"{m.name}=0, 0, 0, 0, C" for m in modules),
        "",
    ]
    return "\r\n".join(lines).encode(ENCODING)


def projectwm_stream(modules: Sequence[VbaModule]) -> bytes:
    out = bytearray()
    for m in modules:
        out += m.name.encode(ENCODING) + b"\x00" + m.name.encode("utf-16-le") + b"\x00\x00"
    return bytes(out + b"\x00\x00")


# _VBA_PROJECT with version 0xFFFF and no performance cache: Office compiles from source.
VBA_PROJECT_STREAM = b"\xcc\x61\xff\xff\x00\x01\x00"


def build_vba_project(
    modules: Sequence[VbaModule], project_name: str = "VBAProject", seed: str = "vcs-excel"
) -> bytes:
    """A complete ``vbaProject.bin`` holding ``modules``.

    The project id is derived from ``seed`` and the module names, so a rebuild
    of the same sources gives the same project.
    """
    names = [m.name for m in modules]
    if len(set(n.lower() for n in names)) != len(names):
        raise ValueError("module names must be unique")
    digest = hashlib.sha256((seed + "|" + "|".join(names)).encode()).digest()
    project_id = "{" + str(uuid.UUID(bytes=digest[:16])).upper() + "}"
    streams: dict[str, bytes] = {
        "PROJECT": project_stream(project_id, project_name, modules),
        "PROJECTwm": projectwm_stream(modules),
        "VBA/_VBA_PROJECT": VBA_PROJECT_STREAM,
        "VBA/dir": compress(dir_stream(project_name, modules)),
    }
    for m in modules:
        streams[f"VBA/{m.name}"] = compress(m.encoded)
    return write_compound_file(streams)


def write_compound_file(streams: dict[str, bytes]) -> bytes:
    """An MS-CFB file with these streams (``"VBA/dir"`` is stream ``dir`` in storage ``VBA``)."""
    try:
        from ms_cfb.Models.Directories.storage_directory import StorageDirectory
        from ms_cfb.Models.Directories.stream_directory import StreamDirectory
        from ms_cfb.ole_file import OleFile
    except ImportError:  # users never build the template: its writer is an extra
        from ..errors import BadInputError

        raise BadInputError(
            "Building the template needs the template extra: pip install 'vcs-excel[template]'."
        ) from None

    with tempfile.TemporaryDirectory(prefix="vcs-vba-") as tmp:
        ole = OleFile()
        storages: dict[str, StorageDirectory] = {}
        for i, (path, data) in enumerate(streams.items()):
            source = Path(tmp) / f"stream{i}"
            source.write_bytes(data)
            *parents, name = path.split("/")
            parent = ole.root_directory
            for level in parents:
                if level not in storages:
                    storages[level] = StorageDirectory(level)
                    parent.add_directory(storages[level])
                parent = storages[level]
            parent.add_directory(StreamDirectory(name, str(source)))
        target = Path(tmp) / "vbaProject.bin"
        # ms-cfb writes a scratch file (fatChain.bin) into the current folder: let that
        # be the temporary one, so no build leaves it in a user's or the repository's.
        with contextlib.chdir(tmp):
            ole.create_file(str(target))
        return target.read_bytes()
