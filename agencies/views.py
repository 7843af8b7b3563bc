import rules
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import ProtectedError
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from pilkada_portal.deletion import protected_error_message
from pilkada_portal.history import record_changes
from pilkada_portal.pagination import CappedPaginator
from pilkada_portal.rows import rendered_rows
from pilkada_portal.views import ServiceFormMixin

from . import selectors, services
from .fields import region_label
from .filters import AgencyFilter, region_suggestions
from .forms import AgencyForm, ConfirmDeleteForm, OfficialForm, RegionForm
from .storage import logo_storage

PAGE_SIZE = 50


def agency_row_shows(agency) -> tuple:
    """Everything a row of the institution list shows (_agency_row.html)."""
    region = agency.region
    return (
        agency.pk,
        agency.name,
        agency.short_name,
        agency.kind,
        agency.head_title,
        str(region) if region else "",
        agency.official_count,
        agency.meeting_count,
    )


class AgencyListView(PermissionRequiredMixin, TemplateView):
    """All institutions by kind and name, filtered by text, kind and region, 50 to a page."""

    # The directory is for staff; liaisons and attendees see only their meetings.
    permission_required = "agencies.view_agency"

    template_name = "agencies/agency_list.html"

    def get_context_data(self, **kwargs):
        # Values that do not validate are left out of the filtering; the form shows their errors.
        filterset = AgencyFilter(self.request.GET or None, queryset=selectors.agency_list())
        page = CappedPaginator(filterset.qs, PAGE_SIZE).get_page(self.request.GET.get("page"))
        page.rows = rendered_rows(
            "agencies/includes/_agency_row.html",
            page.object_list,
            name="agency",
            shown=agency_row_shows,
        )
        return super().get_context_data(
            filterset=filterset,
            form=filterset.form,
            page=page,
            filtered=any(self.request.GET.get(name) for name in filterset.filters),
            **kwargs,
        )


class AgencyDetailView(PermissionRequiredMixin, TemplateView):
    """An institution's page: contact details, officials and the meetings it was invited to."""

    # The directory is for staff; liaisons and attendees see only their meetings.
    permission_required = "agencies.view_agency"

    template_name = "agencies/agency_detail.html"

    def get_context_data(self, **kwargs):
        detail = selectors.agency_detail_get(pk=self.kwargs["pk"])
        user = self.request.user
        can_change = rules.test_rule("agencies.can_change_agency", user, detail.agency)
        return super().get_context_data(
            detail=detail,
            agency=detail.agency,
            can_change=can_change,
            can_change_officials=can_change and user.has_perm("agencies.change_official"),
            can_delete_officials=can_change and user.has_perm("agencies.delete_official"),
            **kwargs,
        )


class AgencyLogoView(PermissionRequiredMixin, View):
    """An institution's logo, for whoever may read the directory (agencies.storage: uploads
    are not public files)."""

    permission_required = "agencies.view_agency"

    def get(self, request, *args, **kwargs):
        name = kwargs["name"]
        if not selectors.logo_in_use(name=name):
            raise Http404
        try:
            return FileResponse(logo_storage().open(name, "rb"))
        except FileNotFoundError:
            raise Http404 from None


class DeleteServiceMixin(ServiceFormMixin):
    """A confirmation page whose POST calls a delete service.

    A delete refused by on_delete=PROTECT shows the same page again with the reason (what
    still uses the object); the service's transaction rolled back, so nothing is deleted.
    """

    form_class = ConfirmDeleteForm

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError as error:
            form.add_error(None, protected_error_message(error))
            return self.form_invalid(form)


# --- Institutions -----------------------------------------------------------------------


class RegistryOwnerMixin:
    """After the role's permission: the institution (self.agency) is changed only by the staff
    of the organizer that registered it, or an administrator (accounts.rules)."""

    def has_permission(self):
        return super().has_permission() and rules.test_rule(
            "agencies.can_change_agency", self.request.user, self.agency
        )


