"""vcs-excel: tag, check, deduplicate and share lists about residents, volunteers
and services, from Excel, the command line or Python."""

__version__ = "0.1.0"
