"""Task implementations; importing this package registers them in ``commands``."""

from . import check, directory, match, standard  # noqa: F401
