"""Messages of Django's own that the project translates itself (its catalogue wins over
Django's): extracted from here by `make messages`, never imported.

Django's Indonesian catalogue says "tidak ada" (does not exist) for "already exists" of a
unique combination of fields (for example a region's parent, kind and name).
"""

from django.utils.translation import gettext_noop

MESSAGES = (gettext_noop("%(model_name)s with this %(field_labels)s already exists."),)
