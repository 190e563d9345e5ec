"""The schema is written three times — ORM models, Alembic migrations, raw SQL — and they agree.

A learner's file is created by the migrations, written through the models (`writes.py`) and read
with plain SQL (`database.py`). If one of them drifts (a column added to a model but not to a
migration, a read naming a renamed column), the app breaks only on the learner's machine. Each
check here reports every disagreement by table and column.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import (
    Column,
    ForeignKeyConstraint,
    Index,
    MetaData,
    String,
    UniqueConstraint,
    create_engine,
)
from sqlalchemy.dialects import sqlite as sqlite_dialect

import cairn.store.database as database_module
import cairn.store.models as models_module
import cairn.store.writes as writes_module
from cairn.store import Database
from cairn.store.models import Base

IGNORED_TABLES = {"alembic_version"}
SQL_WORDS = {
    "select",
    "distinct",
    "from",
    "where",
    "order",
    "by",
    "and",
    "or",
    "not",
    "indexed",  # NOT INDEXED: a plain scan instead of an index
    "null",
    "is",
    "in",
    "asc",
    "desc",
    "limit",
    "offset",
    "group",
    "having",
    "as",
    "like",
    "count",
    "max",
    "min",
    "sum",
}


@dataclass(frozen=True)
class TableShape:
    """One table as SQLite would describe it: what must agree between the three sources."""

    columns: dict[str, tuple[str, bool]]  # name -> (declared type, NOT NULL)
    primary_key: tuple[str, ...]
    foreign_keys: frozenset[tuple[tuple[str, ...], str, tuple[str, ...], str]]
    indexes: frozenset[tuple[str, tuple[str, ...], bool]]  # (name, columns, unique)
    unique: frozenset[tuple[str, ...]]  # UNIQUE constraints, by their columns


Schema = dict[str, TableShape]


# --- reading a schema ---------------------------------------------------------------------------
def _declared(type_text: str) -> str:
    """A declared type in one spelling: 'varchar (64)' and 'VARCHAR(64)' are the same."""
    return re.sub(r"\s+", "", type_text).upper()


def _foreign_keys(conn: sqlite3.Connection, table: str) -> set[tuple[Any, ...]]:
    """PRAGMA foreign_key_list grouped by constraint: (columns, table, columns, ON DELETE)."""
    grouped: dict[int, list[tuple[Any, ...]]] = {}
    for fk_id, seq, target, source, dest, _upd, on_delete, _match in conn.execute(
        f"PRAGMA foreign_key_list('{table}')"
    ):
        grouped.setdefault(fk_id, []).append((seq, target, source, dest, on_delete))
    found = set()
    for parts in grouped.values():
        parts.sort()
        found.add(
            (
                tuple(p[2] for p in parts),
                parts[0][1],
                tuple(p[3] for p in parts),
                parts[0][4].upper(),
            )
        )
    return found


def _indexes(conn: sqlite3.Connection, table: str) -> tuple[set[Any], set[Any]]:
    """CREATE INDEX indexes as (name, columns, unique), and UNIQUE constraints by columns.
    The automatic index SQLite makes for a text primary key is the primary key, not an index."""
    indexes, unique = set(), set()
    for _seq, name, is_unique, origin, _partial in conn.execute(f"PRAGMA index_list('{table}')"):
        columns = tuple(row[2] for row in conn.execute(f"PRAGMA index_info('{name}')"))
        if origin == "c":
            indexes.add((name, columns, bool(is_unique)))
        elif origin == "u":
            unique.add(columns)
    return indexes, unique


def sqlite_schema(conn: sqlite3.Connection) -> Schema:
    """The real schema of a database file, read with PRAGMAs."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    schema: Schema = {}
    for table in sorted(set(tables) - IGNORED_TABLES):
        info = conn.execute(f"PRAGMA table_info('{table}')").fetchall()
        indexes, unique = _indexes(conn, table)
        schema[table] = TableShape(
            columns={
                name: (_declared(kind), bool(notnull))
                for _cid, name, kind, notnull, _default, _pk in info
            },
            primary_key=tuple(row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]),
            foreign_keys=frozenset(_foreign_keys(conn, table)),
            indexes=frozenset(indexes),
            unique=frozenset(unique),
        )
    return schema


def _model_column(column: Column[Any]) -> tuple[str, bool]:
    """A model column as SQLite will declare it (a primary key column is always NOT NULL)."""
    kind = column.type.compile(dialect=sqlite_dialect.dialect())
    return _declared(kind), not column.nullable or column.primary_key


