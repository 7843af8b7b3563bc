from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control


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
