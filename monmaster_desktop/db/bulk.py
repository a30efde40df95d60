"""Bulk writes: many rows in the session's transaction, as fast as the engine can."""

from __future__ import annotations

from operator import itemgetter

from sqlalchemy.orm import Session


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
    """:func:`bulk_insert` for rows already as tuples in the order of ``keys``.

    The rows are turned into columns once; only the columns whose type converts values
    (dates, enums, booleans...) are converted, each distinct value once; the columns are put
    in the statement's order and zipped back into rows.
    """
    if not rows:
        return
    from sqlalchemy import insert

    keys = list(keys)
    conn = session.connection()
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    order = list(compiled.positiontup) if compiled.positiontup else keys
    processors = {
        key: process
        for key in keys
        if (process := table.c[key].type._cached_bind_processor(dialect)) is not None
    }
    if processors or order != keys:
        columns = dict(zip(keys, zip(*rows)))
        for key, process in processors.items():
            columns[key] = _converted(process, columns[key])
        rows = list(zip(*(columns[key] for key in order)))
    if dialect.name == "postgresql":
        from monmaster_desktop.db.postgresql import COPY_FROM_ROWS, copy_rows

        if len(rows) >= COPY_FROM_ROWS:
            copy_rows(conn, table, order, rows)
        else:  # a few rows (one save): a plain INSERT costs fewer round trips than COPY
            conn.exec_driver_sql(compiled.string, [dict(zip(order, row)) for row in rows])
        return
    conn.exec_driver_sql(compiled.string, rows)


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