def metadata_schema(metadata: MetaData) -> Schema:
    """The schema the ORM models describe, without touching a database."""
    schema: Schema = {}
    for table in metadata.sorted_tables:
        fks = {
            (
                tuple(c.name for c in fk.columns),
                fk.referred_table.name,
                tuple(e.column.name for e in fk.elements),
                (fk.ondelete or "NO ACTION").upper(),
            )
            for fk in table.constraints
            if isinstance(fk, ForeignKeyConstraint)
        }
        unique = {
            tuple(c.name for c in uc.columns)
            for uc in table.constraints
            if isinstance(uc, UniqueConstraint)
        }
        unique |= {(c.name,) for c in table.columns if c.unique}
        indexes = {
            (str(ix.name), tuple(c.name for c in ix.columns), bool(ix.unique))
            for ix in table.indexes
            if isinstance(ix, Index)
        }
        schema[table.name] = TableShape(
            columns={c.name: _model_column(c) for c in table.columns},
            primary_key=tuple(c.name for c in table.primary_key.columns),
            foreign_keys=frozenset(fks),
            indexes=frozenset(indexes),
            unique=frozenset(unique),
        )
    return schema


def differences(
    expected: Schema, actual: Schema, expected_name: str, actual_name: str
) -> list[str]:
    """Every disagreement, one line each, naming the table and column."""
    problems = [f"table {t}: only in {expected_name}" for t in sorted(expected.keys() - actual)]
    problems += [f"table {t}: only in {actual_name}" for t in sorted(actual.keys() - expected)]
    for table in sorted(expected.keys() & actual.keys()):
        want, got = expected[table], actual[table]
        for column in sorted(want.columns.keys() | got.columns.keys()):
            a, b = want.columns.get(column), got.columns.get(column)
            if a != b:
                problems.append(
                    f"{table}.{column}: {expected_name} has "
                    f"{_show(a)}, {actual_name} has {_show(b)}"
                )
        for field in ("primary_key", "foreign_keys", "indexes", "unique"):
            a, b = getattr(want, field), getattr(got, field)
            if a != b:
                problems.append(
                    f"{table} {field}: {expected_name} has {_sorted(a)}, "
                    f"{actual_name} has {_sorted(b)}"
                )
    return problems


def _show(column: tuple[str, bool] | None) -> str:
    if column is None:
        return "no such column"
    return f"{column[0]} {'NOT NULL' if column[1] else 'NULL'}"


def _sorted(value: Any) -> Any:
    return sorted(value) if isinstance(value, frozenset) else value


# --- fixtures -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def migrated_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new learner's file, created by running every migration to head (as Cairn does)."""
    folder = tmp_path_factory.mktemp("migrated")
    path = folder / "cairn.sqlite3"
    Database.open(path, folder / "backups").close()
    return path


@pytest.fixture
def migrated(migrated_path: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(migrated_path)) as conn:
        yield conn


# --- 1 and 2: migrations, models, and models created directly ----------------------------------
def test_migrations_build_the_schema_the_models_describe(migrated: sqlite3.Connection) -> None:
    problems = differences(
        metadata_schema(Base.metadata),
        sqlite_schema(migrated),
        "models.py",
        "the migrated database",
    )
    assert not problems, "models and migrations disagree:\n" + "\n".join(problems)


def test_models_alone_create_the_same_schema_as_the_migrations(
    migrated: sqlite3.Connection,
) -> None:
    engine = create_engine("sqlite://")
    try:
        Base.metadata.create_all(engine)
        raw = engine.raw_connection()
        try:
            created = sqlite_schema(raw.driver_connection)  # type: ignore[arg-type]
        finally:
            raw.close()
    finally:
        engine.dispose()
    problems = differences(
        created, sqlite_schema(migrated), "Base.metadata.create_all", "the migrated database"
    )
    assert not problems, "create_all and migrations disagree:\n" + "\n".join(problems)


def test_a_model_that_drifts_is_reported_by_table_and_column(migrated: sqlite3.Connection) -> None:
    """The comparison itself: a model changed without a migration is named precisely."""
    drifted = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(drifted)
    drifted.tables["note"].append_column(Column("colour", String(16), nullable=False))
    drifted.tables["item_state"].c.status.nullable = True
    drifted.tables["evidence"].c.url.type = String(2000)
    for constraint in drifted.tables["status_change"].foreign_key_constraints:
        constraint.ondelete = None
    problems = differences(
        metadata_schema(drifted), sqlite_schema(migrated), "models.py", "the migrated database"
    )
    assert problems == [
        "evidence.url: models.py has VARCHAR(2000) NOT NULL, "
        "the migrated database has TEXT NOT NULL",
        "item_state.status: models.py has VARCHAR(16) NULL, "
        "the migrated database has VARCHAR(16) NOT NULL",
        "note.colour: models.py has VARCHAR(16) NOT NULL, the migrated database has no such column",
        "status_change foreign_keys: models.py has "
        "[(('content_id',), 'item_state', ('content_id',), 'NO ACTION')], the migrated database "
        "has [(('content_id',), 'item_state', ('content_id',), 'CASCADE')]",
    ]


