"""Print preview (HTML) and PDF download of a meeting's official documents."""

import hashlib

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.mixins import AccessMixin
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views import View
from django.views.decorators.cache import never_cache

from accounts.rules import allows
from attendance.models import AgendaShare
from meetings import selectors
from meetings.models import Election, Meeting, NotulaRevision
from meetings.views.common import MeetingMixin
from readiness import selectors as readiness_selectors

from . import background, pdf
from .docx import KINDS as DOCX_KINDS
from .readiness import readiness_html
from .render import (
    KINDS,
    ExportSource,
    document_docx,
    document_export_source,
    document_html,
    shared_agenda_url,
)

MAX_BLANK_ROWS = 500
# Attendees may read the agenda; the letters and minutes are for the secretariat and staff.
RULE_BY_KIND = {kind: "documents.can_read_documents" for kind in KINDS} | {
    "susunan-acara": "documents.can_read_agenda",
    "undangan": "documents.can_read_invitation",
}


# Query parameters of the progress page: poll (?tunggu=1) and try a failed render again.
WAIT, RETRY = "tunggu", "ulang"


def _url_with(request, **changes) -> str:
    query = request.GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    return request.path + (f"?{query.urlencode()}" if query else "")


def _waiting(request) -> bool:
    """A progress page asks (its poll, or a plain ?tunggu=1): it gets a page, never the file."""
    return request.GET.get(WAIT) == "1" or bool(request.htmx)


def deliver_pdf(
    request,
    meeting: Meeting,
    kind: str,
    *,
    back_url: str,
    blank: bool = False,
    blank_rows: int | None = None,
    share_url: str = "",
) -> HttpResponse:
    """The PDF when a worker has rendered it; else its render is queued and a progress page
    (202) polls until it is ready. A web worker never renders: it reads a file or says wait.

    A plain request for a ready document is the download itself. While it renders, the
    page (and its htmx fragment, every 2 s) shows the state; once ready it offers the
    download link, which portal.js follows once. The meeting page's own script polls the
    PDF address while it answers 202.
    """

    def build():
        return document_export_source(
            meeting, kind, blank=blank, blank_rows=blank_rows, share_url=share_url
        )

    variant = f"{kind}|{blank}|{blank_rows}|{share_url}"
    delivery, filename = background.deliver(
        meeting, variant, build, retry=request.GET.get(RETRY) == "1"
    )
    return delivered_response(
        request,
        delivery,
        filename,
        back_url=back_url,
        again=lambda: deliver_pdf(
            request,
            meeting,
            kind,
            back_url=back_url,
            blank=blank,
            blank_rows=blank_rows,
            share_url=share_url,
        ),
    )


def delivered_response(request, delivery, filename: str, *, back_url: str, again):
    """The PDF when it is stored (and not asked for by a progress page), else the progress
    page; `again` delivers anew when the file was pruned between the check and the read."""
    if delivery.ready and not _waiting(request):
        try:
            content = pdf.read_cached(delivery.key)
        except FileNotFoundError:
            return again()
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return progress_response(request, delivery, filename, back_url=back_url)


def progress_response(request, delivery, filename: str, *, back_url: str) -> HttpResponse:
    """The progress page (or its htmx fragment) of a document's delivery."""
    context = {
        "delivery": delivery,
        "filename": filename,
        "back_url": back_url,
        "poll_url": _url_with(request, **{WAIT: "1", RETRY: None}),
        "retry_url": _url_with(request, **{WAIT: "1", RETRY: "1"}),
        "download_url": _url_with(request, **{WAIT: None, RETRY: None}),
    }
    template = "documents/includes/_progress.html" if request.htmx else "documents/preparing.html"
    status = 200 if delivery.ready or delivery.state == background.FAILED else 202
    return render(request, template, context, status=status)


