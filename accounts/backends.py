"""The portal's authentication backend: Django's ModelBackend with a cheaper permission read.

Every page that tests a rule reads the signed-in user's permissions. ModelBackend builds two
ORM queries for them (the user's own, the user's groups'): 1.7 ms of a 9 ms meeting page on
PostgreSQL, nearly all of it in building the queries, not in the database (0.15 ms a round
trip). A UNION built by the ORM took 2.5 ms. This backend sends one fixed statement over the
same tables and gives the same answer (tests/accounts/test_backends.py compares the two).
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection


def _statement() -> str:
    permission = Permission._meta.db_table
    user_permissions = Permission.user_set.through._meta.db_table
    group_permissions = Group.permissions.through._meta.db_table
    user_groups = Group.user_set.through._meta.db_table
    content_type = ContentType._meta.db_table
    return (
        f"SELECT ct.app_label, p.codename FROM {permission} p"
        f" JOIN {content_type} ct ON ct.id = p.content_type_id"
        f" WHERE p.id IN (SELECT permission_id FROM {user_permissions} WHERE user_id = %s)"
        f" OR p.id IN (SELECT gp.permission_id FROM {group_permissions} gp"
        f" JOIN {user_groups} ug ON ug.group_id = gp.group_id WHERE ug.user_id = %s)"
    )


class PortalBackend(ModelBackend):
    _statement = None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            if PortalBackend._statement is None:
                PortalBackend._statement = _statement()
            with connection.cursor() as cursor:
                cursor.execute(PortalBackend._statement, [user_obj.pk, user_obj.pk])
                user_obj._perm_cache = {f"{app}.{codename}" for app, codename in cursor}
        return user_obj._perm_cache