# --- 4: what `alembic check` would say ----------------------------------------------------------
def test_autogenerate_finds_nothing_to_migrate(migrated_path: Path) -> None:
    """Alembic's own comparison, with types and server defaults compared.

    Nothing is filtered out. On SQLite Alembic cannot see CHECK constraints or the AUTOINCREMENT
    keyword (neither is used by the models), so those are left to the PRAGMA comparison above,
    which also covers ON DELETE of foreign keys."""
    engine = create_engine(f"sqlite:///{migrated_path}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == [], "a migration is missing for:\n" + "\n".join(map(repr, diff))


# --- 3: the plain SQL reads in database.py ------------------------------------------------------
def _string_value(node: ast.expr, names: dict[str, str]) -> str | None:
    """The text of a string built from constants, `+` and local names bound to constants."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string_value(node.left, names), _string_value(node.right, names)
        return None if left is None or right is None else left + right
    return None


def read_statements() -> list[tuple[str, str]]:
    """(method, SQL) for every `self._rows(...)` call in database.py; unresolvable SQL fails."""
    tree = ast.parse(Path(database_module.__file__).read_text(encoding="utf-8"))
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        names = {
            target.id: node.value.value
            for node in ast.walk(function)
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for call in ast.walk(function):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "_rows"
                and call.args
            ):
                sql = _string_value(call.args[0], names)
                assert sql is not None, (
                    f"database.py {function.name}() passes SQL this test "
                    f"cannot read (line {call.lineno})"
                )
                found.append((function.name, sql))
    return found


def named_in(sql: str) -> tuple[str, set[str]]:
    """The one table a single-table SELECT reads, and every column it names."""
    text = re.sub(r"'[^']*'", "", sql)
    assert not re.search(r"\bjoin\b|\(\s*select\b", text, re.I), f"not a single-table read: {sql}"
    table = re.search(r"\bfrom\s+(\w+)", text, re.I)
    assert table is not None, f"no FROM in {sql}"
    words = {w.lower() for w in re.findall(r"\b[A-Za-z_]\w*\b", text)}
    return table.group(1), words - SQL_WORDS - {table.group(1).lower()}


def test_every_read_names_tables_and_columns_the_migrations_create(
    migrated: sqlite3.Connection,
) -> None:
    schema = sqlite_schema(migrated)
    statements = [(m, sql) for m, sql in read_statements() if sql.lstrip()[:6].upper() == "SELECT"]
    # a floor, so that a parser that silently finds nothing cannot pass (13 reads when written)
    assert len(statements) >= 10, f"found only {len(statements)} reads in database.py"
    problems = []
    for method, sql in statements:
        table, columns = named_in(sql)
        if table not in schema:
            problems.append(f"{method}(): table {table} does not exist")
            continue
        problems += [
            f"{method}(): column {table}.{c} does not exist"
            for c in sorted(columns - schema[table].columns.keys())
        ]
        try:  # SQLite itself must be able to prepare the statement
            migrated.execute(f"EXPLAIN {sql}", ("x",) * sql.count("?"))
        except sqlite3.Error as error:
            problems.append(f"{method}(): SQLite refuses {sql!r}: {error}")
    assert not problems, "database.py reads what is not there:\n" + "\n".join(problems)


# --- the ORM writes in writes.py ----------------------------------------------------------------
def written_columns() -> list[tuple[int, str, set[str]]]:
    """(line, model, column names) for every model built or bulk-written in writes.py: keyword
    arguments to `Model(...)`, and the dict keys and conflict key of `add`/`upsert(Model, ...)`."""
    tree = ast.parse(Path(writes_module.__file__).read_text(encoding="utf-8"))
    models = {mapper.class_.__name__ for mapper in Base.registry.mappers}
    found = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
            continue
        if call.func.id in models:
            found.append((call.lineno, call.func.id, {k.arg for k in call.keywords if k.arg}))
        elif call.func.id in {"add", "upsert"} and call.args and isinstance(call.args[0], ast.Name):
            keys = {
                k.value
                for node in ast.walk(call)
                if isinstance(node, ast.Dict)
                for k in node.keys
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            }
            keys |= {
                a.value
                for a in call.args[1:]
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            }
            found.append((call.lineno, call.args[0].id, keys))
    return sorted(found, key=lambda write: write[0])


def test_every_write_names_columns_the_migrations_create(migrated: sqlite3.Connection) -> None:
    schema = sqlite_schema(migrated)
    writes = written_columns()
    assert len(writes) >= 10, f"found only {len(writes)} writes in writes.py"
    problems = []
    for line, model, columns in writes:
        table = getattr(models_module, model).__tablename__
        if table not in schema:
            problems.append(f"writes.py line {line}: {model} writes table {table}, not created")
            continue
        problems += [
            f"writes.py line {line}: {model} writes column {table}.{c}, not created"
            for c in sorted(columns - schema[table].columns.keys())
        ]
    assert not problems, "writes.py writes what is not there:\n" + "\n".join(problems)
