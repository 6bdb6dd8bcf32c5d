"""Product.List and Domain.Upgrade (agent API document)."""
from .registry import action  # noqa: F401  pylint: disable=unused-import
