"""Monitor.* (D-monitor)."""
from .registry import action  # noqa: F401  pylint: disable=unused-import
