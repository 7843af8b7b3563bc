from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
