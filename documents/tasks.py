"""Rendering that runs in a task worker (`manage.py db_worker` or `rqworker`), never in a
web request: a download that someone waits for, and a meeting's documents rendered again
shortly after its record changed so that the next download is served from the cache."""

import logging
import time

from django.conf import settings
from django_tasks import task

from meetings.selectors import meeting_find
from pilkada_portal.runtime import lower_cpu_priority, tune_gc

from . import pdf
from .render import document_export_source, shared_agenda_url

logger = logging.getLogger("pilkada_portal.documents")

# A download waits on this task; a pre-render only saves a later wait. The database backend
# orders by priority; RQ workers take their queues in the order given (documents first).
URGENT_PRIORITY = 10


@task(queue_name="documents")
def render_document(html: str) -> str:
    """Render a print template's HTML into the document cache; returns its content key."""
    _worker_setup()
    key = pdf.content_key(html)
    if not pdf.cache_path(key).exists():
        pdf.store(key, pdf.render_pdf(html))
        _prune_now_and_then()
    return key


_last_prune = 0.0


def _prune_now_and_then() -> None:
    """Keep the cache under its cap, looking at most once a minute per worker."""
    global _last_prune
    if time.monotonic() - _last_prune < 60:
        return
    _last_prune = time.monotonic()
    removed, freed = pdf.prune(settings.DOCUMENT_CACHE_MAX_MB * 1024 * 1024)
    if removed:
        logger.info("Pruned %s rendered documents (%s KB) from the cache", removed, freed // 1024)


def _worker_setup() -> None:
    """Once per worker process: fewer garbage-collector passes, and a lower CPU priority so
    that rendering never slows the web pages that share the machine's cores."""
    tune_gc()
    if settings.TASKS_BACKEND != "immediate":  # an immediate task runs in a web process
        lower_cpu_priority(settings.TASK_WORKER_NICE)


def prerender_marker(meeting_id: int) -> str:
    """The name of the cache keys that say a pre-render of this meeting is queued
    (background.schedule_prerender)."""
    return f"documents:prerender:{meeting_id}"


@task(queue_name="prerender")
def prerender_meeting(meeting_id: int) -> list[str]:
    """Render into the cache the documents a download of this meeting would ask for now:
    the Susunan Acara, the filled Daftar Hadir, the Surat Undangan (when its share link's
    address does not depend on a request) and the Notula until it is final."""
    _worker_setup()
    meeting = meeting_find(pk=meeting_id)
    if meeting is None:
        return []
    keys = []
    for kind in ("susunan-acara", "daftar-hadir", "undangan", "notula"):
        if kind == "notula" and meeting.is_final:
            continue  # the stored, sealed revision is what a download serves
        share = shared_agenda_url(None, meeting) if kind == "undangan" else ""
        if share is None:
            continue
        source = document_export_source(meeting, kind, share_url=share)
        keys.append(render_document.call(source.html))
    return keys
