from django.core.paginator import Paginator
from django.views.generic import TemplateView

from . import selectors
from .forms import MeetingSearchForm

PAST_PAGE_SIZE = 20


class MeetingListView(TemplateView):
    """Upcoming meetings, then past ones (paginated), optionally filtered by a search text."""

    template_name = "meetings/meeting_list.html"

    def get_context_data(self, **kwargs):
        form = MeetingSearchForm(self.request.GET or None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        meetings = selectors.meeting_list(query=query)
        past = selectors.meeting_list_past(meetings)
        return super().get_context_data(
            form=form,
            query=query,
            upcoming=selectors.meeting_list_upcoming(meetings),
            past_page=Paginator(past, PAST_PAGE_SIZE).get_page(self.request.GET.get("page")),
            **kwargs,
        )


class MeetingDetailView(TemplateView):
    """The meeting page: schedule, venue, agenda, participants and briefings."""

    template_name = "meetings/meeting_detail.html"

    def get_context_data(self, **kwargs):
        detail = selectors.meeting_detail_get(pk=self.kwargs["pk"])
        return super().get_context_data(detail=detail, meeting=detail.meeting, **kwargs)
