"""The only way a document being rendered may load a file: asset:static/..., asset:media/...
or asset:private/... (drawn signatures, for staff documents).

WeasyPrint's default fetcher follows file:// and http(s):// URLs found in the HTML, which would
let text typed into the portal embed /etc/passwd or make the server call an internal address.
This fetcher serves the project's static files (fonts, print stylesheet) and uploaded media
(logos) by name and refuses every other URL, logging the refusal.
"""

import logging
import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.utils._os import safe_join
from weasyprint.urls import URLFetcher, URLFetcherResponse

from pilkada_portal.storage import private_storage

logger = logging.getLogger("pilkada_portal.documents")

SCHEME = "asset:"


class RefusedURL(ValueError):
    """A document asked for a URL outside the project's static and media files."""


def static_asset(path: str) -> str:
    return f"{SCHEME}static/{path}"


def media_asset(path: str) -> str:
    return f"{SCHEME}media/{path}"


def resolve(url: str) -> Path:
    """The file behind an asset: URL; RefusedURL for anything else."""
    if not url.startswith(SCHEME):
        raise RefusedURL(url)
    area, _slash, name = url.removeprefix(SCHEME).partition("/")
    try:
        if area == "static":
            found = finders.find(name)
            if found is None and settings.STATIC_ROOT:
                candidate = safe_join(str(settings.STATIC_ROOT), name)
                found = candidate if Path(candidate).is_file() else None
        elif area == "media":
            candidate = safe_join(str(settings.MEDIA_ROOT), name)
            found = candidate if Path(candidate).is_file() else None
        elif area == "private":
            # Drawn signatures, for the staff documents that show them.
            candidate = private_storage.path(name)
            found = candidate if Path(candidate).is_file() else None
        else:
            found = None
    except (SuspiciousFileOperation, ValueError):
        found = None
    if not found:
        raise RefusedURL(url)
    return Path(found)


class SafeURLFetcher(URLFetcher):
    """Serves asset:static/... and asset:media/... files; refuses and logs everything else."""

    def fetch(self, url, headers=None):
        try:
            path = resolve(url)
        except RefusedURL:
            logger.warning("Document rendering refused to fetch %r", url[:200])
            raise
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": content_type})
