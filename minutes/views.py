"""Minutes workflow actions (submit, return, approve, reopen), final revisions, and the public
verification of a final Notula."""

import hashlib

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from accounts.rules import allows, approves_this_meeting, meeting_has_begun
from documents.seal import seal_check
from documents.views import notula_revision_response
from meetings.models import NotulaRevision
from meetings.views.common import MeetingMixin, RuleRequiredMixin

from . import services

MAX_UPLOAD = 5 * 1024 * 1024

# action -> (rule, role permission, success message). Returning and reopening need a
# comment: the model refuses them without one (MinutesEvent's constraint), and says so.
ACTIONS = {
    "submit": (
        "meetings.can_submit_minutes",
        "meetings.submit_minutes",
        gettext_lazy("The minutes were sent for review."),
    ),
    "return": (
        "meetings.can_review_minutes",
        "meetings.approve_minutes",
        gettext_lazy("The minutes were returned to the minute taker."),
    ),
    "approve": (
        "meetings.can_review_minutes",
        "meetings.approve_minutes",
        gettext_lazy("The minutes are final. The Notula is stored and can be verified."),
    ),
    "reopen": (
        "meetings.can_reopen_minutes",
        "meetings.revise_minutes",
        gettext_lazy("A correction is open; approving it makes a new revision."),
    ),
}


class CommentForm(forms.Form):
    comment = forms.CharField(max_length=2000, required=False, strip=True)
    # The record's updated_at on the page the approval was sent from.
    seen = forms.DateTimeField(required=False)


class MinutesActionView(RuleRequiredMixin, MeetingMixin, View):
    """One step of the minutes workflow, posted from the meeting page."""

    def get_permission_required(self):
        if self.kwargs["action"] not in ACTIONS:
            raise Http404
        rule, self.role_permission, _success = ACTIONS[self.kwargs["action"]]
        return rule

    def get_refusal_message(self, meeting) -> str:
        if self.kwargs["action"] == "submit" and not meeting_has_begun(self.request.user, meeting):
            return _("The meeting has not taken place yet: its minutes are submitted after it.")
        if self.kwargs["action"] in ("approve", "return") and not approves_this_meeting(
            self.request.user, meeting
        ):
            return _(
                "Only the chair of this meeting, or a chair designated to approve every "
                "meeting of the organizer, approves or returns its minutes."
            )
        return _("The minutes are now “%(status)s”; reload the page.") % {
            "status": meeting.get_minutes_status_display()
        }

    def post(self, request, *args, **kwargs):
        action = kwargs["action"]
        _rule, _role, success = ACTIONS[action]
        form = CommentForm(request.POST)
        if not form.is_valid():
            # A comment over the limit: said as it is, not as a missing reason.
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return redirect(self.meeting.get_absolute_url() + "#minutes-workflow")
        comment = form.cleaned_data["comment"]
        try:
            if action == "submit":
                services.minutes_submit(meeting=self.meeting, user=request.user)
            elif action == "return":
                services.minutes_return(meeting=self.meeting, user=request.user, comment=comment)
            elif action == "approve":
                url = request.build_absolute_uri(reverse("minutes:verify_detail", args=["CODE"]))
                services.minutes_approve(
                    meeting=self.meeting,
                    user=request.user,
                    verify_url=url.replace("CODE", "{code}"),
                    seen=form.cleaned_data["seen"],
                )
            else:
                services.minutes_reopen(meeting=self.meeting, user=request.user, reason=comment)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, success)
        return redirect(self.meeting.get_absolute_url() + "#minutes-workflow")


class RevisionPdfView(View):
    """A stored final Notula, exactly as approved (any signed-in user: it is published)."""

    def get(self, request, *args, **kwargs):
        revision = get_object_or_404(
            NotulaRevision.objects.select_related("meeting"),
            meeting_id=kwargs["pk"],
            number=kwargs["number"],
        )
        if not allows(request.user, "meetings.can_see_meeting", revision.meeting):
            raise Http404
        return notula_revision_response(revision)


class CodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Verification code"), max_length=20)


class UploadForm(forms.Form):
    document = forms.FileField(label=gettext_lazy("The PDF to check"))

    def clean_document(self):
        document = self.cleaned_data["document"]
        if document.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 5 MB; a Notula is smaller."))
        head = document.read(5)
        document.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("This file is not a PDF."))
        return document


@method_decorator(login_not_required, name="dispatch")
class VerifyLookupView(TemplateView):
    """Public: type the code printed on a Notula to see its verification page."""

    template_name = "minutes/verify_lookup.html"

    def get(self, request, *args, **kwargs):
        form = CodeForm(request.GET or None)
        if form.is_valid():
            code = form.cleaned_data["code"].strip().upper()
            if NotulaRevision.objects.filter(code=code).exists():
                return redirect("minutes:verify_detail", code=code)
            form.add_error("code", _("No final document has this code."))
        return self.render_to_response(self.get_context_data(form=form))


@method_decorator(login_not_required, name="dispatch")
class VerifyDetailView(TemplateView):
    """Public: a final Notula's identity, date, signers and SHA-256; upload a PDF to compare."""

    template_name = "minutes/verify_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.revision = get_object_or_404(
            NotulaRevision.objects.select_related("meeting__organizer"), code=kwargs["code"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", UploadForm())
        newer = self.revision.meeting.revisions.filter(number__gt=self.revision.number).last()
        return super().get_context_data(
            revision=self.revision,
            newer=newer,
            stored_seal=services.revision_seal_check(revision=self.revision),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST, request.FILES)
        result = None
        if form.is_valid():
            content = form.cleaned_data["document"].read()
            result = {
                "genuine": services.revision_verify(revision=self.revision, content=content),
                "sha256": hashlib.sha256(content).hexdigest(),
                "seal": seal_check(content),
            }
        return self.render_to_response(self.get_context_data(form=form, result=result))
