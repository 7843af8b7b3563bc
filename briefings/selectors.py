"""Reads for briefings: every query the briefing pages run is built here."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from agencies.models import Agency, Official
from meetings.models import AgendaItem, Meeting

from .models import Briefing, BriefingTemplate, BriefingTemplateItem


def briefing_get(*, meeting_pk: int, pk: int) -> Briefing:
    """One briefing of the meeting in the URL (404 for another meeting's briefing)."""
    return get_object_or_404(
        Briefing.objects.select_related("meeting", "agency", "agenda_item", "presenter"),
        meeting_id=meeting_pk,
        pk=pk,
    )


def briefing_detail_get(*, meeting_pk: int, pk: int) -> Briefing:
    """A briefing with its indicators and risks, in a fixed number of queries."""
    return get_object_or_404(
        Briefing.objects.select_related(
            "meeting", "agency", "agenda_item", "presenter"
        ).prefetch_related("indicators", "risks", "attachments"),
        meeting_id=meeting_pk,
        pk=pk,
    )


def briefing_list_for_meeting(*, meeting: Meeting, drafts: bool = True) -> list[Briefing]:
    """The meeting's briefings with their institution, indicators and risks.

    drafts=False leaves out those still in draft (for readers outside the secretariat),
    unless the minutes are final.
    """
    briefings = meeting.briefings.select_related("agency", "agenda_item", "presenter")
    if not drafts and not meeting.is_final:
        briefings = briefings.filter(status=Briefing.Status.SUBMITTED)
    return list(
        briefings.prefetch_related(
            Prefetch("indicators"), Prefetch("risks"), Prefetch("attachments")
        )
    )


def briefing_deletion_summary(*, briefing: Briefing) -> dict[str, int]:
    """What deleting the briefing would delete with it, to state it before asking."""
    return {"indicators": briefing.indicators.count(), "risks": briefing.risks.count()}


def briefing_agency_choices(*, meeting: Meeting) -> QuerySet[Agency]:
    """Institutions invited to the meeting that have no briefing in it yet."""
    return (
        Agency.objects.filter(participations__meeting=meeting)
        .exclude(briefings__meeting=meeting)
        .distinct()
        .order_by("name")
    )


def briefing_agenda_item_choices(*, meeting: Meeting) -> QuerySet[AgendaItem]:
    """The meeting's agenda items, in agenda order."""
    return AgendaItem.objects.filter(meeting=meeting).order_by("position")


def briefing_presenter_choices(*, meeting: Meeting) -> QuerySet[Official]:
    """Officials of the institutions invited to the meeting, with their institution."""
    return (
        Official.objects.filter(agency__participations__meeting=meeting)
        .select_related("agency")
        .distinct()
        .order_by("agency__name", "name")
    )


def briefing_template_list() -> QuerySet[BriefingTemplate]:
    """The briefing templates, in their display order."""
    return BriefingTemplate.objects.all()


def briefing_template_items(*, template: BriefingTemplate) -> list[BriefingTemplateItem]:
    """The indicator rows a template proposes, in order."""
    return list(template.items.order_by("position", "id"))
