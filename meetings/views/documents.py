"""Print preview (HTML) and PDF download of a meeting's official documents."""

from django.contrib.auth.mixins import AccessMixin
from django.http import FileResponse, Http404, HttpResponse
from django.views import View

from accounts import access

from .. import selectors
from ..documents.render import KINDS, document_export, document_html
from ..models import MinutesStatus
from .common import MeetingMixin
from .workflow import revision_file

# Attendees may read the agenda; the letters and minutes are for the secretariat and staff.
PUBLIC_KINDS = {"susunan-acara"}


class DocumentMixin(AccessMixin):
    def dispatch(self, request, *args, **kwargs):
        kind = kwargs["kind"]
        if kind not in KINDS:
            raise Http404
        if kind not in PUBLIC_KINDS and not request.user.has_perm("meetings.view_meeting"):
            return self.handle_no_permission()
        self.kind = kind
        self.blank = kind == "daftar-hadir" and request.GET.get("blank") == "1"
        # With its organizer, chair, minute taker and signer: every document prints them.
        self.meeting = selectors.meeting_get(pk=kwargs["pk"])
        if not access.can_see_meeting(request.user, self.meeting):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class DocumentPreviewView(DocumentMixin, View):
    """The document as HTML, to read or print from the browser."""

    def get(self, request, *args, **kwargs):
        return HttpResponse(document_html(self.meeting, self.kind, for_pdf=False, blank=self.blank))


class DocumentPdfView(DocumentMixin, View):
    """The document as a PDF download."""

    def get(self, request, *args, **kwargs):
        if self.kind == "notula" and self.meeting.minutes_status == MinutesStatus.FINAL:
            # Final minutes are the stored, verifiable file, never a fresh rendering.
            revision = self.meeting.revisions.order_by("number").last()
            if revision is not None:
                return revision_file(revision)
        exported = document_export(self.meeting, self.kind, blank=self.blank)
        response = HttpResponse(exported.content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
        return response


class DocumentLogoView(MeetingMixin, View):
    """The organizer's logo for the print preview (uploads are not public files)."""

    def get(self, request, *args, **kwargs):
        if not access.can_see_meeting(request.user, self.meeting):
            raise Http404
        logo = self.meeting.organizer.logo
        if not logo:
            raise Http404
        try:
            return FileResponse(logo.open("rb"))
        except FileNotFoundError:
            raise Http404 from None
