"""Elections: the list, and adding or correcting one (operators; the history is kept)."""

import rules
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from accounts.rules import user_agency
from pilkada_portal.history import record_changes
from pilkada_portal.pagination import CappedPaginator
from pilkada_portal.views import ServiceFormMixin

from .. import selectors, services
from ..forms import ElectionForm

PAGE_SIZE = 50


class ElectionListView(PermissionRequiredMixin, TemplateView):
    permission_required = "meetings.view_election"
    template_name = "meetings/election_list.html"

    def get_context_data(self, **kwargs):
        typed = self.request.GET.get("q", "")[:100]
        page = CappedPaginator(selectors.election_list(query=typed), PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        user = self.request.user
        return super().get_context_data(
            page=page,
            query=typed,
            editable={
                e.pk
                for e in page.object_list
                if rules.test_rule("meetings.can_change_election", user, e)
            },
            **kwargs,
        )


class ElectionCreateView(PermissionRequiredMixin, ServiceFormMixin, FormView):
    permission_required = "meetings.add_election"
    form_class = ElectionForm
    template_name = "meetings/election_form.html"

    @property
    def success_message(self):
        return _("The election “%(name)s” was added.") % {"name": self.object.name}

    def perform(self, form):
        return services.election_create(owner=user_agency(self.request.user), **form.cleaned_data)

    def get_success_url(self):
        return reverse("meetings:elections")


class ElectionUpdateView(PermissionRequiredMixin, ServiceFormMixin, FormView):
    """Correct an election (the staff of the organizer that registered it, or an
    administrator)."""

    permission_required = "meetings.change_election"
    form_class = ElectionForm
    template_name = "meetings/election_form.html"

    @cached_property
    def election(self):
        return selectors.election_get(pk=self.kwargs["pk"])

    def has_permission(self):
        return super().has_permission() and rules.test_rule(
            "meetings.can_change_election", self.request.user, self.election
        )

    @property
    def success_message(self):
        return _("The election “%(name)s” was saved.") % {"name": self.object.name}

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": selectors.election_get(pk=self.election.pk),
        }

    def perform(self, form):
        return services.election_update(election=self.election, **form.cleaned_data)

    def get_success_url(self):
        return reverse("meetings:elections")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            election=self.election, changes=record_changes(self.election), **kwargs
        )
