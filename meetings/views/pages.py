from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from accounts.rules import (
    allows,
    meetings_visible_to,
    permissions_digest,
    reads_whole_records,
    user_agency,
)
from pilkada_portal.pagination import CappedPaginator
from pilkada_portal.versioned import remembered, remembered_each

from .. import selectors
from ..filters import SUGGESTED, MeetingFilter, filter_suggestions
from ..models import Meeting
from .agenda import agenda_permissions

PAGE_SIZE = 20
SEARCH_CAP = 200  # ten pages


def _render_rows(meetings: list[Meeting]) -> dict[int, str]:
    # The rows not remembered: the meetings read whole, with their organizer and counts.
    full = selectors.meeting_list().filter(pk__in=[meeting.pk for meeting in meetings])
    return {
        meeting.pk: render_to_string("meetings/includes/_meeting_row.html", {"meeting": meeting})
        for meeting in selectors.meeting_page_counts(full)
    }


def meeting_rows(meetings) -> list[str]:
    """The rows of a page of meetings as HTML, each remembered under its meeting's version:
    only the rows of meetings changed since are read whole, counted and rendered again. The
    page itself needs only the meetings' ids and versions (selectors.meeting_keys). A row
    says nothing that depends on the reader; "today" and the language are in its key."""
    meetings = list(meetings)
    html = remembered_each(
        meetings, "list-row", get_language(), timezone.localdate(), compute=_render_rows
    )
    # Rendered by the template engine (escaped there); the cache may return a plain str. A
    # meeting deleted since the page was read has no row.
    return [mark_safe(html[meeting.pk]) for meeting in meetings if meeting.pk in html]


class MeetingListView(TemplateView):
    """Upcoming meetings, then past ones (paginated), filtered by text, dates, status..."""

    template_name = "meetings/meeting_list.html"

    def get_context_data(self, **kwargs):
        visible = meetings_visible_to(self.request.user, selectors.meeting_list())
        meeting_filter = MeetingFilter(self.request.GET or None, queryset=visible)
        valid = meeting_filter.is_valid()
        meetings = meeting_filter.qs if valid else visible
        # A text search is counted up to SEARCH_CAP: each row counted is tested against every
        # word, and a search that broad is narrowed, not paged through (the page says so).
        cap = SEARCH_CAP if valid and meeting_filter.form.cleaned_data.get("q") else None
        past = selectors.meeting_keys(selectors.meeting_list_past(meetings))
        upcoming = selectors.meeting_keys(selectors.meeting_list_upcoming(meetings))

        def query_without(name: str) -> str:
            query = self.request.GET.copy()
            query.pop(name, None)
            return query.urlencode()

        # Both lists are pages: a national deployment has thousands of upcoming meetings.
        # Each page is taken first, then its rows' attendance is counted.
        pages = {
            "upcoming": CappedPaginator(upcoming, PAGE_SIZE, cap=cap).get_page(
                self.request.GET.get("upcoming")
            ),
            "past_page": CappedPaginator(past, PAGE_SIZE, cap=cap).get_page(
                self.request.GET.get("page")
            ),
        }
        for page in pages.values():
            page.rows = meeting_rows(page.object_list)
        return super().get_context_data(
            filter=meeting_filter,
            form=meeting_filter.form,
            past_query=query_without("page"),
            upcoming_query=query_without("upcoming"),
            **pages,
            **kwargs,
        )


