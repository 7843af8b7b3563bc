"""Full-text indexes for the search (PostgreSQL only): the unaccent extension (trusted, so the
database's owner may create it), an IMMUTABLE wrapper that index expressions may use, and one
GIN index per searched table over the same expression the search writes (search.fulltext).
Without the right to create the extension the search falls back to `icontains`, and says so.
"""

from django.db import migrations, transaction

from search.fulltext import TARGETS

WRAPPER = """
CREATE OR REPLACE FUNCTION portal_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
"""


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
    except Exception as error:  # no right to create it: the search uses icontains
        print(f"\n  unaccent is not available ({error}); the search stays unindexed")
        return
    schema_editor.execute(WRAPPER)
    for kind, target in TARGETS.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS search_{kind}_fts ON \"{target.table}\" "
            f"USING gin (({target.document}))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for kind in TARGETS:
        schema_editor.execute(f"DROP INDEX IF EXISTS search_{kind}_fts")
    schema_editor.execute("DROP FUNCTION IF EXISTS portal_unaccent(text)")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0016_follow_up_register_indexes"),
        ("agencies", "0012_letter_numbers"),
        ("briefings", "0008_briefingattachment_historicalbriefingattachment"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
