"""HTML to PDF with WeasyPrint, and nothing else; results cached by a hash of their content."""

import contextlib
import hashlib
import logging
import os
import threading
from functools import cache
from pathlib import Path

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.text.fonts import FontConfiguration

from pilkada_portal.runtime import cyclic_gc_paused

from . import split
from .fetcher import SafeURLFetcher

logger = logging.getLogger("pilkada_portal.documents")

PRINT_CSS = "css/print.css"
_local = threading.local()


@cache
def _print_css_text() -> str:
    # The stylesheet names its fonts relative to itself (../fonts/...) so that the browser's
    # print preview finds them under /static/; WeasyPrint gets them as asset: URLs.
    text = Path(finders.find(PRINT_CSS)).read_text(encoding="utf-8")
    return text.replace("url(../", "url(asset:static/")


def _renderer() -> tuple[FontConfiguration, weasyprint.CSS, SafeURLFetcher]:
    """One font configuration and parsed stylesheet per thread, reused for every document.

    Parsing the @font-face rules and the stylesheet once saves time on each render; they are
    kept per thread because WeasyPrint's font configuration is not shared across threads.
    """
    if not hasattr(_local, "renderer"):
        font_config = FontConfiguration()
        fetcher = SafeURLFetcher()
        css = weasyprint.CSS(string=_print_css_text(), font_config=font_config, url_fetcher=fetcher)
        _local.renderer = (font_config, css, fetcher)
    return _local.renderer


# The archival variant of final documents: PDF/A-3b (fonts embedded, sRGB output intent, XMP
# identification), the form the seal is applied to.
ARCHIVAL = "pdf/a-3b"


def render_pdf(html: str, *, variant: str | None = None) -> bytes:
    """Render a print template's HTML (assets as asset: URLs) to PDF bytes; `variant` names
    a PDF/A or PDF/UA variant of WeasyPrint (ARCHIVAL for final documents)."""
    if variant is None and split.worth_splitting(html):
        content = split.render_split(html, render_part)
        if content is not None:
            return content
    return _write(html, variant=variant)


def render_part(html: str, extra_css: str) -> bytes:
    """One part of a split render (documents.split): the print stylesheet and `extra_css`."""
    return _write(html, extra_css=extra_css)


def _write(html: str, *, extra_css: str = "", variant: str | None = None) -> bytes:
    """One WeasyPrint render with the shared fonts, stylesheet (and `extra_css`) and fetcher."""
    font_config, css, fetcher = _renderer()
    stylesheets = [css]
    if extra_css:
        stylesheets.append(
            weasyprint.CSS(string=extra_css, font_config=font_config, url_fetcher=fetcher)
        )
    with cyclic_gc_paused():
        document = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url="asset:static/")
        return document.write_pdf(
            stylesheets=stylesheets, font_config=font_config, pdf_variant=variant
        )


def content_key(html: str) -> str:
    """What determines the PDF: the HTML, the stylesheet and the renderer's version."""
    digest = hashlib.sha256()
    for part in (weasyprint.__version__, _print_css_text(), html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def cache_path(key: str) -> Path:
    """Where the PDF of this content key is kept (it may not exist yet)."""
    return Path(settings.DOCUMENT_CACHE_DIR) / key[:2] / f"{key}.pdf"


def read_cached(key: str) -> bytes:
    """A stored PDF (FileNotFoundError when it is not there); marks it recently used, so that
    pruning removes documents nobody asked for first."""
    path = cache_path(key)
    content = path.read_bytes()
    with contextlib.suppress(OSError):
        os.utime(path)
    return content


def store(key: str, content: bytes) -> None:
    """Keep a rendered PDF under its content key; a failure to store is logged, not raised."""
    path = cache_path(key)
    # Write then rename, so a concurrent reader never sees half a file.
    temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(content)
        temporary.replace(path)
    except OSError as error:
        # The document is still served; only the cache missed. One line, no traceback.
        logger.warning("Could not store the rendered document in %s: %s", path.parent, error)
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def cached_pdf(html: str) -> bytes:
    """The PDF of this HTML, rendered once and then read from DOCUMENT_CACHE_DIR.

    Renders in the calling process: for tasks, tests and commands. Web requests ask
    documents.background for it, which leaves the rendering to a task worker.
    """
    key = content_key(html)
    try:
        return cache_path(key).read_bytes()
    except FileNotFoundError:
        pass
    content = render_pdf(html)
    store(key, content)
    return content


def prune(max_bytes: int) -> tuple[int, int]:
    """Delete the least recently used PDFs until the cache holds at most 90% of max_bytes
    (left alone while it holds less than max_bytes). Returns (files removed, bytes freed).

    Any file here can be rendered again from the record: a pruned document costs one render
    on its next download. Stored final Notulas live elsewhere (MEDIA_ROOT) and never go.
    """
    root = Path(settings.DOCUMENT_CACHE_DIR)
    files = []
    for path in root.glob("*/*.pdf"):
        with contextlib.suppress(OSError):
            status = path.stat()
            files.append((status.st_mtime, status.st_size, path))
    total = sum(size for _mtime, size, _path in files)
    if total <= max_bytes:
        return 0, 0
    removed = freed = 0
    for _mtime, size, path in sorted(files):
        if total - freed <= max_bytes * 0.9:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
            freed += size
    return removed, freed