class MeetingDetailView(TemplateView):
    """The meeting page: schedule, venue, agenda, participants and briefings."""

    template_name = "meetings/meeting_detail.html"

    def own_draft_briefing(self, meeting):
        """A liaison's own briefing while still a draft (the page's shared part lists only
        submitted ones for readers outside the secretariat)."""
        user = self.request.user
        if allows(user, "meetings.can_see_history", meeting):
            return None  # staff see every briefing in the list
        agency = user_agency(user)
        if agency is None:
            return None
        return selectors.own_draft_briefing(meeting=meeting, agency=agency)

    def checklist(self, meeting) -> list[tuple[selectors.ChecklistItem, str]]:
        """The approval checklist for those who move the minutes, each item with the link
        to fix it where this user may use that screen."""
        user = self.request.user
        if meeting.is_final or not (
            allows(user, "meetings.can_submit_minutes", meeting)
            or allows(user, "meetings.can_review_minutes", meeting)
            or allows(user, "meetings.can_edit_meeting", meeting)
        ):
            return []
        return [
            (item, item.url if allows(user, item.rule, meeting) else "")
            for item in selectors.minutes_checklist(meeting=meeting)
        ]

    def get_context_data(self, **kwargs):
        meeting = selectors.meeting_page_get(pk=self.kwargs["pk"])
        user = self.request.user
        if not allows(user, "meetings.can_see_meeting", meeting):
            raise Http404
        if reads_whole_records(user):
            return super().get_context_data(**self.page_context(meeting), **kwargs)
        # An invitee's page: what it shows follows from the record (its version), the day,
        # the language, the reader's institution and roles, all of them in the key. It is
        # remembered whole, unless it carries a form's CSRF token (the reader's own).
        return super().get_context_data(
            meeting=meeting,
            # HTML the template engine rendered (and escaped) for this page.
            content_html=mark_safe(
                remembered(
                    meeting,
                    "reader-page",
                    get_language(),
                    timezone.localdate(),
                    getattr(user_agency(user), "pk", None),
                    permissions_digest(user),
                    self.request.get_full_path(),
                    compute=lambda: render_to_string(
                        "meetings/includes/_meeting_page.html",
                        self.page_context(meeting),
                        self.request,
                    ),
                    keep=lambda html: "csrfmiddlewaretoken" not in html,
                )
            ),
            **kwargs,
        )

    def page_context(self, meeting) -> dict:
        """What the page's content (meetings/includes/_meeting_page.html) shows."""
        user = self.request.user
        # The page's parts are cached by the template under the meeting's updated_at; the
        # detail (the expensive reads) is loaded only when a part has to be rendered again.
        detail = SimpleLazyObject(lambda: selectors.meeting_detail_get(meeting=meeting))
        # Those who edit the agenda get it with its buttons (and CSRF tokens), uncached: its
        # rows alone, not the whole detail (every invitation and person) behind the cache.
        agenda_rows = SimpleLazyObject(lambda: selectors.agenda_rows(meeting=meeting))
        agenda = agenda_permissions(user, meeting)
        staff = allows(user, "documents.can_read_documents", meeting)
        documents = [
            ("susunan-acara", _("Agenda (Susunan Acara)"), True),
            (
                "undangan",
                _("Invitation letter (Surat Undangan)"),
                allows(user, "documents.can_read_invitation", meeting),
            ),
            ("daftar-hadir", _("Attendance sheet (Daftar Hadir)"), staff),
            ("notula", _("Minutes (Notula)"), staff),
            ("laporan", _("Report of the meeting (Laporan Hasil Rakor)"), staff),
        ]
        checklist = self.checklist(meeting)
        return {
            "detail": detail,
            "agenda_rows": agenda_rows,
            "meeting": meeting,
            **agenda,
            "documents": documents,
            # The invitation's number is given (or recorded) by those who edit the meeting.
            "can_number_letter": allows(user, "meetings.can_edit_meeting", meeting),
            "can_export_attendance": allows(user, "attendance.can_export_attendance", meeting),
            # The whole record (draft minutes, every briefing): the organizer's staff and
            # supervisors; an invitee sees what is published.
            "reads_record": staff,
            # Read only where the workflow section is shown (staff, or a final record).
            "workflow_events": SimpleLazyObject(
                lambda: list(meeting.minutes_events.select_related("user"))
            ),
            "own_briefing": self.own_draft_briefing(meeting),
            "checklist": checklist,
            "checklist_complete": all(item.done for item, _url in checklist),
            "revisions": SimpleLazyObject(lambda: list(meeting.revisions.all())),
            # The add form is fetched when its section is opened (meetings:agenda_add, GET).
            "add_form": None,
        }


class FilterOptionsView(View):
    """The suggestions of a text filter of the meeting list, as the <datalist> it fills."""

    def get(self, request, field: str):
        if field not in SUGGESTED:
            raise Http404
        typed = request.GET.get(field, "")[:200]
        return render(
            request,
            "meetings/includes/_filter_options.html",
            {
                "field": field,
                "options": (
                    filter_suggestions(
                        field, typed, meetings=meetings_visible_to(request.user, Meeting.objects)
                    )
                    if typed.strip()
                    else []
                ),
            },
        )