class DocumentMixin(AccessMixin):
    @cached_property
    def meeting(self) -> Meeting:
        # With its organizer, chair, minute taker and signer: every document prints them.
        return selectors.meeting_get(pk=self.kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        kind = kwargs["kind"]
        if kind not in KINDS:
            raise Http404
        if not allows(request.user, "meetings.can_see_meeting", self.meeting):
            raise Http404
        if not allows(request.user, RULE_BY_KIND[kind], self.meeting):
            return self.handle_no_permission()
        self.kind = kind
        self.share_url = ""
        if kind == "undangan":
            self.share_url = shared_agenda_url(request, self.meeting) or ""
        self.blank = kind == "daftar-hadir" and request.GET.get("blank") == "1"
        # A blank sheet of as many rows as people are expected (?rows=40), 1 to 500.
        rows = request.GET.get("rows", "")
        plain = rows.isascii() and rows.isdigit() and len(rows) <= 6  # not "²", not 10**5000
        self.blank_rows = min(int(rows), MAX_BLANK_ROWS) if plain and int(rows) else None
        return super().dispatch(request, *args, **kwargs)


class DocumentPreviewView(DocumentMixin, View):
    """The document as HTML, to read or print from the browser."""

    def get(self, request, *args, **kwargs):
        return HttpResponse(
            document_html(
                self.meeting,
                self.kind,
                for_pdf=False,
                blank=self.blank,
                blank_rows=self.blank_rows,
                share_url=self.share_url,
            )
        )


class DocumentPdfView(DocumentMixin, View):
    """The document as a PDF download, rendered by a task worker (see deliver_pdf)."""

    def get(self, request, *args, **kwargs):
        if self.kind == "notula" and self.meeting.is_final:
            # Final minutes are the stored, verifiable file, never a fresh rendering.
            revision = self.meeting.revisions.order_by("number").last()
            if revision is not None:
                if _waiting(request):  # a progress page: the stored file is "ready"
                    return progress_response(
                        request,
                        background.Delivery("", background.READY),
                        revision_filename(revision),
                        back_url=self.meeting.get_absolute_url(),
                    )
                return notula_revision_response(revision)
        return deliver_pdf(
            request,
            self.meeting,
            self.kind,
            back_url=self.meeting.get_absolute_url(),
            blank=self.blank,
            blank_rows=self.blank_rows,
            share_url=self.share_url,
        )


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DocumentDocxView(DocumentMixin, View):
    """The DOCX for SRIKANDI (Surat Undangan, Notula, Laporan): built in the request, since
    it takes milliseconds, not the seconds of a PDF."""

    def get(self, request, *args, **kwargs):
        if self.kind not in DOCX_KINDS:
            raise Http404
        exported = document_docx(self.meeting, self.kind)
        response = HttpResponse(exported.content, content_type=DOCX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response


def notula_revision_response(revision: NotulaRevision) -> FileResponse:
    """A stored final Notula as a download, byte for byte as approved."""
    try:
        handle = revision.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        content_type="application/pdf",
        as_attachment=True,
        filename=revision_filename(revision),
    )


def revision_filename(revision: NotulaRevision) -> str:
    return f"notula-{revision.meeting.date:%Y-%m-%d}-revisi-{revision.number}.pdf"


@method_decorator([login_not_required, never_cache], name="dispatch")
class SharedDocumentPdfView(View):
    """A document published on the agenda's share link: the Susunan Acara, and the Surat
    Undangan when the operator published it. No account needed; nothing else is shared."""

    def get(self, request, *args, **kwargs):
        share = get_object_or_404(
            AgendaShare.objects.select_related("meeting"), token=kwargs["token"][:60]
        )
        kind = kwargs["kind"]
        if kind != "susunan-acara" and not (kind == "undangan" and share.publish_invitation):
            raise Http404
        meeting = selectors.meeting_get(pk=share.meeting_id)
        if kind == "undangan" and meeting.letter_is_confidential:
            # Published before it was marked secret: a secret letter is never public.
            raise Http404
        return deliver_pdf(
            request,
            meeting,
            kind,
            back_url=reverse("attendance:agenda", args=[share.token]),
            share_url=shared_agenda_url(request, meeting) or "",
        )


class DocumentLogoView(MeetingMixin, View):
    """The organizer's logo for the print preview (uploads are not public files)."""

    def get(self, request, *args, **kwargs):
        if not allows(request.user, "meetings.can_see_meeting", self.meeting):
            raise Http404
        logo = self.meeting.organizer.logo
        if not logo:
            raise Http404
        try:
            return FileResponse(logo.open("rb"))
        except FileNotFoundError:
            raise Http404 from None


class ReadinessPdfView(View):
    """The readiness dashboard of an election as PDF, rendered by a task worker like every
    document (a progress page while it renders)."""

    def get(self, request, *args, **kwargs):
        election = get_object_or_404(Election.objects.select_related("region"), pk=kwargs["pk"])
        meetings = readiness_selectors.dashboard_meetings(user=request.user, election=election)
        if not meetings:
            raise Http404
        # Named by the series' state (its meetings' versions), the election's own fields and
        # the day (H-n): a poll while it renders builds nothing again.
        version = [
            "readiness",
            str(election.pk),
            readiness_selectors.dashboard_version(meetings),
            str(readiness_selectors.days_to_vote(election)),
            hashlib.sha256(
                f"{election.name}\n{election.voting_day}\n{election.region}".encode()
            ).hexdigest()[:24],
        ]

        def build() -> ExportSource:
            html, filename = readiness_html(user=request.user, election=election, meetings=meetings)
            return ExportSource(filename=filename, html=html)

        delivery, filename = background.deliver_version(
            version, build, retry=request.GET.get(RETRY) == "1"
        )
        return delivered_response(
            request,
            delivery,
            filename,
            back_url=reverse("readiness:dashboard", args=[election.pk]),
            again=lambda: self.get(request, *args, **kwargs),
        )
