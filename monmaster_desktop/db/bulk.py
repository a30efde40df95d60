"""Bulk writes: many rows in the session's transaction, as fast as the engine can."""

from __future__ import annotations

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
    bulk_insert_rows(session, table, keys, [tuple(row[k] for k in keys) for row in rows])


def bulk_insert_rows(session: Session, table, keys: list[str], rows: list[tuple]) -> None:  # noqa: ANN001
    """:func:`bulk_insert` for rows already as tuples in the order of ``keys``."""
    if not rows:
        return
    conn = session.connection()
    processors = {c.key: c.type._cached_bind_processor(conn.dialect) for c in table.columns}
    columns = []
    for index, key in enumerate(keys):
        values = [row[index] for row in rows]
        process = processors.get(key)
        if process is not None:
            values = list(map(_memoised(process), values))
        columns.append(values)
    converted = list(zip(*columns))
    from sqlalchemy import insert

    compiled = insert(table).compile(dialect=conn.dialect, column_keys=keys)
    if conn.dialect.name == "postgresql":
        from monmaster_desktop.db.postgresql import COPY_FROM_ROWS, copy_rows

        if len(converted) >= COPY_FROM_ROWS:
            copy_rows(conn, table, keys, converted)
        else:  # a few rows (one save): a plain INSERT costs fewer round trips than COPY
            conn.exec_driver_sql(compiled.string, [dict(zip(keys, row)) for row in converted])
        return
    order = [keys.index(k) for k in compiled.positiontup]
    conn.exec_driver_sql(compiled.string, [tuple(row[i] for i in order) for row in converted])


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
