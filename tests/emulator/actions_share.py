"""Domainshare.* (shares of a domain or sub-domain)."""
from .registry import action  # noqa: F401  pylint: disable=unused-import
