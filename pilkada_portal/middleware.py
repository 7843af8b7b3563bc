from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control


class HealthChecksMiddleware:
    """Answer /healthz and /readyz to a probe that the rest of the stack would turn away.

    A load balancer probes each web process by its address over plain HTTP
    (http://10.0.0.5:8000/healthz): with HTTPS=1 and ALLOWED_HOSTS naming the portal, the
    probe would get a 400 (and a logged DisallowedHost traceback) or a redirect, and the
    process would be taken out of service while it is fine. Such a probe is answered here,
    first in MIDDLEWARE; a check for the portal's own host over HTTPS (through nginx) still
    goes through the whole stack, like any page.
    """

    def __init__(self, get_response):
        from .views import healthz, readyz

        self.get_response = get_response
        self.checks = {"/healthz": healthz, "/readyz": readyz}

    def __call__(self, request):
        check = self.checks.get(request.path_info)
        if check is not None and request.method in ("GET", "HEAD") and self.turned_away(request):
            return check(request)
        return self.get_response(request)

    @staticmethod
    def turned_away(request) -> bool:
        """Whether the host check or the HTTPS redirect would answer instead of the view."""
        try:
            request.get_host()
        except DisallowedHost:
            return True
        return settings.SECURE_SSL_REDIRECT and not request.is_secure()


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Serve the default language (Bahasa Indonesia) unless the user chose another one.

    Django's LocaleMiddleware follows the browser's Accept-Language header, which would show
    an official whose browser happens to be in English a different portal than the
    documents they sign. Here only the language picked in the portal (its cookie) counts.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        available = {code for code, _name in settings.LANGUAGES}
        translation.activate(chosen if chosen in available else settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()


class PrivatePagesMiddleware:
    """Nothing shown to a signed-in user is kept by a browser or proxy cache.

    Pages, documents and logos of a signed-in user carry `Cache-Control: private, no-store`,
    so that the next person at a shared computer cannot bring them back with the Back button.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class RequestBodyLimitMiddleware:
    """Refuse a request whose body is too large for its address before a byte of it is read.

    Django reads a body only when a view asks for it, and then all of it: a 300 MB anonymous
    POST would be read in full before any form said no. The limit is known from the
    Content-Length header, so the refusal (413, a short page) costs nothing. Limits per path
    prefix are in settings.REQUEST_BODY_LIMITS (the longest matching prefix wins), else
    REQUEST_BODY_MAX_BYTES; they sit above the forms' own limits, so that an oversized logo
    or PDF still gets its message next to the field. A body of unknown length (chunked) is
    refused with 411. A buffering reverse proxy in front (docs/DEPLOY.md) applies the same
    limits to slow clients before they reach a worker.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.limits = sorted(
            settings.REQUEST_BODY_LIMITS.items(), key=lambda item: len(item[0]), reverse=True
        )

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.limits:
            if path.startswith(prefix):
                return limit
        return settings.REQUEST_BODY_MAX_BYTES

    def __call__(self, request):
        if request.method in {"POST", "PUT", "PATCH", "DELETE"}:
            length = request.META.get("CONTENT_LENGTH") or ""
            chunked = "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
            if chunked:
                return self.refuse(request, 411, None)
            try:
                size = int(length) if length else 0
            except ValueError:
                return self.refuse(request, 400, None)
            limit = self.limit_for(request.path_info)
            if size > limit:
                return self.refuse(request, 413, limit)
        return self.get_response(request)

    def refuse(self, request, status: int, limit: int | None):
        from django.shortcuts import render

        return render(request, "413.html", {"limit": limit, "status": status}, status=status)
