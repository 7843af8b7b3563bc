"""Documents are rendered by task workers: a download never renders in the web request, it
is served from the cache or waits (202, progress page) for a worker; a change to a meeting
renders its documents again after a short debounce; the database and RQ backends both run."""

import datetime
import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends

from documents import background, pdf, tasks
from meetings import services
from tests.documents.conftest import pdf_text
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory
from tests.needs import require_postgresql, require_redis

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": []}}


@pytest.fixture(autouse=True)
def _fresh_markers():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def queued(settings):
    """A backend that keeps tasks instead of running them: what a web request sees while
    the worker is busy. Yields the list of queued task results."""
    settings.TASKS = DUMMY
    backend = task_backends["default"]
    backend.clear()
    return backend.results


@pytest.fixture
def no_render_here(monkeypatch):
    """Fails the test if this process renders: only a task may."""

    def refuse(html):
        raise AssertionError("a web request rendered a PDF")

    monkeypatch.setattr(pdf, "render_pdf", refuse)


def _url(meeting, kind="notula", query=""):
    return reverse("documents:pdf", args=[meeting.pk, kind]) + query


def _run(result):
    """What the worker does with a queued task."""
    return result.task.call(*result.args, **result.kwargs)


@pytest.mark.django_db
class TestDownload:
    def test_an_unrendered_document_is_queued_once_and_served_when_a_worker_stored_it(
        self, operator_client, queued, monkeypatch
    ):
        meeting = MeetingFactory(title="Rakor Latar Belakang")
        calls = []
        real_render = pdf.render_pdf
        monkeypatch.setattr(pdf, "render_pdf", lambda html: calls.append(1) or b"")

        first = operator_client.get(_url(meeting))
        assert first.status_code == 202
        page = first.content.decode()
        assert "Menyiapkan dokumen" in page
        assert f'hx-get="{_url(meeting, query="?tunggu=1")}"' in page
        assert 'hx-trigger="every 2s"' in page
        again = operator_client.get(
            _url(meeting, query="?tunggu=1"), headers={"HX-Request": "true"}
        )
        assert again.status_code == 202
        assert "Menunggu giliran" in again.content.decode()
        assert "<html" not in again.content.decode()  # the fragment only
        assert len(queued) == 1, "a second request queues no second render"
        assert calls == [], "the web request rendered nothing"

        monkeypatch.setattr(pdf, "render_pdf", real_render)
        _run(queued[0])
        ready = operator_client.get(
            _url(meeting, query="?tunggu=1"), headers={"HX-Request": "true"}
        )
        assert ready.status_code == 200
        assert f'href="{_url(meeting)}"' in ready.content.decode()
        assert "data-auto-download" in ready.content.decode()
        download = operator_client.get(_url(meeting))
        assert download.status_code == 200
        assert download["Content-Type"] == "application/pdf"
        assert "attachment;" in download["Content-Disposition"]
        assert "Rakor Latar Belakang".upper() in pdf_text(download.content).upper()
        assert len(queued) == 1

    def test_polling_does_not_build_the_document_again_until_the_record_changes(
        self, operator_client, queued, no_render_here, monkeypatch
    ):
        from documents import views

        built = []
        real = views.document_export_source
        monkeypatch.setattr(
            views, "document_export_source", lambda *a, **k: built.append(1) or real(*a, **k)
        )
        meeting = MeetingFactory()
        for _ in range(4):
            assert operator_client.get(_url(meeting, query="?tunggu=1")).status_code == 202
        assert len(built) == 1
        assert len(queued) == 1
        services.meeting_update(meeting=meeting, title="Rakor Kedua Persiapan Pilkada")
        assert operator_client.get(_url(meeting, query="?tunggu=1")).status_code == 202
        assert len(built) == 2, "a changed record is a new document"
        assert len(queued) == 2

    def test_requests_at_the_same_moment_queue_one_render(
        self, operator_client, queued, no_render_here
    ):
        meeting = MeetingFactory()
        from documents.render import document_export_source

        html = document_export_source(meeting, "notula").html
        # Another request has just taken the marker and is queueing the render.
        cache.add(background._marker(pdf.content_key(html)), {"id": None, "at": timezone.now()})
        response = operator_client.get(_url(meeting))
        assert response.status_code == 202
        assert queued == []

    def test_odd_row_counts_are_ignored_not_a_500(self, operator_client, queued, no_render_here):
        meeting = MeetingFactory()
        for rows in ("²", "①", "9" * 5000, "-1", "0"):
            response = operator_client.get(_url(meeting, "daftar-hadir", f"?blank=1&rows={rows}"))
            assert response.status_code == 202, rows
            preview = reverse("documents:preview", args=[meeting.pk, "daftar-hadir"])
            assert operator_client.get(preview, {"blank": "1", "rows": rows}).status_code == 200

    def test_blank_sheet_options_survive_the_wait(self, operator_client, queued, no_render_here):
        meeting = MeetingFactory()
        response = operator_client.get(_url(meeting, "daftar-hadir", "?blank=1&rows=12"))
        assert response.status_code == 202
        assert "blank=1&amp;rows=12&amp;tunggu=1" in response.content.decode()

    def test_a_waiting_page_says_when_no_worker_took_the_job(
        self, operator_client, queued, no_render_here
    ):
        meeting = MeetingFactory()
        operator_client.get(_url(meeting))
        key = pdf.content_key(queued[0].args[0])
        marker = cache.get(background._marker(key))
        marker["at"] -= datetime.timedelta(seconds=45)
        cache.set(background._marker(key), marker)
        page = operator_client.get(_url(meeting, query="?tunggu=1")).content.decode()
        assert 'id="document-queue-stalled"' in page
        assert "administrator" in page

    def test_a_failed_render_says_so_and_can_be_tried_again(
        self, operator_client, monkeypatch, caplog
    ):
        meeting = MeetingFactory()

        def broken(html):
            raise RuntimeError("font missing")

        real_render = pdf.render_pdf
        monkeypatch.setattr(pdf, "render_pdf", broken)
        failed = operator_client.get(_url(meeting))
        assert failed.status_code == 200
        page = failed.content.decode()
        assert "Dokumen tidak dapat disiapkan" in page
        assert f'href="{_url(meeting, query="?tunggu=1&amp;ulang=1")}"' in page
        monkeypatch.setattr(pdf, "render_pdf", real_render)
        retried = operator_client.get(_url(meeting, query="?tunggu=1&ulang=1"))
        assert retried.status_code == 200
        assert "data-auto-download" in retried.content.decode()

    def test_the_public_agenda_documents_wait_too(self, client, queued, no_render_here):
        from attendance import services as attendance_services

        meeting = MeetingFactory()
        share = attendance_services.agenda_share_renew(meeting=meeting)
        response = client.get(reverse("documents:shared_pdf", args=[share.token, "susunan-acara"]))
        assert response.status_code == 202
        assert reverse("attendance:agenda", args=[share.token]) in response.content.decode()


