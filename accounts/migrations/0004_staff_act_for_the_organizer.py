"""Staff accounts now act for one organizer (accounts.rules). When the database holds the
meetings of one organizer only, its staff accounts act for it, and the chairs who approved any
meeting's minutes before keep doing so for that organizer (approves_minutes)."""

from django.db import migrations

STAFF = ["Operator Kesbangpol", "Notulis", "Pimpinan"]


def forwards(apps, schema_editor):
    User = apps.get_model("auth", "User")
    Profile = apps.get_model("accounts", "Profile")
    Meeting = apps.get_model("meetings", "Meeting")
    organizers = list(Meeting.objects.values_list("organizer_id", flat=True).distinct()[:2])
    if len(organizers) != 1:
        return
    for user in User.objects.filter(groups__name__in=STAFF).distinct():
        profile, _created = Profile.objects.get_or_create(user=user)
        if profile.agency_id is None:
            profile.agency_id = organizers[0]
        if user.groups.filter(name="Pimpinan").exists():
            profile.approves_minutes = True
        profile.save()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_approver"),
        ("meetings", "0012_protocol_order_hosts"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
