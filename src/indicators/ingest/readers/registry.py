"""The reader registry: each reader declares its publisher and whether it reads one year per
call, so the catalogue can name readers and the ingest can call them without guessing."""

from dataclasses import dataclass

READERS = {}


@dataclass(frozen=True)
class Reader:
    function: object
    source: str  # key of a [sources.*] entry in the catalogue
    per_year: bool  # called once per year of the origin's span, with `year=`


def reader(source, per_year=False):
    """Register a function `(**args) -> (frame of ags, year, value; label)` under its name."""

    def register(function):
        READERS[function.__name__] = Reader(function, source, per_year)
        return function

    return register
