"""Documents delivered without a web worker rendering them.

A download asks `request_pdf()` for the PDF of a document's HTML: served from the cache when
it was rendered before, else a `render_document` task is queued (once per content; a marker
in the cache names the task) and the page shows progress until a worker has stored it.
After a change to a meeting's record, `schedule_prerender()` queues one `prerender_meeting`
task a few seconds after the last change, so that the next download finds it ready.
"""

import contextlib
import datetime
import functools
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from pilkada_portal.tasks import enqueue_once, is_queued

from . import pdf, tasks

logger = logging.getLogger("pilkada_portal.documents")

READY, QUEUED, RUNNING, FAILED = "ready", "queued", "running", "failed"
# How long a queued render is remembered: after that (a lost queue, a worker that died) the
# next request queues it again; a render that finds its PDF stored does nothing.
MARKER_SECONDS = 15 * 60
# How long the content key of a record's version is remembered (see deliver).
MEMO_SECONDS = 60 * 60
# Meetings older than this are not rendered ahead of a download when a shared row changes.
PRERENDER_DAYS_BACK = 14


@dataclass(frozen=True)
class Delivery:
    key: str
    state: str
    queued_at: datetime.datetime | None = None

    @property
    def ready(self) -> bool:
        return self.state == READY

    @property
    def waited_seconds(self) -> int:
        return int((timezone.now() - self.queued_at).total_seconds()) if self.queued_at else 0


def _marker(key: str) -> str:
    return f"documents:render:{key}"


def _task_state(result_id: str) -> str | None:
    """The queued render's state as its backend knows it (None: unknown or forgotten)."""
    backend = tasks.render_document.get_backend()
    if not backend.supports_get_result:
        return QUEUED
    try:
        status = tasks.render_document.get_result(result_id).status
    except TaskResultDoesNotExist:
        return None
    return {
        TaskResultStatus.READY: QUEUED,
        TaskResultStatus.RUNNING: RUNNING,
        TaskResultStatus.FAILED: FAILED,
    }.get(status)


def _enqueue_render(html: str):
    task = tasks.render_document
    if task.get_backend().supports_priority:
        task = task.using(priority=tasks.URGENT_PRIORITY)
    try:
        return task.enqueue(html)
    except Exception as error:  # a queue that is down: the page says so, no 500
        logger.warning("Could not queue a document render: %s", error)
        return None


def known_delivery(key: str, *, retry: bool = False) -> Delivery | None:
    """The state of the PDF of this content key when it is stored or its render queued
    (a failed one only without retry); None when it must be queued."""
    if pdf.cache_path(key).exists():
        return Delivery(key, READY)
    marker = cache.get(_marker(key))
    if marker is not None:
        if marker["id"] is None:  # being queued by another request this very moment
            return Delivery(key, QUEUED, marker["at"])
        state = FAILED if marker.get("failed") else _task_state(marker["id"])
        if state in (QUEUED, RUNNING) or (state == FAILED and not retry):
            return Delivery(key, state, marker["at"])
    return None


def request_pdf(html: str, *, retry: bool = False) -> Delivery:
    """The PDF of this HTML if it is stored; else its render, queued once (again on retry
    after a failure). Never renders in the calling process unless the backend is immediate."""
    key = pdf.content_key(html)
    known = known_delivery(key, retry=retry)
    if known is not None:
        return known
    queued_at = timezone.now()
    # The marker is taken before the task is queued, atomically: of several requests for the
    # same new document at once, one queues it and the others wait for that one.
    if not retry and not cache.add(_marker(key), {"id": None, "at": queued_at}, MARKER_SECONDS):
        return known_delivery(key) or Delivery(key, QUEUED, queued_at)
    result = _enqueue_render(html)
    if pdf.cache_path(key).exists():  # an immediate backend rendered it just now
        return Delivery(key, READY)
    if result is None:
        cache.set(_marker(key), {"id": "", "at": queued_at, "failed": True}, MARKER_SECONDS)
        return Delivery(key, FAILED, queued_at)
    failed = result.status == TaskResultStatus.FAILED
    cache.set(_marker(key), {"id": result.id, "at": queued_at, "failed": failed}, MARKER_SECONDS)
    return Delivery(key, FAILED if failed else QUEUED, queued_at)


