from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the access rules)

        # Groups carry model permissions, and Django creates permissions in post_migrate;
        # syncing the groups right after it (rather than in a data migration) also restores
        # them after a database flush, as transactional tests do.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="accounts_sync_roles")


def _sync_roles(sender, using="default", **kwargs) -> None:
    from .services import role_groups_sync

    role_groups_sync(using=using)
