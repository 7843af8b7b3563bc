# Accounts use Django's own User and Group models; roles are defined in accounts/roles.py.
# This module exists so that Django sends post_migrate for this app (see AccountsConfig.ready).
