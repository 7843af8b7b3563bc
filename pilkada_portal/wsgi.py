"""WSGI entry point (gunicorn pilkada_portal.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pilkada_portal.settings.base")

application = get_wsgi_application()
