"""Task implementations; importing this package registers them in ``commands``."""

from . import check, match, standard  # noqa: F401