@pytest.mark.django_db
class TestPrerender:
    def test_changes_render_the_documents_once_after_the_last_one(
        self, settings, queued, operator_client, django_capture_on_commit_callbacks, monkeypatch
    ):
        settings.DOCUMENT_PRERENDER_SECONDS = 10
        meeting = MeetingFactory(date=timezone.localdate())
        ParticipationFactory(meeting=meeting)
        item = AgendaItemFactory(meeting=meeting)
        queued.clear()
        cache.clear()
        before = timezone.now()
        with django_capture_on_commit_callbacks(execute=True):
            services.agenda_item_update(
                item=item, title="Paparan KPU", expected_version=item.version
            )
        with django_capture_on_commit_callbacks(execute=True):
            services.meeting_update(meeting=meeting, venue="Aula Baru")
        prerenders = [r for r in queued if r.task.name == "prerender_meeting"]
        assert len(prerenders) == 1, "changes within the debounce share one pre-render"
        assert prerenders[0].args == [meeting.pk] or prerenders[0].args == (meeting.pk,)
        # It runs when the 10-second window of the changes has ended.
        run_after = prerenders[0].task.run_after
        assert before < run_after <= timezone.now() + datetime.timedelta(seconds=10)

        keys = _run(prerenders[0])
        assert len(keys) == 4  # agenda, attendance list, invitation, minutes
        queued.clear()

        def refuse(html):
            raise AssertionError("rendered again")

        monkeypatch.setattr(pdf, "render_pdf", refuse)
        for kind in ("notula", "daftar-hadir", "susunan-acara", "undangan"):
            response = operator_client.get(_url(meeting, kind))
            assert response.status_code == 200, kind
            assert response["Content-Type"] == "application/pdf"
        assert queued == [], "every download came from the cache"

        # A change of the next window schedules the next pass, whatever this process's cache
        # holds (the pass runs in a worker, which has a cache of its own).
        later = timezone.now() + datetime.timedelta(seconds=11)
        monkeypatch.setattr("pilkada_portal.tasks.timezone.now", lambda: later)
        with django_capture_on_commit_callbacks(execute=True):
            services.meeting_update(meeting=meeting, venue="Aula Lama")
        assert [r.task.name for r in queued] == ["prerender_meeting"]

    def test_old_meetings_and_disabled_prerender_queue_nothing(
        self, settings, queued, django_capture_on_commit_callbacks
    ):
        old = MeetingFactory(date=timezone.localdate() - datetime.timedelta(days=60))
        settings.DOCUMENT_PRERENDER_SECONDS = 10
        queued.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.meeting_update(meeting=old, venue="Gedung Lama")
        assert queued == []
        settings.DOCUMENT_PRERENDER_SECONDS = 0
        recent = MeetingFactory()
        with django_capture_on_commit_callbacks(execute=True):
            services.meeting_update(meeting=recent, venue="Gedung Baru")
        assert queued == []


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_renders_what_a_download_queued(settings, operator_client):
    require_postgresql()
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    meeting = MeetingFactory(title="Rakor Pekerja Basis Data")
    assert operator_client.get(_url(meeting)).status_code == 202
    call_command(
        "db_worker", batch=True, queue_name="documents,prerender", startup_delay=False, verbosity=0
    )
    download = operator_client.get(_url(meeting))
    assert download.status_code == 200
    assert "PEKERJA BASIS DATA" in pdf_text(download.content).upper()


