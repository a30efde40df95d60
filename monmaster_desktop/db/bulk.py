"""Bulk writes: many rows in the session's transaction, as fast as the engine can."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from operator import itemgetter

from sqlalchemy.orm import Session

#: A load of at least this many rows into a table, and at least as many as it holds already,
#: builds the table's secondary indexes once afterwards instead of row by row (see
#: :func:`indexes_built_after`).
INDEXES_AFTER_FROM = 20_000


@contextmanager
def indexes_built_after(session: Session, loads: Mapping) -> Iterator[None]:  # noqa: ANN001
    """A large load into these tables (``loads``: table → rows about to be added), in the
    session's transaction: the engine's own way round it (``Database.large_load``) for the
    tables that get at least ``INDEXES_AFTER_FROM`` rows. SQLite builds the secondary indexes
    of each table that at least doubles once, at the end, instead of row by row; a server
    keeps them and ends with the planner's statistics of the rows loaded. All or nothing
    still: a load that fails leaves the base as it was, indexes included.
    """
    large = {table.name: rows for table, rows in loads.items() if rows >= INDEXES_AFTER_FROM}
    with session.info["database"].large_load(session, large):
        yield


def bulk_insert(session: Session, table, rows: list[dict]) -> None:  # noqa: ANN001
    """Insert many rows of ``table`` in the session's transaction, as fast as the engine can.

    SQLite: straight to the driver's executemany; PostgreSQL: ``COPY ... FROM STDIN``. Both
    get the values each column's own bind processor makes (what SQLAlchemy would send),
    converted once per distinct value.
    """
    if not rows:
        return
    keys = list(rows[0])
    bulk_insert_rows(
        session,
        table,
        keys,
        list(map(itemgetter(*keys), rows)) if len(keys) > 1 else [(row[keys[0]],) for row in rows],
    )


def bulk_insert_rows(session: Session, table, keys, rows: list[tuple]) -> None:  # noqa: ANN001
    """:func:`bulk_insert` for rows already as tuples in the order of ``keys``."""
    if not rows:
        return
    keys = list(keys)
    bulk_insert_columns(session, table, dict(zip(keys, zip(*rows))))


#: Rows sent to the engine at a time by :func:`bulk_insert_columns` (bounds the memory).
CHUNK_ROWS = 50_000


def bulk_insert_columns(session: Session, table, columns: Mapping[str, Sequence]) -> None:  # noqa: ANN001
    """:func:`bulk_insert` for rows given column by column (``columns``: key → one value per
    row, every column as long): a caller that has its values by column makes no row at all.

    Only the columns whose type converts values (dates, enums, booleans...) are converted,
    each distinct value once; the columns are put in the statement's order and zipped into
    rows, sent a chunk at a time.
    """
    keys = list(columns)
    count = len(columns[keys[0]]) if keys else 0
    if not count:
        return
    from sqlalchemy import insert

    conn = session.connection()
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    order = list(compiled.positiontup) if compiled.positiontup else keys
    columns = dict(columns)
    for key in keys:
        process = table.c[key].type._cached_bind_processor(dialect)
        if process is not None:
            columns[key] = _converted(process, columns[key])
    rows = zip(*(columns[key] for key in order))
    postgresql = dialect.name == "postgresql"
    if postgresql:
        from monmaster_desktop.db.postgresql import COPY_FROM_ROWS, copy_rows
    while chunk := list(islice(rows, CHUNK_ROWS)):
        if not postgresql:
            conn.exec_driver_sql(compiled.string, chunk)
        elif count >= COPY_FROM_ROWS:
            copy_rows(conn, table, order, chunk)
        else:  # a few rows (one save): a plain INSERT costs fewer round trips than COPY
            conn.exec_driver_sql(compiled.string, [dict(zip(order, row)) for row in chunk])


def _converted(process, values) -> list:  # noqa: ANN001
    """``values`` through a bind processor, each distinct value converted once (dates, codes
    and timestamps repeat a lot)."""
    try:
        distinct = set(values)
    except TypeError:  # unhashable values: one by one
        return [process(value) for value in values]
    converted = {value: process(value) for value in distinct}
    return list(map(converted.__getitem__, values))


def _memoised(process):  # noqa: ANN001, ANN202
    """A bind processor that converts each distinct value once (dates, codes repeat a lot)."""
    memo: dict = {}

    def convert(value):  # noqa: ANN001, ANN202
        try:
            return memo[value]
        except KeyError:
            result = memo[value] = process(value)
            return result
        except TypeError:  # unhashable
            return process(value)

    return convert
