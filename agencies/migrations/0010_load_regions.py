"""The provinces and kabupaten/kota of Indonesia with their Kemendagri codes
(agencies/data/idn-area-data/README.md)."""

from django.db import migrations

from agencies.regions_data import load_regions


def forwards(apps, schema_editor):
    load_regions(apps.get_model("agencies", "Region"))


class Migration(migrations.Migration):
    dependencies = [("agencies", "0009_kinds_levels_owners")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
