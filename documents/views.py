"""Print preview (HTML) and PDF download of a meeting's official documents."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.mixins import AccessMixin
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views import View
from django.views.decorators.cache import never_cache

from accounts.rules import allows
from attendance.models import AgendaShare
from attendance.share import share_url
from meetings import selectors
from meetings.models import Meeting, NotulaRevision
from meetings.views.common import MeetingMixin

from .render import KINDS, document_export, document_html

MAX_BLANK_ROWS = 500
# Attendees may read the agenda; the letters and minutes are for the secretariat and staff.
RULE_BY_KIND = {kind: "documents.can_read_documents" for kind in KINDS} | {
    "susunan-acara": "documents.can_read_agenda"
}


def shared_agenda_url(request, meeting: Meeting) -> str:
    """The public agenda's address when the meeting has a share link (for the invitation)."""
    share = AgendaShare.objects.filter(meeting=meeting).first()
    return share_url(request, share) if share is not None else ""


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
        self.share_url = shared_agenda_url(request, self.meeting) if kind == "undangan" else ""
        self.blank = kind == "daftar-hadir" and request.GET.get("blank") == "1"
        # A blank sheet of as many rows as people are expected (?rows=40), 1 to 500.
        rows = request.GET.get("rows", "")
        self.blank_rows = min(int(rows), MAX_BLANK_ROWS) if rows.isdigit() and int(rows) else None
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
    """The document as a PDF download."""

    def get(self, request, *args, **kwargs):
        if self.kind == "notula" and self.meeting.is_final:
            # Final minutes are the stored, verifiable file, never a fresh rendering.
            revision = self.meeting.revisions.order_by("number").last()
            if revision is not None:
                return notula_revision_response(revision)
        exported = document_export(
            self.meeting,
            self.kind,
            blank=self.blank,
            blank_rows=self.blank_rows,
            share_url=self.share_url,
        )
        response = HttpResponse(exported.content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
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
        filename=f"notula-{revision.meeting.date:%Y-%m-%d}-revisi-{revision.number}.pdf",
    )


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
        exported = document_export(meeting, kind, share_url=shared_agenda_url(request, meeting))
        response = HttpResponse(exported.content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
        return response


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
