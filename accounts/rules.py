"""Who may do what, to which record: every access rule of the portal, defined once.

Views check these rules on their object (meetings.views.common.RuleRequiredMixin, `allows()`)
and templates ask the same ones (`{% test_rule "meetings.can_edit_meeting" user meeting as
can_edit %}`), so a screen never offers an action that the server refuses.

Roles give model permissions (accounts.roles); a rule adds the state of the record: nothing
in a meeting whose minutes are final changes (follow-up progress excepted), the minutes move
one step at a time, and a liaison writes only its own institution's briefing, before the
meeting. Liaisons and attendees (Profile.agency) see only the meetings their institution is
invited to; staff roles (meetings.view_meeting) see every meeting.

The predicates read the records they are given and import no app: this module sits below
meetings and briefings in the layers (docs/ARCHITECTURE.md).
"""

import rules
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

# --- Who the user is ----------------------------------------------------------------------


def user_agency(user):
    """The institution a liaison or attendee acts for (None for staff and unlinked users)."""
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return profile.agency if profile is not None else None


def role(permission: str) -> rules.Predicate:
    """Holds when one of the user's roles grants this model permission."""
    return rules.Predicate(lambda user: user.has_perm(permission), name=f"role:{permission}")


sees_all_meetings = role("meetings.view_meeting")
writes_any_briefing = role("meetings.change_meeting")


def meetings_visible_to(user, meetings: QuerySet) -> QuerySet:
    """The meetings of `meetings` that this user may open."""
    if sees_all_meetings(user):
        return meetings
    agency = user_agency(user)
    if agency is None:
        return meetings.none()
    # EXISTS, not a join with DISTINCT: the page of meetings is taken before anything else.
    participation = meetings.model._meta.get_field("participations").related_model
    return meetings.filter(
        Exists(participation.objects.filter(meeting=OuterRef("pk"), agency=agency))
    )


# --- The state of the record ----------------------------------------------------------------


def _meeting(obj):
    """The meeting of a meeting, a briefing or any row of a meeting's record."""
    return getattr(obj, "meeting", obj)


@rules.predicate
def is_invited(user, obj) -> bool:
    agency = user_agency(user)
    if agency is None:
        return False
    meeting = _meeting(obj)
    # A page asks this several times (its own check, then each rule its template tests):
    # answered once per request. The user object lives for one request.
    answers = user.__dict__.setdefault("_invited_to", {})
    if meeting.pk not in answers:
        answers[meeting.pk] = meeting.participations.filter(agency=agency).exists()
    return answers[meeting.pk]


@rules.predicate
def record_open(user, obj) -> bool:
    """The meeting's minutes are not final (as loaded: services check the stored state)."""
    return not _meeting(obj).is_final


@rules.predicate
def before_the_meeting(user, obj) -> bool:
    return _meeting(obj).date >= timezone.localdate()


@rules.predicate
def minutes_draft(user, obj) -> bool:
    return _meeting(obj).minutes_status == "draft"


@rules.predicate
def minutes_in_review(user, obj) -> bool:
    return _meeting(obj).minutes_status == "in_review"


@rules.predicate
def own_briefing(user, briefing) -> bool:
    agency = user_agency(user)
    return agency is not None and briefing.agency_id == agency.pk


@rules.predicate
def own_institution_has_no_briefing(user, meeting) -> bool:
    agency = user_agency(user)
    return agency is not None and not meeting.briefings.filter(agency=agency).exists()


can_see_meeting = sees_all_meetings | is_invited


@rules.predicate
def briefing_published(user, briefing) -> bool:
    """Submitted by its institution, or part of final minutes."""
    return briefing.status == "submitted" or briefing.meeting.is_final


# --- Meetings and their record (object: the meeting) ----------------------------------------

RULES = {
    "meetings.can_see_meeting": can_see_meeting,
    "meetings.can_edit_meeting": role("meetings.change_meeting") & record_open,
    "meetings.can_delete_meeting": role("meetings.delete_meeting") & record_open,
    "meetings.can_duplicate_meeting": role("meetings.add_meeting"),
    "meetings.can_see_history": role("meetings.view_meeting"),
    # The public agenda link: operators create, renew and stop it.
    "meetings.can_share_agenda": role("meetings.add_participation"),
    "meetings.can_add_agenda_item": role("meetings.add_agendaitem") & record_open,
    "meetings.can_edit_agenda": role("meetings.change_agendaitem") & record_open,
    "meetings.can_delete_agenda_item": role("meetings.delete_agendaitem") & record_open,
    "meetings.can_invite": role("meetings.add_participation") & record_open,
    "meetings.can_withdraw_invitation": role("meetings.delete_participation") & record_open,
    "meetings.can_record_attendance": role("meetings.change_participation") & record_open,
    "meetings.can_open_minutes": role("meetings.change_meeting") | role("meetings.change_followup"),
    "meetings.can_write_minutes": role("meetings.change_meeting") & record_open,
    "meetings.can_add_follow_up": role("meetings.add_followup") & record_open,
    # A follow-up's progress is tracked after the minutes are final (its text is not).
    "meetings.can_edit_follow_up": role("meetings.change_followup"),
    "meetings.can_delete_follow_up": role("meetings.delete_followup") & record_open,
    # --- The minutes workflow (object: the meeting) ---
    "meetings.can_submit_minutes": role("meetings.submit_minutes") & minutes_draft,
    "meetings.can_review_minutes": role("meetings.approve_minutes") & minutes_in_review,
    "meetings.can_reopen_minutes": role("meetings.revise_minutes") & ~record_open,
    # --- Documents (object: the meeting) ---
    "documents.can_read_agenda": can_see_meeting,
    "documents.can_read_documents": sees_all_meetings,
    # --- Briefings ---
    # object: the meeting. Staff who edit meetings start any institution's briefing; a liaison
    # starts its own institution's, once, before the meeting.
    "briefings.can_add_briefing": role("briefings.add_briefing")
    & record_open
    & (writes_any_briefing | (is_invited & before_the_meeting & own_institution_has_no_briefing)),
    # object: the briefing. A draft is read by the secretariat and its own institution.
    "briefings.can_read_briefing": sees_all_meetings
    | (is_invited & (own_briefing | briefing_published)),
    "briefings.can_edit_briefing": role("briefings.change_briefing")
    & record_open
    & (writes_any_briefing | (is_invited & own_briefing & before_the_meeting)),
    "briefings.can_delete_briefing": role("briefings.delete_briefing")
    & record_open
    & (writes_any_briefing | (is_invited & own_briefing & before_the_meeting)),
}

for _name, _predicate in RULES.items():
    rules.add_rule(_name, _predicate)


def allows(user, rule: str, obj=None) -> bool:
    """Whether the rule holds for this user and object.

    Rules, not permissions: Django answers every has_perm() of a superuser with yes, while an
    administrator, too, cannot approve minutes that are not in review or edit a final record.
    """
    return rules.test_rule(rule, user, obj)


def briefing_agency_ids_for(user) -> set[int] | None:
    """Institutions whose briefing this user may start: None for any, else only its own."""
    if writes_any_briefing(user):
        return None
    agency = user_agency(user)
    return {agency.pk} if agency is not None else set()
