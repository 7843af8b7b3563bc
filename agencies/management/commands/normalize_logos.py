"""Scale down and re-encode logos stored before uploads were normalized (agencies/logos.py)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from agencies import services
from agencies.logos import needs_normalizing, normalize_logo
from agencies.models import Agency


class Command(BaseCommand):
    help = "Scale every stored institution logo to at most 600 px and re-encode it as PNG."

    def handle(self, *args, **options):
        changed = skipped = 0
        for agency in Agency.objects.exclude(logo="").order_by("pk"):
            try:
                with agency.logo.open("rb") as stored:
                    if not needs_normalizing(stored):
                        continue
                    smaller = normalize_logo(stored)
            except (OSError, ValueError) as error:
                self.stderr.write(f"{agency}: logo not readable ({error}); left as it is")
                skipped += 1
                continue
            try:
                services.agency_update(agency=agency, logo=smaller)
            except ValidationError as error:
                self.stderr.write(f"{agency}: {'; '.join(error.messages)}; left as it is")
                skipped += 1
                continue
            changed += 1
        self.stdout.write(f"Logos normalized: {changed}; left as they were: {skipped}.")
