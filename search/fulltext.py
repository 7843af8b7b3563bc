"""Full-text matching on PostgreSQL (`simple` configuration over unaccented text, prefix
matches, GIN indexes of the same expressions: migration search.0001), `icontains` elsewhere.

`simple` does no stemming: Indonesian words are matched as written, each typed word as the
beginning of a word ("logist" finds "logistik"); unaccent makes "Kapolrés" find "Kapolres".
"""

import re
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

MAX_WORDS = 8
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Target:
    table: str
    columns: tuple[str, ...]

    @property
    def document(self) -> str:
        """The indexed expression (the index and the query must write it identically)."""
        text = " || ' ' || ".join(f'coalesce("{self.table}"."{c}", \'\')' for c in self.columns)
        return f"to_tsvector('simple'::regconfig, portal_unaccent({text}))"


TARGETS = {
    "meeting": Target("meetings_meeting", ("title", "venue", "reference_number")),
    "agency": Target("agencies_agency", ("name", "short_name")),
    "official": Target("agencies_official", ("name", "position")),
    "agenda_item": Target("meetings_agendaitem", ("title", "description")),
    "briefing": Target("briefings_briefing", ("topic", "summary")),
    "follow_up": Target("meetings_followup", ("text", "progress_note")),
}


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.replace("_", " "))][:MAX_WORDS]


@cache
def available() -> bool:
    """Whether the database has the unaccent wrapper (PostgreSQL with the extension)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_proc WHERE proname = 'portal_unaccent'")
        return cursor.fetchone() is not None


def matching(queryset: QuerySet, kind: str, text: str) -> QuerySet:
    """The rows of `queryset` (of TARGETS[kind]'s table) in which every word is found."""
    target = TARGETS[kind]
    typed = words(text)
    if not typed:
        return queryset.none()
    if available():
        query = " & ".join(f"{word}:*" for word in typed)
        return queryset.filter(
            RawSQL(
                f"{target.document} @@ to_tsquery('simple'::regconfig, portal_unaccent(%s))",
                [query],
                output_field=BooleanField(),
            )
        )
    for word in typed:
        condition = Q()
        for column in target.columns:
            condition |= Q(**{f"{column}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset
