"""Load the Kemendagri regions shipped with the portal (agencies/data/idn-area-data)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from agencies.models import Region
from agencies.regions_data import load_regions


class Command(BaseCommand):
    help = (
        "Add the provinces and kabupaten/kota of Indonesia (and with --districts the kecamatan) "
        "with their Kemendagri codes; names are corrected by code, nothing is deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--districts", action="store_true", help="Also load the kecamatan.")
        parser.add_argument(
            "--province", default="", help="Only this province, by its code (for example 74)."
        )

    def handle(self, *args, districts: bool = False, province: str = "", **options):
        with transaction.atomic():
            counts = load_regions(Region, districts=districts, province=province.strip())
        self.stdout.write(f"Regions: {counts['added']} added, {counts['updated']} updated.")
