"""Domainalias.* (alias domains)."""
from .registry import action  # noqa: F401  pylint: disable=unused-import
