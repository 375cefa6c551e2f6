"""Reusable SQL for the statements every call and every ticket step runs.

peewee builds a query's SQL anew each time it runs it; for the 46 columns of a
ticket that is most of a millisecond of Python, many times what SQLite needs
to run the statement. The intake and the workflow steps run a handful of
statements per user action, so these are built once per model and kept.
"""

from __future__ import annotations

from collections.abc import Callable

import peewee

from .models import BaseModel

# Every driver returns these fields' columns as the Python type the model uses already.
# Exact types: a subclass may convert (money kept in fen is a BigIntegerField).
_NATIVE = (
    peewee.AutoField,
    peewee.CharField,
    peewee.TextField,
    peewee.IntegerField,
    peewee.BigIntegerField,
    peewee.ForeignKeyField,
)


class Statements:
    def __init__(self, db: peewee.Database):
        self.db = db
        self.mark = db.param
        self._quote = "`" if isinstance(db, peewee.MySQLDatabase) else '"'
        self._returning = isinstance(db, peewee.PostgresqlDatabase)
        self._locks = not isinstance(db, peewee.SqliteDatabase)
        self._cache: dict[tuple, str] = {}
        self._converters: dict[type[BaseModel], list] = {}
        self._inserts: dict[type[BaseModel], tuple] = {}

    def _name(self, name: str) -> str:
        return f"{self._quote}{name}{self._quote}"

    def _columns(self, model: type[BaseModel]) -> str:
        return ", ".join(self._name(f.column_name) for f in model._meta.sorted_fields)

    def _sql(self, key: tuple, build: Callable[[], str]) -> str:
        sql = self._cache.get(key)
        if sql is None:
            sql = self._cache[key] = build()
        return sql

    def run(self, name: str, build: Callable[[str, bool], str], params=()):
        """A statement of the caller's own, written once: ``build(mark, locks)`` gets the
        engine's parameter mark and whether it takes row locks (not SQLite)."""
        sql = self._sql(("run", name), lambda: build(self.mark, self._locks))
        return self.db.execute_sql(sql, params)

    def get(self, model: type[BaseModel], row_id: int, *, lock: bool = False):
        """The row with this id as a model instance, locked for the transaction if asked."""

        def build() -> str:
            table = self._name(model._meta.table_name)
            sql = f"SELECT {self._columns(model)} FROM {table} WHERE id = {self.mark}"
            # SQLite has no row locks: its write transaction already holds the database.
            return sql + " FOR UPDATE" if lock and self._locks else sql

        sql = self._sql(("get", model, lock), build)
        row = self.db.execute_sql(sql, (row_id,)).fetchone()
        return self._instance(model, row) if row else None

    def where_equal(self, model: type[BaseModel], column: str, value) -> list:
        """Every row whose ``column`` equals ``value``, in id order."""
        sql = self._sql(
            ("where", model, column),
            lambda: (
                f"SELECT {self._columns(model)} FROM {self._name(model._meta.table_name)} "
                f"WHERE {self._name(column)} = {self.mark} ORDER BY id"
            ),
        )
        return [self._instance(model, row) for row in self.db.execute_sql(sql, (value,))]

    def _instance(self, model: type[BaseModel], row: tuple):
        # What peewee's cursor wrapper does, without resolving the columns on every query.
        converters = self._converters.get(model)
        if converters is None:
            converters = self._converters[model] = [
                (field.name, None if type(field) in _NATIVE else field.python_value)
                for field in model._meta.sorted_fields
            ]
        instance = model(__no_default__=True)
        instance.__data__ = {
            name: value if convert is None or value is None else convert(value)
            for (name, convert), value in zip(converters, row, strict=True)
        }
        return instance

    def insert(self, model: type[BaseModel], **values):
        """Insert a row, filling the model's defaults; returns the instance with its id.

        Values are given by field name, foreign keys as ids."""
        plan = self._inserts.get(model)
        if plan is None:
            fields = [f for f in model._meta.sorted_fields if not isinstance(f, peewee.AutoField)]
            table = self._name(model._meta.table_name)
            names = ", ".join(self._name(f.column_name) for f in fields)
            marks = ", ".join([self.mark] * len(fields))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
            auto_id = isinstance(model._meta.primary_key, peewee.AutoField)
            if auto_id and self._returning:
                sql += " RETURNING id"
            plan = self._inserts[model] = (sql, [(f.name, f.db_value) for f in fields], auto_id)
        sql, columns, auto_id = plan
        instance = model(__no_default__=True)
        instance.__data__ = data = {**model._meta.get_default_dict(), **values}
        cursor = self.db.execute_sql(sql, [to_db(data.get(name)) for name, to_db in columns])
        if auto_id:
            data["id"] = cursor.fetchone()[0] if self._returning else cursor.lastrowid
        return instance

    def update_changed(self, instance, before: dict, *, where_version: int | None = None) -> int:
        """Write the columns that differ from ``before`` (a copy of ``__data__``).

        With ``where_version`` the row is written only if its version is still that
        one; the number of rows written tells whether somebody else got there first.
        """
        model = type(instance)
        fields = model._meta.fields
        changed = [
            name
            for name, value in instance.__data__.items()
            if name != "id" and before.get(name) != value
        ]
        if not changed:
            return 1
        assignments = ", ".join(
            f"{self._name(fields[n].column_name)} = {self.mark}" for n in changed
        )
        params = [fields[name].db_value(instance.__data__[name]) for name in changed]
        sql = (
            f"UPDATE {self._name(model._meta.table_name)} SET {assignments} WHERE id = {self.mark}"
        )
        params.append(instance.id)
        if where_version is not None:
            sql += f" AND version = {self.mark}"
            params.append(where_version)
        return self.db.execute_sql(sql, params).rowcount

    def first_id(self, model: type[BaseModel], column: str, value) -> int | None:
        sql = self._sql(
            ("id", model, column),
            lambda: (
                f"SELECT id FROM {self._name(model._meta.table_name)} "
                f"WHERE {self._name(column)} = {self.mark}"
            ),
        )
        row = self.db.execute_sql(sql, (value,)).fetchone()
        return row[0] if row else None

    def increment(self, model: type[BaseModel], column: str, key_column: str, key) -> int | None:
        """Add one to ``column`` of the row whose ``key_column`` is ``key``; the new value,
        or None when there is no such row. The row stays locked until the transaction ends."""
        table, counter = self._name(model._meta.table_name), self._name(column)
        where = f"WHERE {self._name(key_column)} = {self.mark}"
        bump = self._sql(
            ("increment", model, column, key_column),
            lambda: f"UPDATE {table} SET {counter} = {counter} + 1 {where}",
        )
        if not self.db.execute_sql(bump, (key,)).rowcount:
            return None
        read = self._sql(
            ("read", model, column, key_column), lambda: f"SELECT {counter} FROM {table} {where}"
        )
        return self.db.execute_sql(read, (key,)).fetchone()[0]
