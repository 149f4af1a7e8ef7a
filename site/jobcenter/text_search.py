"""Searching text columns the same way on both databases."""

from __future__ import annotations

from piccolo.columns import Text, Varchar
from piccolo.columns.combination import Where


def contains_ignoring_case(column: Varchar | Text, pattern: str) -> Where:
    """Case-insensitive match: ILIKE on PostgreSQL; SQLite's LIKE already ignores (ASCII) case."""
    if column._meta.table._meta.db.engine_type == "sqlite":
        return column.like(pattern)
    return column.ilike(pattern)
