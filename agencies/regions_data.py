"""The Kemendagri regions shipped with the portal (agencies/data/idn-area-data, see its README).

Used by the migration that loads provinces and kabupaten/kota, and by `manage.py load_regions`
(which can add the kecamatan). Takes the Region model as an argument so that a migration can
pass its historical model.
"""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "idn-area-data"

# "Kabupaten Konawe Utara" -> kind kabupaten, name "Konawe Utara" (the kind is printed before
# the name, as Region.__str__ does).
_PREFIXES = (("Kabupaten ", "kabupaten"), ("Kota ", "kota"))


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _regency_kind_and_name(full_name: str) -> tuple[str, str]:
    for prefix, kind in _PREFIXES:
        if full_name.startswith(prefix):
            return kind, full_name[len(prefix) :]
    return "kabupaten", full_name


def load_regions(region_model, *, districts: bool = False, province: str = "") -> dict[str, int]:
    """Add the shipped regions that are missing and correct names and kinds by code; a region
    typed by hand with the same name in the same parent gains its code. Never deletes.

    Returns how many regions were added and updated.
    """
    by_code = {r.code: r for r in region_model.objects.exclude(code="")}
    counts = {"added": 0, "updated": 0}

    def upsert(code: str, kind: str, name: str, parent) -> None:
        region = by_code.get(code)
        if region is None:
            region = region_model.objects.filter(
                parent=parent, kind=kind, name__iexact=name, code=""
            ).first()
        if region is None:
            region = region_model.objects.create(code=code, kind=kind, name=name, parent=parent)
            counts["added"] += 1
        elif (region.code, region.kind, region.name, region.parent_id) != (
            code,
            kind,
            name,
            parent.pk if parent else None,
        ):
            region.code, region.kind, region.name, region.parent = code, kind, name, parent
            region.save()
            counts["updated"] += 1
        by_code[code] = region

    for row in _rows("provinces.csv"):
        if not province or row["code"] == province:
            upsert(row["code"], "provinsi", row["name"], None)
    for row in _rows("regencies.csv"):
        if not province or row["province_code"] == province:
            kind, name = _regency_kind_and_name(row["name"])
            upsert(row["code"], kind, name, by_code[row["province_code"]])
    if districts:
        for row in _rows("districts.csv"):
            if not province or row["code"].startswith(province + "."):
                upsert(row["code"], "kecamatan", row["name"], by_code[row["regency_code"]])
    return counts
