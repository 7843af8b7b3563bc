"""Views and view mixins shared by the apps."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .forms import add_service_errors
from .writes import StaleVersionError, submit_once

logger = logging.getLogger("pilkada_portal")


class ServiceFormMixin:
    """A FormView whose valid form is handed to a service.

    Subclasses implement `perform(form)`, which calls the service and returns the saved
    object. A ValidationError raised by the service (its full_clean) is shown on the form
    next to the field it names, and nothing is saved: the service's transaction rolled back.
    After success the view redirects (post/redirect/get), so a reload never posts twice.
    """

    success_message = ""

    def perform(self, form):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(stale_values=self.stale_values, **kwargs)

    stale_values: list[tuple[str, str, str]] = []

    def _url_of(self, obj) -> str:
        self.object = obj  # get_success_url() reads it
        return self.get_success_url()

    def form_valid(self, form):
        try:
            if hasattr(form, "submission_token"):
                with transaction.atomic():
                    self.object, url = submit_once(
                        form.submission_token, lambda: self.perform(form), self._url_of
                    )
                if self.object is None:
                    messages.info(self.request, already_sent_message())
                    return redirect(url)
            else:
                self.object = self.perform(form)
        except StaleVersionError as error:
            self.stale_values = form.show_stale(error)
            return self.form_invalid(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


def already_sent_message() -> str:
    return _("This form had been sent already; it was saved once.")


@login_not_required
def csrf_failure(request, reason=""):
    """The refused-form page in the portal's language, without Django's technical details."""
    return render(request, "403_csrf.html", status=403)


@login_not_required
@never_cache
def healthz(request):
    """Liveness check for load balancers: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
@never_cache
def readyz(request):
    """Readiness check: the database answers, and so does a shared cache when one is set.

    503 with the failing part named (no details) while either is down.
    """
    failing = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        failing.append("database")
    if settings.CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache":
        try:
            cache.set("readyz", "1", 5)
            if cache.get("readyz") != "1":
                failing.append("cache")
        except Exception:  # a cache client raises its own errors (redis.ConnectionError...)
            failing.append("cache")
    if failing:
        logger.warning("Not ready: %s", ", ".join(failing))
        return HttpResponse(
            "not ready: " + ", ".join(failing), status=503, content_type="text/plain"
        )
    return HttpResponse("ready", content_type="text/plain")
