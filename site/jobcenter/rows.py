"""Views that wrap a database row and answer `view.column` for templates."""

from __future__ import annotations

from typing import Any


class RowView:
    """Attribute access falls through to `self.row` (a dict from a Piccolo select)."""

    row: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["row"][name]
        except KeyError as error:
            raise AttributeError(name) from error
