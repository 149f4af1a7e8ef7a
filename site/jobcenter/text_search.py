"""Searching text columns the same way on both databases, the way people type: each word of a
query on its own, and spaces not counted (경비 신임교육 finds 경비신임교육; 경비신임 finds 경비 신임)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from piccolo.columns import Column, Text, Varchar
from piccolo.columns.combination import Combinable, Or, Where, WhereRaw

ESCAPE = "\\"


def contains_ignoring_case(column: Varchar | Text, pattern: str) -> Where:
    """Case-insensitive match: ILIKE on PostgreSQL; SQLite's LIKE already ignores (ASCII) case."""
    if column._meta.table._meta.db.engine_type == "sqlite":
        return column.like(pattern)
    return column.ilike(pattern)


def words_of(query: str) -> list[str]:
    """The words of a query (NFC, in the order typed, each once)."""
    return list(dict.fromkeys(unicodedata.normalize("NFC", query).split()))


def _escaped(word: str) -> str:
    return word.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")


def contains_word(columns: Sequence[Column], word: str) -> Combinable:
    """The word (its spaces left out) in any of the columns, their spaces left out, ignoring case."""
    like = "LIKE" if columns[0]._meta.table._meta.db.engine_type == "sqlite" else "ILIKE"
    pattern = f"%{_escaped(''.join(word.split()))}%"
    conditions: list[Combinable] = [
        WhereRaw(f"REPLACE({column._meta.get_full_name(with_alias=False)}, ' ', '') {like} {{}} ESCAPE '{ESCAPE}'", pattern)
        for column in columns
    ]
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = Or(combined, condition)
    return combined
