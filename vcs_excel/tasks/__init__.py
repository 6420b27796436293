"""Task implementations; importing this package registers them in ``commands``."""

from . import check, standard  # noqa: F401
