from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.rules import (
    allows,
    before_the_meeting,
    briefing_agency_ids_for,
    can_see_meeting,
    own_briefing,
    record_open,
    writes_any_briefing,
)
from meetings.models import Meeting
from meetings.selectors import meeting_get
from meetings.views.common import RuleRequiredMixin
from pilkada_portal.forms import add_service_errors
from pilkada_portal.views import ServiceFormMixin
from pilkada_portal.writes import StaleVersionError

from . import selectors, services
from .forms import (
    BriefingCreateForm,
    BriefingEditForms,
    BriefingTemplateQueryForm,
    template_prefill,
)
from .models import Briefing, BriefingAttachment


def meeting_briefings_url(meeting_pk: int) -> str:
    return reverse("meetings:detail", args=[meeting_pk]) + "#briefings-heading"


class BriefingObjectMixin:
    """The briefing named by the URL; 404 when it belongs to another meeting."""

    @cached_property
    def briefing(self) -> Briefing:
        return selectors.briefing_get(meeting_pk=self.kwargs["meeting_pk"], pk=self.kwargs["pk"])


class BriefingRuleMixin(RuleRequiredMixin):
    """Briefing rules (accounts.rules): a liaison writes only its own institution's briefing,
    before the meeting; nobody changes one once the minutes are final."""

    def get_permission_object(self):
        return self.briefing

    def handle_no_permission(self):
        user = self.request.user
        target = self.get_permission_object()
        if (
            user.is_authenticated
            and isinstance(target, Briefing)
            and not writes_any_briefing(user, target.meeting)
            and not own_briefing(user, target)
            and can_see_meeting(user, target.meeting)
        ):
            raise PermissionDenied  # another institution's briefing: no state would allow it
        return super().handle_no_permission()

    def get_refusal_message(self, meeting) -> str:
        if not record_open(self.request.user, meeting):
            return super().get_refusal_message(meeting)
        if not before_the_meeting(self.request.user, meeting):
            return _(
                "The meeting has taken place: its briefings can no longer be changed by the "
                "institution. Ask the Kesbangpol operator."
            )
        return _(
            "Your institution's briefing for this meeting already exists; open it from the "
            "meeting page."
        )


class BriefingCreateView(BriefingRuleMixin, ServiceFormMixin, FormView):
    """Start an invited institution's briefing; its rows are entered on the edit screen."""

    permission_required = "briefings.can_add_briefing"
    role_permission = "briefings.add_briefing"
    form_class = BriefingCreateForm
    template_name = "briefings/briefing_form.html"
    success_message = _("The briefing has been created. Complete its indicators and risks.")

    @cached_property
    def meeting(self) -> Meeting:
        return meeting_get(pk=self.kwargs["meeting_pk"])

    def get_permission_object(self):
        return self.meeting

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        allowed = briefing_agency_ids_for(self.request.user, self.meeting)
        if allowed is not None:
            form.fields["agency"].queryset = form.fields["agency"].queryset.filter(pk__in=allowed)
            # Its own institution's officials only: another's would be refused on saving.
            form.fields["presenter"].queryset = form.fields["presenter"].queryset.filter(
                agency__in=allowed
            )
            if len(allowed) == 1 and not form.is_bound:
                form.initial["agency"] = next(iter(allowed))  # the liaison's own, the only one
        return form

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)

    def perform(self, form):
        self.chosen_template = form.cleaned_data["template"]
        return services.briefing_create(meeting=self.meeting, **form.service_arguments())

    def get_success_url(self):
        # A chosen template is not copied into the database here: the edit screen shows its
        # items as unsaved rows (?template=<id>) for the operator to complete, so no row is
        # saved without the status (and figures) the institution actually reported.
        url = reverse("briefings:update", args=[self.meeting.pk, self.object.pk])
        if self.chosen_template is not None:
            url += f"?template={self.chosen_template.pk}"
        return url


