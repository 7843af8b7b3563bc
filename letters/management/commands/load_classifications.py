"""Load an office's copy of the classification table (Permendagri 83/2022): `code;title`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from letters.services import classification_rows, classifications_load


class Command(BaseCommand):
    help = (
        "Load classification codes from a UTF-8 file of `code;title` lines (a header line is "
        "skipped). Missing codes are added, existing ones get the file's title; none is deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        rows = classification_rows(text)
        if not rows:
            raise CommandError(f"{path} holds no `code;title` lines.")
        try:
            added, updated = classifications_load(rows=rows)
        except Exception as error:  # a ValidationError names the bad code
            raise CommandError(f"Not loaded (nothing changed): {error}") from None
        self.stdout.write(f"{added} codes added, {updated} titles updated.")
