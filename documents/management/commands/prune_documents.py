"""Keep the rendered-document cache under DOCUMENT_CACHE_MAX_MB (task workers do it too)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from documents import pdf


class Command(BaseCommand):
    help = "Delete the oldest rendered PDFs until the document cache is under its size cap."

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-mb",
            type=int,
            default=settings.DOCUMENT_CACHE_MAX_MB,
            help="size cap in MB (default DOCUMENT_CACHE_MAX_MB)",
        )

    def handle(self, *args, max_mb, **options):
        removed, freed = pdf.prune(max_mb * 1024 * 1024)
        self.stdout.write(f"Removed {removed} rendered documents ({freed // 1024} KB).")
