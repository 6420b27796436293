"""File permissions for files people share.

A temporary file (``tempfile.mkstemp``) is readable by its owner only; renamed over a
shared ``services.json`` or a safe-to-share export, it would lock everyone else out. A
file written here keeps the permissions of the file it replaces, and a new file gets
what a new file in that folder normally gets, plus the folder's group access (a shared
folder's group can read and write it).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

__all__ = ["apply_mode", "mode_for"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def mode_for(target: Path) -> int:
    """The permission bits a file written to ``target`` should have."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(target.stat().st_mode)
    folder = 0
    with contextlib.suppress(OSError):
        folder = stat.S_IMODE(target.parent.stat().st_mode)
    return (0o666 & ~_umask()) | (folder & 0o060)


def apply_mode(path: Path | str, target: Path) -> None:
    """Give ``path`` (about to be renamed to ``target``) the permissions ``target`` should
    have. Where a file system has no such permissions (Windows), nothing changes."""
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(path, mode_for(target))
