"""Institution kinds for the whole state, a level, and the organizer that registered each.

"forkopimda" was a forum, not a kind: its members become TNI, Polri or DPRD by name, anything
else (Kejaksaan, Pengadilan) a vertical agency. A "pemda" named as a province becomes a
provincial government. Levels follow the region (or the kind for kecamatan and desa). When the
database holds the meetings of one organizer only (every deployment so far), that organizer
registered every institution and region typed by hand, so its staff keep editing them.
"""

import re

from django.db import migrations

TNI = re.compile(r"\b(tni|kodim|korem|kodam|koramil|lanal|lanud|lantamal|yonif|angkatan)\b", re.I)
POLRI = re.compile(r"\b(polri|polres|polresta|polda|polsek|kepolisian|brimob)\b", re.I)
DPRD = re.compile(r"\b(dprd|dewan perwakilan rakyat daerah)\b", re.I)
PROVINCE = re.compile(r"\bprovinsi\b", re.I)
REGION_LEVEL = {
    "provinsi": "provinsi",
    "kabupaten": "kabkota",
    "kota": "kabkota",
    "kecamatan": "kecamatan",
    "kelurahan": "desa",
    "desa": "desa",
}


def _kind(agency) -> str:
    text = f"{agency.name} {agency.short_name}"
    if agency.kind == "forkopimda":
        if DPRD.search(text):
            return "dprd"
        if POLRI.search(text):
            return "polri"
        if TNI.search(text):
            return "tni"
        return "kementerian"
    if agency.kind == "pemda" and PROVINCE.search(agency.name):
        return "pemprov"
    return agency.kind


def _level(agency) -> str:
    if agency.kind == "kecamatan":
        return "kecamatan"
    if agency.kind == "kelurahan_desa":
        return "desa"
    if agency.region_id is not None:
        return REGION_LEVEL.get(agency.region.kind, "")
    return "provinsi" if agency.kind == "pemprov" else ""


def forwards(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    Region = apps.get_model("agencies", "Region")
    Meeting = apps.get_model("meetings", "Meeting")
    for agency in Agency.objects.select_related("region"):
        agency.kind = _kind(agency)
        agency.level = _level(agency)
        agency.save(update_fields=["kind", "level"])
    organizers = list(Meeting.objects.values_list("organizer_id", flat=True).distinct()[:2])
    if len(organizers) == 1:
        Agency.objects.filter(owner__isnull=True).update(owner_id=organizers[0])
        Region.objects.filter(owner__isnull=True, code="").update(owner_id=organizers[0])


def backwards(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    Agency.objects.filter(kind__in=["dprd", "polri", "tni", "kementerian"]).update(
        kind="forkopimda"
    )
    Agency.objects.filter(kind="pemprov").update(kind="pemda")


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0008_organizers_kinds_officials"),
        ("meetings", "0010_list_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
