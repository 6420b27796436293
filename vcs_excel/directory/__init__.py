"""The services and capacity directory: a shared HSDS 3.0 JSON file and its tabs."""

from .hsds import export_services, parse_hsds, read_hsds
from .models import Service
from .store import ConflictError, Directory, DirectoryError, DirectoryStore, Entry

__all__ = [
    "ConflictError",
    "Directory",
    "DirectoryError",
    "DirectoryStore",
    "Entry",
    "Service",
    "export_services",
    "parse_hsds",
    "read_hsds",
]