class BriefingUpdateView(BriefingRuleMixin, BriefingObjectMixin, TemplateView):
    """Edit a briefing with its indicator and risk rows in one form."""

    permission_required = "briefings.can_edit_briefing"
    role_permission = "briefings.change_briefing"
    template_name = "briefings/briefing_form.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            briefing=self.briefing, meeting=self.briefing.meeting, **kwargs
        )

    def get(self, request, *args, **kwargs):
        query = BriefingTemplateQueryForm(request.GET)
        template = query.cleaned_data["template"] if query.is_valid() else None
        prefill = []
        if template is not None:
            prefill = template_prefill(selectors.briefing_template_items(template=template))
        editor = BriefingEditForms(briefing=self.briefing, prefill=prefill)
        return self.render_to_response(
            self.get_context_data(editor=editor, prefill_template=template)
        )

    def post(self, request, *args, **kwargs):
        editor = BriefingEditForms(briefing=self.briefing, data=request.POST)
        if editor.is_valid():
            try:
                services.briefing_update(briefing=self.briefing, **editor.service_arguments())
            except StaleVersionError as error:
                return self.render_to_response(
                    self.get_context_data(editor=editor, stale_values=editor.form.show_stale(error))
                )
            except ValidationError as error:
                editor.add_service_errors(error)
            else:
                messages.success(request, _("The briefing has been saved."))
                return redirect(meeting_briefings_url(self.briefing.meeting_id))
        return self.render_to_response(self.get_context_data(editor=editor))


class BriefingDeleteView(BriefingRuleMixin, BriefingObjectMixin, ServiceFormMixin, FormView):
    """Ask, stating what goes with it, then delete a briefing."""

    permission_required = "briefings.can_delete_briefing"
    role_permission = "briefings.delete_briefing"
    form_class = forms.Form
    template_name = "briefings/briefing_confirm_delete.html"
    success_message = _("The briefing has been deleted.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            briefing=self.briefing,
            meeting=self.briefing.meeting,
            summary=selectors.briefing_deletion_summary(briefing=self.briefing),
            **kwargs,
        )

    def perform(self, form):
        services.briefing_delete(briefing=self.briefing)

    def get_success_url(self):
        return meeting_briefings_url(self.kwargs["meeting_pk"])


class BriefingDetailView(TemplateView):
    """A briefing as an attendee reads it: the text, the indicators and the risks."""

    template_name = "briefings/briefing_detail.html"

    def get_context_data(self, **kwargs):
        briefing = selectors.briefing_detail_get(
            meeting_pk=self.kwargs["meeting_pk"], pk=self.kwargs["pk"]
        )
        if not allows(self.request.user, "briefings.can_read_briefing", briefing):
            raise Http404
        return super().get_context_data(
            briefing=briefing,
            meeting=briefing.meeting,
            can_attach=allows(self.request.user, "briefings.can_edit_briefing", briefing),
            attachment_form=AttachmentForm(),
            **kwargs,
        )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File to attach"),
        help_text=_("PDF, PowerPoint, Excel, Word, JPEG or PNG; at most 20 MB."),
    )


class BriefingAttachmentMixin:
    """The briefing named by the URL, for users who may edit it."""

    def dispatch(self, request, *args, **kwargs):
        self.briefing = get_object_or_404(
            Briefing.objects.select_related("meeting", "agency"), pk=kwargs["briefing_pk"]
        )
        if not allows(request.user, "briefings.can_read_briefing", self.briefing):
            raise Http404
        if not allows(request.user, "briefings.can_edit_briefing", self.briefing):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def back(self):
        return redirect(
            reverse("briefings:detail", args=[self.briefing.meeting_id, self.briefing.pk])
            + "#attachments"
        )


class AttachmentUploadView(BriefingAttachmentMixin, View):
    def post(self, request, *args, **kwargs):
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.attachment_add(
                    briefing=self.briefing, upload=form.cleaned_data["file"], user=request.user
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The file was attached."))
                return self.back()
        # The briefing page again, the message next to the file field.
        briefing = selectors.briefing_detail_get(
            meeting_pk=self.briefing.meeting_id, pk=self.briefing.pk
        )
        return render(
            request,
            "briefings/briefing_detail.html",
            {
                "briefing": briefing,
                "meeting": briefing.meeting,
                "can_attach": True,
                "attachment_form": form,
            },
        )


class AttachmentDeleteView(BriefingAttachmentMixin, View):
    def post(self, request, *args, **kwargs):
        attachment = get_object_or_404(BriefingAttachment, pk=kwargs["pk"], briefing=self.briefing)
        try:
            services.attachment_delete(attachment=attachment)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The file was removed."))
        return self.back()


class AttachmentDownloadView(View):
    """The file, as an attachment (never shown inline), to whoever may read the briefing."""

    def get(self, request, *args, **kwargs):
        attachment = get_object_or_404(
            BriefingAttachment.objects.select_related("briefing__meeting"), pk=kwargs["pk"]
        )
        if not allows(request.user, "briefings.can_read_briefing", attachment.briefing):
            raise Http404
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.name,
            content_type=ATTACHMENT_TYPES[attachment.kind],
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


ATTACHMENT_TYPES = {
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "jpg": "image/jpeg",
    "png": "image/png",
}
