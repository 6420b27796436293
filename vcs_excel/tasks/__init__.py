"""Task implementations; importing this package registers them in ``commands``."""

from . import check, directory, insights, match, standard  # noqa: F401
