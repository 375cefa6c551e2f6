"""Chinese full-text search over tickets, on each engine's best footing.

The unit of the index is the character bigram (see ``bigrams``):
- SQLite: a contentless FTS5 table over bigram tokens; a term is a phrase of
  consecutive bigrams, so hits are exact and the index alone answers.
- PostgreSQL: a side table with a GIN-indexed ``tsvector`` of distinct bigrams,
  no positions (small and quick to build); a term longer than one token is the AND
  of its bigrams, then the candidate rows are checked with ``LIKE`` on the text.
- MySQL/MariaDB: ``LIKE`` over the text, without an index (small installations).

Ticket ids grow with creation time, so "newest first" is "highest id first".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import peewee

from .bigrams import SearchTerm, index_text, parse_query
from .models import Ticket

SEARCHED_FIELDS = ("number", "caller_name", "employer_name", "description")
# How many of the newest tickets PostgreSQL searches first, before searching them all.
_WINDOWS = (5_000, 50_000)


def document(number: str, caller_name: str, employer_name: str, description: str) -> str:
    return index_text(number, caller_name, employer_name, description)


class SearchIndex:
    """The engine-independent face of the ticket search index."""

    # Ordinary tables holding the index, whose indexes a bulk load may defer.
    tables: tuple[str, ...] = ()
    # How many of the newest tickets a page of matches is looked for among first, before
    # all of them (see PostgresSearchIndex); empty where the index needs no such help.
    newest_windows: tuple[int, ...] = ()

    def __init__(self, db: peewee.Database):
        self.db = db

    def create(self) -> None:
        raise NotImplementedError

    def add_many(self, rows: Iterable[tuple[int, str]]) -> None:
        """Index (ticket id, document) pairs of tickets not indexed yet."""
        raise NotImplementedError

    def matching_ids(self, query: str, limit: int = 50) -> list[int]:
        """Ids of the newest tickets matching every term of ``query``."""
        raise NotImplementedError

    def count(self, query: str, cap: int = 10_000) -> int:
        """How many tickets match, stopping at ``cap`` + 1 so a view can say "10,000+"."""
        raise NotImplementedError

    def condition(self, query: str) -> peewee.Expression:
        """A WHERE condition on Ticket for queries that combine search with filters."""
        raise NotImplementedError

    def narrow(
        self, select: peewee.ModelSelect, query: str, newer_than: int | None = None
    ) -> tuple[peewee.ModelSelect, object]:
        """``select`` limited to the tickets matching ``query`` (and with an id above
        ``newer_than``), and the expression that orders them newest first at the least
        cost: a list of matches sorted by it can stop at its first page."""
        select = select.where(self.condition(query))
        if newer_than is not None:
            select = select.where(Ticket.id > newer_than)
        return select, Ticket.id


# The FTS5 table under an alias; MATCH names its hidden column of the table's own name.
_FTS = peewee.Table("ticket_fts", ("rowid",)).alias("fts")
_FTS_MATCH = '"fts"."ticket_fts" MATCH ?'


class SqliteSearchIndex(SearchIndex):
    def create(self) -> None:
        self.db.execute_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS ticket_fts USING fts5("
            "body, content='', columnsize=0, tokenize='unicode61')"
        )

    def add_many(self, rows):
        cursor = self.db.cursor()
        cursor.executemany("INSERT INTO ticket_fts(rowid, body) VALUES (?, ?)", rows)

    @staticmethod
    def match_expression(terms: Sequence[SearchTerm]) -> str:
        phrases = []
        for term in terms:
            phrase = '"' + " ".join(term.tokens) + '"'
            phrases.append(phrase + " *" if term.prefix else phrase)
        return " AND ".join(phrases)

    def matching_ids(self, query, limit=50):
        terms = parse_query(query)
        if not terms:
            return []
        rows = self.db.execute_sql(
            "SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            (self.match_expression(terms), limit),
        )
        return [row[0] for row in rows]

    def count(self, query, cap=10_000):
        terms = parse_query(query)
        if not terms:
            return 0
        return self.db.execute_sql(
            "SELECT count(*) FROM (SELECT 1 FROM ticket_fts WHERE ticket_fts MATCH ? LIMIT ?)",
            (self.match_expression(terms), cap + 1),
        ).fetchone()[0]

    def condition(self, query):
        terms = parse_query(query)
        if not terms:
            return Ticket.id.is_null(False)
        return Ticket.id.in_(
            peewee.SQL(
                "(SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?)",
                (self.match_expression(terms),),
            )
        )

    def narrow(self, select, query, newer_than=None):
        # Joined, not "id IN (…)": FTS5 then walks its matches newest first and the
        # page stops after its rows (0.7 ms against 150 ms for 50,000 matches).
        terms = parse_query(query)
        if not terms:
            return select, Ticket.id
        matching = peewee.SQL(_FTS_MATCH, (self.match_expression(terms),))
        if newer_than is not None:
            matching &= _FTS.rowid > newer_than
        return select.join(_FTS, on=(_FTS.rowid == Ticket.id)).where(matching), _FTS.rowid


# The side table under an alias, and the alias peewee gives the queried model itself.
_SEARCH = peewee.Table("ticket_search", ("ticket_id", "vector")).alias("s")
_PEEWEE_TICKET = '"t1"'


class PostgresSearchIndex(SearchIndex):
    tables = ("ticket_search",)
    newest_windows = _WINDOWS

    def create(self) -> None:
        self.db.execute_sql(
            "CREATE TABLE IF NOT EXISTS ticket_search ("
            "ticket_id integer PRIMARY KEY REFERENCES ticket(id), "
            "vector tsvector NOT NULL)"
        )
        self.db.execute_sql(
            "CREATE INDEX IF NOT EXISTS ticket_search_vector ON ticket_search USING gin (vector)"
        )

    @staticmethod
    def vector(document: str) -> str:
        # Tokens are CJK characters, digits and lower-case Latin letters only, so the
        # tsvector literal needs no quoting.
        return " ".join(sorted(set(document.split())))

    def add_many(self, rows):
        with self.db.cursor().copy("COPY ticket_search (ticket_id, vector) FROM STDIN") as copy:
            for ticket_id, doc in rows:
                copy.write_row((ticket_id, self.vector(doc)))

    @staticmethod
    def tsquery(terms: Sequence[SearchTerm]) -> str:
        lexemes = []
        for term in terms:
            for position, token in enumerate(term.tokens):
                last = position == len(term.tokens) - 1
                lexemes.append(f"'{token}':*" if last and term.prefix else f"'{token}'")
        return " & ".join(lexemes)

    def _where(self, terms: Sequence[SearchTerm], ticket: str = "t") -> tuple[str, list]:
        sql = "s.vector @@ %s::tsquery"
        params: list = [self.tsquery(terms)]
        # Without positions, bigrams found apart could fake a longer term: check the text.
        for term in terms:
            if term.exact:
                continue
            pattern = term.like_pattern
            # ILIKE only where it matters: it costs twice LIKE and Chinese has no case.
            operator = "ILIKE" if any(c.isascii() and c.isalpha() for c in pattern) else "LIKE"
            checks = (f"{ticket}.{f} {operator} %s" for f in SEARCHED_FIELDS)
            sql += " AND (" + " OR ".join(checks) + ")"
            params.extend([pattern] * len(SEARCHED_FIELDS))
        return sql, params

    def _needs_text(self, terms: Sequence[SearchTerm]) -> bool:
        return any(not term.exact for term in terms)

    def matching_ids(self, query, limit=50):
        terms = parse_query(query)
        if not terms:
            return []
        where, params = self._where(terms)
        join = " JOIN ticket t ON t.id = s.ticket_id" if self._needs_text(terms) else ""
        sql = f"SELECT s.ticket_id FROM ticket_search s{join} WHERE {where}"
        if len([token for term in terms for token in term.tokens]) == 1:
            # One bigram: PostgreSQL estimates its frequency well and plans well.
            return self._newest(sql, params, limit)
        # Several bigrams: PostgreSQL takes them for independent, judges their AND rare,
        # and plans a bitmap over every match (53,838 of a million for 工伤认定: 360 ms
        # warm, 1.3 s cold). Asking first among the newest tickets keeps each try small;
        # the last try is unbounded, and fast because a term that gets there is rare.
        newest = self.db.execute_sql("SELECT max(ticket_id) FROM ticket_search").fetchone()[0]
        for window in (*_WINDOWS, None):
            if window is None or newest is None or newest <= window:
                return self._newest(sql, params, limit)
            found = self._newest(f"{sql} AND s.ticket_id > %s", [*params, newest - window], limit)
            if len(found) == limit:
                return found
        raise AssertionError("unreachable: the last window is unbounded")

    def _newest(self, sql: str, params: list, limit: int) -> list[int]:
        rows = self.db.execute_sql(f"{sql} ORDER BY s.ticket_id DESC LIMIT %s", (*params, limit))
        return [row[0] for row in rows]

    def count(self, query, cap=10_000):
        terms = parse_query(query)
        if not terms:
            return 0
        where, params = self._where(terms)
        join = " JOIN ticket t ON t.id = s.ticket_id" if self._needs_text(terms) else ""
        return self.db.execute_sql(
            f"SELECT count(*) FROM (SELECT 1 FROM ticket_search s{join} WHERE {where} LIMIT %s) c",
            (*params, cap + 1),
        ).fetchone()[0]

    def condition(self, query):
        terms = parse_query(query)
        if not terms:
            return Ticket.id.is_null(False)
        where, params = self._where(terms)
        return Ticket.id.in_(
            peewee.SQL(
                "(SELECT s.ticket_id FROM ticket_search s JOIN ticket t ON t.id = s.ticket_id "
                f"WHERE {where})",
                params,
            )
        )

    def narrow(self, select, query, newer_than=None):
        # Joined to the queried tickets, not "id IN (…)" over a second copy of them; the
        # window goes on both sides, as PostgreSQL carries only equalities across a join.
        terms = parse_query(query)
        if not terms:
            return select, Ticket.id
        where, params = self._where(terms, ticket=_PEEWEE_TICKET)
        matching = peewee.SQL(where, params)
        if newer_than is not None:
            matching &= (_SEARCH.ticket_id > newer_than) & (Ticket.id > newer_than)
        return select.join(_SEARCH, on=(_SEARCH.ticket_id == Ticket.id)).where(matching), Ticket.id


class LikeSearchIndex(SearchIndex):
    """No index: scans the text. Good enough for the few thousand tickets of a small office."""

    def create(self) -> None:
        pass

    def add_many(self, rows):
        pass

    def condition(self, query):
        expression = Ticket.id.is_null(False)
        for term in parse_query(query):
            matches = [getattr(Ticket, name).contains(term.text) for name in SEARCHED_FIELDS]
            expression &= peewee.reduce(lambda a, b: a | b, matches)
        return expression

    def matching_ids(self, query, limit=50):
        if not parse_query(query):
            return []
        rows = Ticket.select(Ticket.id).where(self.condition(query))
        return [row.id for row in rows.order_by(Ticket.id.desc()).limit(limit)]

    def count(self, query, cap=10_000):
        if not parse_query(query):
            return 0
        inner = Ticket.select(Ticket.id).where(self.condition(query)).limit(cap + 1)
        return inner.count()


def search_index_for(db: peewee.Database) -> SearchIndex:
    if isinstance(db, peewee.SqliteDatabase):
        return SqliteSearchIndex(db)
    if isinstance(db, peewee.PostgresqlDatabase):
        return PostgresSearchIndex(db)
    return LikeSearchIndex(db)
