"""Number every meeting's invitations in protocol order, mark the chair's and the organizer's
own rows as the hosts', and give elections a kind read from their name."""

from django.db import migrations

LEVELS = ["nasional", "provinsi", "kabkota", "kecamatan", "desa"]
KINDS = [
    "pemprov",
    "pemda",
    "dprd",
    "tni",
    "polri",
    "kementerian",
    "penyelenggara",
    "opd",
    "kecamatan",
    "kelurahan_desa",
    "lainnya",
]


def _key(participation):
    agency = participation.agency
    level = LEVELS.index(agency.level) if agency.level in LEVELS else LEVELS.index("kabkota")
    kind = KINDS.index(agency.kind) if agency.kind in KINDS else len(KINDS)
    return (not participation.is_host, level, kind, agency.name, participation.pk)


def forwards(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Participation = apps.get_model("meetings", "Participation")
    Election = apps.get_model("meetings", "Election")
    for meeting in Meeting.objects.select_related("chair").iterator():
        rows = list(Participation.objects.filter(meeting=meeting).select_related("agency"))
        for row in rows:
            row.is_host = bool(
                (meeting.chair_id and row.invitee_id == meeting.chair_id)
                or (
                    meeting.chair_id
                    and row.invitee_id is None
                    and row.agency_id == meeting.chair.agency_id
                    and row.invitee_position.strip().lower()
                    == meeting.chair.position.strip().lower()
                )
                or row.agency_id == meeting.organizer_id
            )
        for position, row in enumerate(sorted(rows, key=_key), start=1):
            row.position = position
        Participation.objects.bulk_update(rows, ["position", "is_host"])
    for election in Election.objects.all():
        name = election.name.lower()
        if "pemilu" in name or "pemilihan umum" in name:
            election.kind = "pemilu"
        elif "gubernur" in name:
            election.kind = "pilkada_gubernur"
        elif "serentak" in name:
            election.kind = "pilkada_serentak"
        elif "bupati" in name or "walikota" in name or "wali kota" in name:
            election.kind = "pilkada_bupati"
        else:
            election.kind = "pilkada_serentak" if "pilkada" in name else "lainnya"
        election.save(update_fields=["kind"])
    organizers = list(Meeting.objects.values_list("organizer_id", flat=True).distinct()[:2])
    if len(organizers) == 1:
        Election.objects.filter(owner__isnull=True).update(owner_id=organizers[0])


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0011_host_order_election_kind"),
        ("agencies", "0009_kinds_levels_owners"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
