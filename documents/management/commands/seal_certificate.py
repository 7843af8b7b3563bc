"""Make a self-signed document-sealing certificate (PKCS#12) when the file does not exist."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from documents.seal import create_certificate


class Command(BaseCommand):
    help = (
        "Create a self-signed sealing certificate at --path (default: DOCUMENT_SEAL_P12) "
        "unless it exists. For the demo and testing; production uses its own certificate."
    )

    # It makes the file that the documents.E001 check asks for.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--path", default="")
        parser.add_argument("--days", type=int, default=3650)
        parser.add_argument("--name", default="Segel Dokumen Portal Rakor (demo)")

    def handle(self, *args, path, days, name, **options):
        target = Path(path or settings.DOCUMENT_SEAL_P12)
        if not str(target) or str(target) == ".":
            raise CommandError("Name the file with --path or DOCUMENT_SEAL_P12.")
        if target.exists():
            return
        create_certificate(
            target, passphrase=settings.DOCUMENT_SEAL_PASSPHRASE, common_name=name, days=days
        )
        self.stdout.write(f"Sealing certificate created: {target}")