@functools.cache
def source_version() -> str:
    """A digest of the code and templates that turn a record into a document's HTML: a memo
    of a record version's content key is valid only for the code that computed it."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    sources = [
        *sorted((base / "templates" / "documents").rglob("*.html")),
        *sorted((base / "documents").glob("*.py")),
        base / "meetings" / "formatting.py",
        base / "locale" / "id" / "LC_MESSAGES" / "django.po",
    ]
    for path in sources:
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def deliver(meeting, variant: str, build, *, retry: bool = False) -> tuple[Delivery, str]:
    """The delivery of a meeting's document (variant: kind and options) and its file name.

    Building the HTML of a large Notula takes a tenth of a second or more; a page polling
    for it every 2 s must not pay that each time. The content key of the record's version
    (meeting.updated_at changes with every row of its record) is remembered, so that a poll
    or a repeated download only looks up files and markers; build() makes the ExportSource
    when nothing is known."""
    version = [
        str(meeting.pk),
        meeting.updated_at.isoformat(),
        hashlib.sha256(variant.encode()).hexdigest()[:24],
    ]
    return deliver_version(version, build, retry=retry)


def deliver_version(version: list[str], build, *, retry: bool = False) -> tuple[Delivery, str]:
    """As deliver(), for any document whose source is named by `version`: strings that
    change whenever what the document says changes."""
    memo_key = ":".join(["documents:source", source_version(), *version])
    memo = cache.get(memo_key)
    if memo is not None:
        known = known_delivery(memo["key"], retry=retry)
        if known is not None:
            return known, memo["filename"]
    source = build()
    delivery = request_pdf(source.html, retry=retry)
    cache.set(memo_key, {"key": delivery.key, "filename": source.filename}, MEMO_SECONDS)
    return delivery, source.filename


def meetings_changed(filter_q: Q) -> None:
    """meetings.cache's listener: after the commit, schedule the changed meetings' renders."""
    if settings.DOCUMENT_PRERENDER_SECONDS:
        # robust: a queue that is down loses a pre-render, never the change just committed.
        transaction.on_commit(lambda: schedule_prerender(filter_q), robust=True)


def _single_meeting(filter_q: Q) -> int | None:
    """The meeting id of a Q(pk=<id>), as meetings.cache passes for one meeting's change."""
    if filter_q.negated or len(filter_q.children) != 1:
        return None
    child = filter_q.children[0]
    if isinstance(child, tuple) and child[0] == "pk" and isinstance(child[1], int):
        return child[1]
    return None


def schedule_prerender(filter_q: Q) -> None:
    """Queue one pre-render per recent matching meeting and window of
    DOCUMENT_PRERENDER_SECONDS, run when the window has ended: it reads the record then, so
    the window's other changes queue nothing more (pilkada_portal.tasks.enqueue_once)."""
    from meetings.models import Meeting

    seconds = settings.DOCUMENT_PRERENDER_SECONDS
    one = _single_meeting(filter_q)
    if one is not None and is_queued(tasks.prerender_marker(one), seconds):
        return  # one meeting whose render is queued already (every check-in lands here)
    since = timezone.localdate() - datetime.timedelta(days=PRERENDER_DAYS_BACK)
    recent = Meeting.objects.filter(filter_q, date__gte=since).values_list("pk", flat=True)
    for meeting_id in set(recent):
        enqueue_once(
            tasks.prerender_meeting,
            meeting_id,
            marker=tasks.prerender_marker(meeting_id),
            delay=seconds,
        )
