"""The "represented by" text of an invitation becomes a person on the list who stands in for
the invitee, and an invitation marked present for a named official gets that official as its
person; the next migration of `meetings` then drops the text fields."""

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    Participation = apps.get_model("meetings", "Participation")
    Attendee = apps.get_model("attendance", "Attendee")
    participations = Participation.objects.filter(
        status__in=["present", "represented"]
    ).select_related("invitee", "meeting")
    for p in participations.iterator():
        if Attendee.objects.filter(participation=p).exists():
            continue
        when = p.checked_in_at or timezone.now()
        if p.status == "represented" and p.representative_name.strip():
            name, position = p.representative_name.strip(), p.representative_position.strip()
            on_behalf, official = True, None
        elif p.status == "present" and p.invitee_id is not None:
            invitee = p.invitee
            name = " ".join(filter(None, [invitee.title_prefix, invitee.name])).strip()
            if invitee.title_suffix:
                name = f"{name}, {invitee.title_suffix}"
            position, on_behalf, official = invitee.position, False, invitee
        else:
            continue  # present, but nobody's name was recorded: the row stays as it was
        Attendee.objects.create(
            meeting_id=p.meeting_id,
            participation=p,
            agency_id=p.agency_id,
            name=name[:160],
            position=position[:200],
            on_behalf=on_behalf,
            official=official,
            checked_in_at=when,
            method="operator",
        )


class Migration(migrations.Migration):
    dependencies = [
        ("attendance", "0003_attendee_official"),
        ("meetings", "0008_agenda_item_no_notes"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
