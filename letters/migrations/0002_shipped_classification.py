"""The classification codes shipped with the portal (letters/data/klasifikasi.csv)."""

from pathlib import Path

from django.db import migrations

TABLE = Path(__file__).resolve().parent.parent / "data" / "klasifikasi.csv"


def sort_key(code):
    return ".".join(part.zfill(3) for part in code.split("."))


def load(apps, schema_editor):
    Classification = apps.get_model("letters", "Classification")
    for line in TABLE.read_text(encoding="utf-8").splitlines()[1:]:
        code, title = line.split(";", 1)
        Classification.objects.get_or_create(
            code=code, defaults={"title": title, "sort_key": sort_key(code)}
        )


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
