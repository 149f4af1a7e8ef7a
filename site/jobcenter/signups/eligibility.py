"""Who may take a seat, judged from the birth year (the only age data the center keeps)."""

from __future__ import annotations


def may_be_of_age(birth_year: int, on_year: int, min_age: int | None, max_age: int | None) -> bool:
    """With only a birth year, a person's 만 나이 in `on_year` is either on_year - birth_year or one
    less; refuse only those who cannot be within the range, and let staff check the rest."""
    oldest = on_year - birth_year
    youngest = oldest - 1
    if min_age is not None and oldest < min_age:
        return False
    return max_age is None or youngest <= max_age
