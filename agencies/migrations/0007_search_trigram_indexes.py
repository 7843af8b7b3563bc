"""Trigram indexes for the institution search (PostgreSQL only).

The search is `icontains` on name, short name and head's position for every typed word,
which Django writes as UPPER(column::text) LIKE UPPER('%word%'): a B-tree index cannot serve
that, a trigram GIN index of the same expression can (pg_trgm, a trusted extension that the
database's owner may create). Without the right to create it, the search still works, by
reading every row, and the migration says so.
"""

from django.db import migrations, transaction

COLUMNS = ("name", "short_name", "head_title")


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as error:  # no right to create it: the search reads every row
        print(f"\n  pg_trgm is not available ({error}); institution search stays unindexed")
        return
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS agency_{column}_trgm ON agencies_agency "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS agency_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("agencies", "0006_kind_order_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
