"""A long document rendered in two processes: its body here, its annex in a forked child.

The Notula carries the Daftar Hadir as an annex (`<section class="annex">`, which begins on
a page of its own), so the two parts paginate independently: rendered apart and merged
with pypdf they give the same pages as one render. Only the page numbers differ, because
the annex would count from 1 again. The annex is therefore rendered without them, and
after the merge its pages are stamped with the numbers the single render prints ("- n -",
same place, same font: the stamp is rendered by WeasyPrint with the same stylesheet).

documents.pdf.render_pdf calls `render_split` for a document whose annex is long enough
when a core is free; everything else, and every archival (PDF/A) render, stays one render.
"""

import io
import logging
import multiprocessing
import os
import re
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from django.conf import settings
from pypdf import PdfReader, PdfWriter

logger = logging.getLogger("pilkada_portal.documents")

ANNEX_START = '<section class="annex">'
ANNEX_END = "</section>"
_BODY_OPEN = re.compile(r"<body[^>]*>\s*<main[^>]*>")
# Elements fixed to every page (the draft mark): the annex's pages carry them too.
_ON_EVERY_PAGE = re.compile(r'<div class="draft-mark"[^>]*></div>')
_CLOSE = "</main>"

# The annex alone: no page numbers (stamped after the merge).
_UNNUMBERED_CSS = "@page { @top-center { content: none; } }"
# The stamp: one empty page per annex page, each naming its number in a margin box that
# the print stylesheet places and styles ("- n -" at the top centre).
_STAMP_CSS = """
html { background: none; }  /* transparent: the stamp lies over the annex's page */
@page { @top-center { content: string(number); } }
@page :first { @top-center { content: string(number); } }
.page-number { string-set: number attr(data-number); break-after: page; height: 1px; }
.page-number:last-child { break-after: auto; }
"""


def parts(html: str) -> tuple[str, str] | None:
    """The document without its annex, and the annex as a document of its own (the same
    head, body attributes, main element and marks on every page); None when it has no
    single annex."""
    start = html.find(ANNEX_START)
    if start < 0 or html.find(ANNEX_START, start + 1) >= 0:
        return None
    end = html.find(ANNEX_END, start)
    opening = _BODY_OPEN.search(html)
    if end < 0 or opening is None or opening.end() > start:
        return None
    end += len(ANNEX_END)
    close = html.find(_CLOSE, end)
    if close < 0:
        return None
    body = html[:start] + html[end:]
    marks = "".join(_ON_EVERY_PAGE.findall(html, 0, start))
    annex = html[: opening.end()] + marks + html[start:end] + html[close:]
    return body, annex


def worth_splitting(html: str) -> bool:
    """A split pays for the fork when the annex is long and another core is idle, in a
    process that may fork (one thread: no lock held by another thread is copied)."""
    if not settings.DOCUMENT_SPLIT_RENDER or (os.cpu_count() or 1) < 2:
        return False
    if threading.active_count() > 1:
        return False  # fork only a single-threaded process (a task worker, not a web server)
    start = html.find(ANNEX_START)
    if start < 0 or html.count("<tr", start) < settings.DOCUMENT_SPLIT_MIN_ROWS:
        return False
    # Over the last minute, not every core was busy (this render's own process included).
    # The child inherits the worker's lower CPU priority (TASK_WORKER_NICE): it takes only
    # what the web processes leave.
    return os.getloadavg()[0] < (os.cpu_count() or 1)


def _stamp_html(html: str, first: int, count: int) -> str:
    """Empty pages numbered first..first+count-1, with the document's head and body."""
    opening = _BODY_OPEN.search(html)
    pages = "".join(
        f'<div class="page-number" data-number="- {number} -"></div>'
        for number in range(first, first + count)
    )
    return html[: opening.end()] + pages + "</main></body></html>"


def render_split(html: str, render: Callable[[str, str], bytes]) -> bytes | None:
    """The PDF of html rendered in two processes, or None when it does not split.
    `render(html, extra_css)` renders one part (documents.pdf.render_part: a module-level
    function, as the child process receives it by name)."""
    split = parts(html)
    if split is None:
        return None
    body_html, annex_html = split
    # fork: the child starts with WeasyPrint, the fonts and the stylesheet loaded, and only
    # renders (it touches no database connection, no cache and no file of the parent's).
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            annex_future = pool.submit(render, annex_html, _UNNUMBERED_CSS)
            body_pdf = render(body_html, "")
            annex_pdf = annex_future.result()
    except (BrokenProcessPool, OSError) as error:
        # No process could be started, or it died (memory): one render in this process.
        logger.warning("Rendering the annex in a second process failed (%s): rendering once", error)
        return None
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(body_pdf)))
    body_pages = len(writer.pages)
    annex = PdfReader(io.BytesIO(annex_pdf))
    stamps = PdfReader(
        io.BytesIO(render(_stamp_html(html, body_pages + 1, len(annex.pages)), _STAMP_CSS))
    )
    writer.append(annex)  # its pages and its bookmarks ("LAMPIRAN: DAFTAR HADIR")
    for page, stamp in zip(writer.pages[body_pages:], stamps.pages, strict=True):
        page.merge_page(stamp)
        page.compress_content_streams()  # the merge leaves the page's stream uncompressed
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
