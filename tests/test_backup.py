"""The documented fixture backup round-trips the demo data without changing a record."""

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command

from demo.loader import demo_load
from meetings import services

DUMP_OPTIONS = {
    "natural_foreign": True,
    "natural_primary": True,
    "exclude": [
        "contenttypes",
        "auth.permission",
        "sessions",
        "admin.logentry",
        "axes",
        "django_rq",
        "django_tasks_database",
    ],
    "indent": 1,
    # XML keeps microseconds; the JSON encoder cuts timestamps to milliseconds.
    "format": "xml",
}


def _snapshot() -> dict[str, list]:
    """Every row of the portal's models, as (pk, fields) with natural foreign keys."""
    snapshot = {}
    for app in ("agencies", "meetings", "briefings", "auth"):
        for model in apps.get_app_config(app).get_models():
            if model._meta.label in {"auth.Permission"}:
                continue
            # Rows with a natural key (groups, users) are compared by it: a restore may give
            # them other ids, since migrate re-creates the groups before the load.
            rows = serializers.serialize(
                "python",
                model._default_manager.order_by("pk"),
                use_natural_foreign_keys=True,
                use_natural_primary_keys=True,
            )
            snapshot[model._meta.label] = sorted(
                ((row.get("pk"), row["fields"]) for row in rows), key=repr
            )
    return snapshot


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(tmp_path, settings, make_user):
    settings.DEBUG = True
    call_command("load_demo")
    meeting = demo_load().example_meeting
    services.meeting_update(meeting=meeting, venue="Aula baru")  # some audit history too
    before = _snapshot()
    assert before["meetings.Meeting"]
    assert before["meetings.HistoricalMeeting"]

    backup = tmp_path / "backup.xml"
    call_command("dumpdata", output=str(backup), **DUMP_OPTIONS)
    call_command("flush", interactive=False)
    assert not apps.get_model("meetings", "Meeting").objects.exists()
    call_command("loaddata", str(backup))

    after = _snapshot()
    assert after == before, _first_difference(before, after)


def _first_difference(a, b):
    for label in a:
        if a[label] != b.get(label):
            for x, y in zip(a[label], b.get(label, []), strict=False):
                if x != y:
                    return label, {k: (v, y[1].get(k)) for k, v in x[1].items() if y[1].get(k) != v}
            return label, len(a[label]), len(b.get(label, []))
    return None
