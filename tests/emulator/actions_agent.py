"""agent API: User.List/Under/Transfer/Create, Verify.Email/Telephone."""
from .registry import action  # noqa: F401  pylint: disable=unused-import
