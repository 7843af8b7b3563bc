from django.views.generic import TemplateView

from . import selectors
from .forms import AgencySearchForm


class AgencyListView(TemplateView):
    """All institutions, grouped by kind, optionally filtered by a search text."""

    template_name = "agencies/agency_list.html"

    def get_context_data(self, **kwargs):
        form = AgencySearchForm(self.request.GET or None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        groups = selectors.agency_groups(selectors.agency_list(query=query))
        return super().get_context_data(form=form, query=query, groups=groups, **kwargs)


class AgencyDetailView(TemplateView):
    """An institution's page: contact details, officials and the meetings it was invited to."""

    template_name = "agencies/agency_detail.html"

    def get_context_data(self, **kwargs):
        detail = selectors.agency_detail_get(pk=self.kwargs["pk"])
        return super().get_context_data(detail=detail, agency=detail.agency, **kwargs)