class AgencyMixin:
    """The institution named by the URL's `pk` (404 if there is none)."""

    @cached_property
    def agency(self):
        return selectors.agency_get(pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("agencies:detail", args=[self.agency.pk])


class AgencyCreateView(PermissionRequiredMixin, ServiceFormMixin, FormView):
    """Add an institution."""

    permission_required = "agencies.add_agency"
    form_class = AgencyForm
    template_name = "agencies/agency_form.html"

    @property
    def success_message(self):
        return _("The institution “%(name)s” was added.") % {"name": self.object.name}

    def perform(self, form):
        # Registered by the organizer the user acts for (its staff may change it later).
        profile = getattr(self.request.user, "profile", None)
        return services.agency_create(
            owner=profile.agency if profile else None, **form.service_fields()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(cancel_url=reverse("agencies:list"), **kwargs)

    def get_success_url(self):
        return reverse("agencies:detail", args=[self.object.pk])


class AgencyUpdateView(
    RegistryOwnerMixin, PermissionRequiredMixin, AgencyMixin, ServiceFormMixin, FormView
):
    """Edit an institution."""

    permission_required = "agencies.change_agency"
    form_class = AgencyForm
    template_name = "agencies/agency_form.html"

    @property
    def success_message(self):
        return _("The institution “%(name)s” was saved.") % {"name": self.object.name}

    def get_form_kwargs(self):
        # The form edits its own copy, so the page keeps the stored name while it shows errors.
        return {**super().get_form_kwargs(), "instance": selectors.agency_get(pk=self.agency.pk)}

    def perform(self, form):
        return services.agency_update(
            agency=form.instance, expected_version=form.expected_version, **form.service_fields()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            agency=self.agency, cancel_url=self.get_success_url(), **kwargs
        )


class AgencyDeleteView(
    RegistryOwnerMixin, PermissionRequiredMixin, AgencyMixin, DeleteServiceMixin, FormView
):
    """Delete an institution and its officials, after stating what goes with it."""

    permission_required = "agencies.delete_agency"
    template_name = "agencies/agency_confirm_delete.html"

    @property
    def success_message(self):
        return _("The institution “%(name)s” and its officials were deleted.") % {
            "name": self.agency.name
        }

    def perform(self, form):
        services.agency_delete(agency=self.agency)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            agency=self.agency,
            officials=selectors.official_list(agency=self.agency),
            cancel_url=reverse("agencies:detail", args=[self.agency.pk]),
            **kwargs,
        )

    def get_success_url(self):
        return reverse("agencies:list")


# --- Officials --------------------------------------------------------------------------


class OfficialMixin:
    """The official named by the URL (`agency_pk`, `pk`); the page returns to the institution."""

    @cached_property
    def official(self):
        return selectors.official_get(agency_pk=self.kwargs["agency_pk"], pk=self.kwargs["pk"])

    @property
    def agency(self):
        return self.official.agency

    def get_success_url(self):
        return reverse("agencies:detail", args=[self.agency.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            agency=self.agency, official=self.official, cancel_url=self.get_success_url(), **kwargs
        )


class OfficialCreateView(RegistryOwnerMixin, PermissionRequiredMixin, ServiceFormMixin, FormView):
    """Add an official to the institution named by the URL."""

    permission_required = "agencies.add_official"
    form_class = OfficialForm
    template_name = "agencies/official_form.html"

    @property
    def success_message(self):
        return _("%(name)s was added to the officials.") % {"name": self.object.full_name}

    @cached_property
    def agency(self):
        return selectors.agency_get(pk=self.kwargs["agency_pk"])

    def perform(self, form):
        return services.official_create(agency=self.agency, **form.cleaned_data)

    def get_success_url(self):
        return reverse("agencies:detail", args=[self.agency.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            agency=self.agency, cancel_url=self.get_success_url(), **kwargs
        )


class OfficialUpdateView(
    RegistryOwnerMixin, PermissionRequiredMixin, OfficialMixin, ServiceFormMixin, FormView
):
    """Edit an official."""

    permission_required = "agencies.change_official"
    form_class = OfficialForm
    template_name = "agencies/official_form.html"

    @property
    def success_message(self):
        return _("The details of %(name)s were saved.") % {"name": self.object.full_name}

    def get_form_kwargs(self):
        # The form edits its own copy, so the page keeps the stored name while it shows errors.
        official = selectors.official_get(agency_pk=self.agency.pk, pk=self.official.pk)
        return {**super().get_form_kwargs(), "instance": official}

    def perform(self, form):
        return services.official_update(
            official=form.instance, expected_version=form.expected_version, **form.cleaned_data
        )


class OfficialDeleteView(
    RegistryOwnerMixin, PermissionRequiredMixin, OfficialMixin, DeleteServiceMixin, FormView
):
    """Delete an official, unless a meeting, invitation or briefing still names them."""

    permission_required = "agencies.delete_official"
    template_name = "agencies/official_confirm_delete.html"

    @property
    def success_message(self):
        return _("%(name)s was deleted from the officials.") % {"name": self.official.full_name}

    def perform(self, form):
        services.official_delete(official=self.official)


class RegionOptionsView(PermissionRequiredMixin, View):
    """Suggestions of the institution list's region filter, as the <datalist> it fills."""

    permission_required = "agencies.view_agency"

    def get(self, request):
        # The list filter and the forms' region fields ("region", a region's "parent").
        typed = (request.GET.get("region") or request.GET.get("parent") or "")[:100]
        options = [(region_label(r), str(r)) for r in region_suggestions(typed)]
        return render(request, "agencies/includes/_region_options.html", {"options": options})


# --- Regions ------------------------------------------------------------------------------


class RegionListView(PermissionRequiredMixin, TemplateView):
    """The Kemendagri regions (shipped) and those typed by hand, searched by code or name."""

    permission_required = "agencies.view_region"
    template_name = "agencies/region_list.html"

    def get_context_data(self, **kwargs):
        typed = self.request.GET.get("q", "")[:100]
        regions = selectors.region_search(query=typed)
        page = CappedPaginator(regions, PAGE_SIZE).get_page(self.request.GET.get("page"))
        user = self.request.user
        return super().get_context_data(
            page=page,
            query=typed,
            editable={
                r.pk
                for r in page.object_list
                if rules.test_rule("agencies.can_change_region", user, r)
            },
            **kwargs,
        )


class RegionCreateView(PermissionRequiredMixin, ServiceFormMixin, FormView):
    """Add a kecamatan or desa/kelurahan that the shipped list does not have."""

    permission_required = "agencies.add_region"
    form_class = RegionForm
    template_name = "agencies/region_form.html"

    @property
    def success_message(self):
        return _("The region “%(name)s” was added.") % {"name": self.object}

    def perform(self, form):
        profile = getattr(self.request.user, "profile", None)
        return services.region_create(
            owner=profile.agency if profile else None, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("agencies:regions") + f"?q={self.object.name}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(cancel_url=reverse("agencies:regions"), **kwargs)


class RegionUpdateView(PermissionRequiredMixin, ServiceFormMixin, FormView):
    """Correct a region typed by hand (its organizer's staff, or an administrator)."""

    permission_required = "agencies.change_region"
    form_class = RegionForm
    template_name = "agencies/region_form.html"

    @cached_property
    def region(self):
        return selectors.region_get(pk=self.kwargs["pk"])

    def has_permission(self):
        return super().has_permission() and rules.test_rule(
            "agencies.can_change_region", self.request.user, self.region
        )

    @property
    def success_message(self):
        return _("The region “%(name)s” was saved.") % {"name": self.object}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": selectors.region_get(pk=self.region.pk)}

    def perform(self, form):
        return services.region_update(region=self.region, **form.cleaned_data)

    def get_success_url(self):
        return reverse("agencies:regions") + f"?q={self.object.name}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            region=self.region,
            cancel_url=reverse("agencies:regions"),
            changes=record_changes(self.region),
            **kwargs,
        )


class PickView(PermissionRequiredMixin, View):
    """Suggestions of an institution or official picker (agencies.pickers), as the <datalist>
    the field swaps in: for those who read the registry (the forms with pickers are theirs)."""

    permission_required = "agencies.view_agency"

    def get(self, request, kind):
        from .pickers import KINDS, LIST_ID, suggestions

        list_id = request.GET.get("list", "")
        if kind not in KINDS or not LIST_ID.match(list_id):
            raise Http404
        typed = next((v for k, v in request.GET.items() if k != "list"), "")
        options = [(label, "") for label in suggestions(kind, typed)]
        return render(
            request,
            "agencies/includes/_pick_options.html",
            {"options": options, "list_id": list_id},
        )
