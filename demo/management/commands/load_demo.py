from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand

from accounts.services import demo_users_create
from demo.loader import demo_load, demo_series_progress


class Command(BaseCommand):
    help = "Load the demo data (the Konawe Utara Rakor of 12 November 2024); safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users", action="store_true", help="Load the data but create no demo users."
        )

    def handle(self, *args, no_users: bool = False, **options):
        result = demo_load()
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {result.seed_meeting}"))
        if no_users:
            return
        if not settings.DEBUG:
            self.stderr.write(
                self.style.WARNING(
                    "DEBUG is off: demo users were NOT created (their password is public)."
                )
            )
            return
        users = demo_users_create()
        by_name = {
            user.username: user
            for user in User.objects.filter(username__in=["notulis", "pimpinan", "perwakilan"])
        }
        demo_series_progress(
            submitter=by_name["notulis"],
            approver=by_name["pimpinan"],
            liaison=by_name.get("perwakilan"),
        )
        self.stdout.write(f"Demo logins (password for all: {users[0].password}):")
        for user in users:
            self.stdout.write(f"  {user.username:<10} {user.role}")