@pytest.mark.django_db
def test_an_rq_worker_renders_what_a_download_queued(settings, operator_client):
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").rsplit("/", 1)[0] + "/15"
    require_redis(url)
    settings.RQ_QUEUES = {name: {"URL": url} for name in settings.TASK_QUEUES}
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": settings.TASK_QUEUES}
    }
    django_rq.get_connection("documents").flushdb()
    meeting = MeetingFactory(title="Rakor Antrean Redis")
    assert operator_client.get(_url(meeting)).status_code == 202
    running = operator_client.get(_url(meeting, query="?tunggu=1"))
    assert running.status_code == 202
    queues = [django_rq.get_queue(name, job_class=Job) for name in ("documents", "prerender")]
    worker = SimpleWorker(queues, connection=queues[0].connection, job_class=Job)
    assert worker.work(burst=True)
    download = operator_client.get(_url(meeting))
    assert download.status_code == 200
    assert "ANTREAN REDIS" in pdf_text(download.content).upper()
    django_rq.get_connection("documents").flushdb()


def test_render_task_is_keyed_by_content(tmp_path, settings):
    settings.DOCUMENT_CACHE_DIR = tmp_path
    html = "<p>Uji</p>"
    key = tasks.render_document.call(html)
    assert key == pdf.content_key(html)
    assert pdf.cache_path(key).read_bytes().startswith(b"%PDF")
