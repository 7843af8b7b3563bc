"""Who may do what, to which record: every access rule of the portal, defined once.

Views check these rules on their object (meetings.views.common.RuleRequiredMixin, `allows()`)
and templates ask the same ones (`{% test_rule "meetings.can_edit_meeting" user meeting as
can_edit %}`), so a screen never offers an action that the server refuses.

Roles give model permissions (accounts.roles); a rule adds whose record it is and its state.

The tenancy rule (docs/ARCHITECTURE.md): every account acts for one institution
(Profile.agency). Staff (operator, notulis, pimpinan) see and change the meetings organized by
their institution or by an institution under it (Agency.parent, any depth: a Kesbangpol's
staff also serve a bidang registered under it). A supervisor reads, never changes, the
meetings of every organizer in its institution's region (that region and the regions inside
it; all of them for a national institution). Liaisons, attendees and staff whose institution is
invited see that meeting as an invitee. Administrators (superusers) see everything. A pimpinan
approves minutes of their organizer's meetings only when they chair the meeting
(Profile.official) or are designated as approver (Profile.approves_minutes).

Beyond that: nothing in a meeting whose minutes are final changes (follow-up progress
excepted), the minutes move one step at a time, and a liaison writes only its own
institution's briefing, before the meeting.

The predicates read the records they are given and import no app: this module sits below
meetings and briefings in the layers (docs/ARCHITECTURE.md).
"""

import hashlib

import rules
from django.apps import apps
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from pilkada_portal.trees import subtree_ids
from pilkada_portal.versioned import remembered

# --- Who the user is ----------------------------------------------------------------------


def _memo(user, key: str, compute):
    """One answer per request: the user object lives for one request."""
    cache = user.__dict__.setdefault("_rule_memo", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def user_agency(user):
    """The institution the user acts for (None for administrators and unlinked accounts):
    read once per request, with the profile, in one query."""
    if not user.is_authenticated:
        return None

    def load():
        from .models import Profile

        # One row by a unique key: no ORDER BY (Profile's ordering would join the users).
        profile = Profile.objects.select_related("agency").filter(user=user).order_by().first()
        if profile is None:
            return None
        user.profile = profile  # the rules below read it too (official, approver)
        return profile.agency

    return _memo(user, "agency", load)


def _role_permissions(user) -> frozenset[str] | None:
    """The user's permissions, read once per request; None for an administrator, who has
    them all. The backends grant nothing beyond this set (PortalBackend, a ModelBackend;
    axes only refuses logins); Django itself keeps it on the user object, which lives for
    one request."""
    if not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    return _memo(user, "permissions", lambda: frozenset(user.get_all_permissions()))


def has_role_permission(user, permission: str) -> bool:
    """user.has_perm(permission), from _role_permissions: a page tests dozens of rules, and
    each has_perm() goes through every authentication backend."""
    permissions = _role_permissions(user)
    return permissions is None or permission in permissions


def permissions_digest(user) -> str:
    """A short digest of the user's permissions, for cache keys of what their roles decide."""
    permissions = _role_permissions(user)
    if permissions is None:
        return "superuser"
    return hashlib.sha256("\n".join(sorted(permissions)).encode()).hexdigest()[:16]


def role(permission: str) -> rules.Predicate:
    """Holds when one of the user's roles grants this model permission."""
    return rules.Predicate(
        lambda user: has_role_permission(user, permission), name=f"role:{permission}"
    )


def is_supervisor(user) -> bool:
    """The supervisor role (its own permission; an administrator is not one)."""
    return (
        user.is_authenticated
        and not user.is_superuser
        and has_role_permission(user, "meetings.supervise_meetings")
    )


def organizer_ids(user) -> frozenset[int]:
    """The institutions whose meetings this user works on as staff: its own and every one
    registered under it. Empty for roles that are not staff and for a supervisor."""
    if not user.is_authenticated or not has_role_permission(user, "meetings.view_meeting"):
        return frozenset()
    if is_supervisor(user):
        return frozenset()
    agency = user_agency(user)
    if agency is None:
        return frozenset()

    return _memo(
        user, "organizer_ids", lambda: subtree_ids(apps.get_model("agencies", "Agency"), agency.pk)
    )


def supervised_region_ids(user) -> frozenset[int] | None:
    """The regions whose organizers' meetings a supervisor reads: None for all of them (a
    national institution), empty when the user supervises nothing."""
    if not is_supervisor(user):
        return frozenset()
    agency = user_agency(user)
    if agency is None:
        return frozenset()
    if agency.level == "nasional":
        return None
    if agency.region_id is None:
        return frozenset()

    # provinsi > kabupaten/kota > kecamatan > desa: at most four queries
    return _memo(
        user,
        "supervised_regions",
        lambda: subtree_ids(apps.get_model("agencies", "Region"), agency.region_id),
    )


def reads_whole_records(user) -> bool:
    """Staff of an organizer, supervisors and administrators read the whole record of the
    meetings they see (drafts, every institution's parts); invitees read what is published."""
    return user.is_superuser or bool(organizer_ids(user)) or is_supervisor(user)


def meetings_visible_to(user, meetings: QuerySet) -> QuerySet:
    """The meetings of `meetings` that this user may open (the tenancy rule above)."""
    if not user.is_authenticated:
        return meetings.none()
    if user.is_superuser:
        return meetings
    visible = Q(pk__in=[])
    staff = organizer_ids(user)
    if staff:
        visible |= Q(organizer__in=staff)
    if is_supervisor(user):
        regions = supervised_region_ids(user)
        if regions is None:
            return meetings
        own = user_agency(user)
        if regions:
            visible |= Q(organizer__region__in=regions)
        if own is not None:
            visible |= Q(organizer=own)
    agency = user_agency(user)
    if agency is not None:
        participation = meetings.model._meta.get_field("participations").related_model
        invitations = participation.objects.filter(agency=agency)
        if visible == Q(pk__in=[]):
            # Invitations only (liaisons, attendees): EXISTS, not a join with DISTINCT, so
            # that the page of meetings is taken before anything else.
            visible = Q(Exists(invitations.filter(meeting=OuterRef("pk"))))
        else:
            # Staff: "own organizer OR EXISTS(...)" cannot use an index and reads every meeting
            # of a national deployment (10 ms); the meetings the institution is invited to,
            # read first through participation_agency_idx, leave two indexed conditions.
            invited = list(invitations.values_list("meeting_id", flat=True)[:INVITED_IDS])
            if len(invited) < INVITED_IDS:
                visible |= Q(pk__in=invited)
            else:
                visible |= Q(Exists(invitations.filter(meeting=OuterRef("pk"))))
    return meetings.filter(visible)


# More invitations than this (a national body invited everywhere) are matched by EXISTS.
INVITED_IDS = 2000


# --- The state of the record ----------------------------------------------------------------


def _meeting(obj):
    """The meeting of a meeting, a briefing or any row of a meeting's record."""
    return getattr(obj, "meeting", obj)


@rules.predicate
def acts_for_organizer(user, obj) -> bool:
    """The meeting is organized by an institution the user works for as staff."""
    if user.is_superuser:
        return True
    return obj is not None and _meeting(obj).organizer_id in organizer_ids(user)


@rules.predicate
def supervises(user, obj) -> bool:
    """A supervisor's reading right over the meetings of organizers in its region."""
    if obj is None or not is_supervisor(user):
        return False
    meeting = _meeting(obj)
    regions = supervised_region_ids(user)
    if regions is None:
        return True
    own = user_agency(user)
    if own is not None and meeting.organizer_id == own.pk:
        return True
    return meeting.organizer.region_id in regions


@rules.predicate
def approves_this_meeting(user, obj) -> bool:
    """The pimpinan chairs this meeting or approves every meeting of the organizer."""
    if user.is_superuser:
        return True
    profile = getattr(user, "profile", None)
    if profile is None:
        return False
    return profile.approves_minutes or (
        profile.official_id is not None and profile.official_id == _meeting(obj).chair_id
    )


@rules.predicate
def is_invited(user, obj) -> bool:
    agency = user_agency(user)
    if agency is None or obj is None:
        return False
    meeting = _meeting(obj)
    # A page asks this several times (its own check, then each rule its template tests):
    # answered once per request. The user object lives for one request.
    answers = user.__dict__.setdefault("_invited_to", {})
    if meeting.pk not in answers:
        # Invitations are part of the meeting's record: remembered under its version.
        answers[meeting.pk] = remembered(
            meeting,
            "invited",
            agency.pk,
            compute=lambda: meeting.participations.filter(agency=agency).exists(),
        )
    return answers[meeting.pk]


@rules.predicate
def record_open(user, obj) -> bool:
    """The meeting's minutes are not final (as loaded: services check the stored state)."""
    return not _meeting(obj).is_final


@rules.predicate
def before_the_meeting(user, obj) -> bool:
    return _meeting(obj).date >= timezone.localdate()


@rules.predicate
def meeting_has_begun(user, obj) -> bool:
    """The meeting's day has come: minutes are submitted for a meeting that took place."""
    return _meeting(obj).date <= timezone.localdate()


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


def staff(permission: str) -> rules.Predicate:
    """The role grants the permission and the meeting is the user's organizer's."""
    return role(permission) & acts_for_organizer


staff_sees_meeting = staff("meetings.view_meeting")
writes_any_briefing = staff("meetings.change_meeting")
reads_whole_record = staff_sees_meeting | supervises
can_see_meeting = reads_whole_record | is_invited


@rules.predicate
def responsible_for(user, follow_up) -> bool:
    """The follow-up is the user's own institution's to carry out."""
    agency = user_agency(user)
    return agency is not None and follow_up.responsible_agency_id == agency.pk


@rules.predicate
def agreed(user, follow_up) -> bool:
    """Its meeting's minutes are approved: what was agreed is published."""
    return follow_up.meeting.is_final


@rules.predicate
def letter_confidential(user, meeting) -> bool:
    """The invitation is marked Rahasia or Sangat Rahasia."""
    return meeting.letter_is_confidential


@rules.predicate
def briefing_published(user, briefing) -> bool:
    """Submitted by its institution, or part of final minutes."""
    return briefing.status == "submitted" or briefing.meeting.is_final


# --- Meetings and their record (object: the meeting) ----------------------------------------

RULES = {
    "meetings.can_see_meeting": can_see_meeting,
    "meetings.can_edit_meeting": staff("meetings.change_meeting") & record_open,
    "meetings.can_delete_meeting": staff("meetings.delete_meeting") & record_open,
    "meetings.can_duplicate_meeting": staff("meetings.add_meeting"),
    "meetings.can_see_history": reads_whole_record,
    # The public agenda link: operators create, renew and stop it.
    "meetings.can_share_agenda": staff("meetings.add_participation"),
    "meetings.can_add_agenda_item": staff("meetings.add_agendaitem") & record_open,
    "meetings.can_edit_agenda": staff("meetings.change_agendaitem") & record_open,
    "meetings.can_delete_agenda_item": staff("meetings.delete_agendaitem") & record_open,
    "meetings.can_invite": staff("meetings.add_participation") & record_open,
    "meetings.can_withdraw_invitation": staff("meetings.delete_participation") & record_open,
    "meetings.can_order_invitations": staff("meetings.change_participation") & record_open,
    "meetings.can_record_attendance": staff("meetings.change_participation") & record_open,
    "meetings.can_open_minutes": staff("meetings.change_meeting")
    | staff("meetings.change_followup"),
    "meetings.can_write_minutes": staff("meetings.change_meeting") & record_open,
    "meetings.can_add_follow_up": staff("meetings.add_followup") & record_open,
    # A follow-up's progress is tracked after the minutes are final (its text is not).
    "meetings.can_edit_follow_up": staff("meetings.change_followup"),
    "meetings.can_delete_follow_up": staff("meetings.delete_followup") & record_open,
    # Across the series (object: the follow-up). Its institution reads and reports on it
    # once the minutes that agreed it are approved; the organizer's staff at any time.
    "meetings.can_read_follow_up": reads_whole_record
    | (role("meetings.view_followup") & responsible_for & agreed),
    "meetings.can_report_progress": staff("meetings.add_followupprogress")
    | (role("meetings.report_followupprogress") & responsible_for & agreed),
    # Object: the later meeting at which earlier follow-ups are reviewed.
    "meetings.can_review_follow_ups": staff("meetings.add_followupprogress") & record_open,
    # --- The minutes workflow (object: the meeting) ---
    "meetings.can_submit_minutes": staff("meetings.submit_minutes")
    & minutes_draft
    & meeting_has_begun,
    "meetings.can_review_minutes": staff("meetings.approve_minutes")
    & approves_this_meeting
    & minutes_in_review,
    "meetings.can_reopen_minutes": staff("meetings.revise_minutes") & ~record_open,
    # The people present as a table, phone numbers included: the organizer's own staff.
    "attendance.can_export_attendance": staff_sees_meeting,
    # --- Documents (object: the meeting) ---
    "documents.can_read_agenda": can_see_meeting,
    "documents.can_read_documents": reads_whole_record,
    # A secret invitation: the organizer's own staff only (not supervisors, not invitees).
    "documents.can_read_invitation": reads_whole_record
    & (~letter_confidential | staff_sees_meeting),
    # --- Briefings ---
    # object: the meeting. Staff who edit meetings start any institution's briefing; a liaison
    # starts its own institution's, once, before the meeting.
    "briefings.can_add_briefing": role("briefings.add_briefing")
    & record_open
    & (writes_any_briefing | (is_invited & before_the_meeting & own_institution_has_no_briefing)),
    # object: the briefing. A draft is read by the secretariat and its own institution.
    "briefings.can_read_briefing": reads_whole_record
    | (is_invited & (own_briefing | briefing_published)),
    "briefings.can_edit_briefing": role("briefings.change_briefing")
    & record_open
    & (writes_any_briefing | (is_invited & own_briefing & before_the_meeting)),
    "briefings.can_delete_briefing": role("briefings.delete_briefing")
    & record_open
    & (writes_any_briefing | (is_invited & own_briefing & before_the_meeting)),
}


@rules.predicate
def agency_editable_by(user, agency) -> bool:
    """An institution (and its officials) is changed by the staff of the organizer that
    registered it, or by an administrator; every signed-in user reads the registry."""
    if user.is_superuser:
        return True
    return agency.owner_id is not None and agency.owner_id in organizer_ids(user)


@rules.predicate
def owned_record_editable_by(user, record) -> bool:
    """The same for an election or a region typed by hand (shipped regions: administrators)."""
    if user.is_superuser:
        return True
    return record.owner_id is not None and record.owner_id in organizer_ids(user)


RULES["agencies.can_change_agency"] = agency_editable_by
RULES["agencies.can_change_region"] = owned_record_editable_by
RULES["meetings.can_change_election"] = owned_record_editable_by

for _name, _predicate in RULES.items():
    rules.add_rule(_name, _predicate)


def allows(user, rule: str, obj=None) -> bool:
    """Whether the rule holds for this user and object.

    Rules, not permissions: Django answers every has_perm() of a superuser with yes, while an
    administrator, too, cannot approve minutes that are not in review or edit a final record.
    """
    return rules.test_rule(rule, user, obj)


def briefing_agency_ids_for(user, meeting) -> set[int] | None:
    """Institutions whose briefing this user may start: None for any, else only its own."""
    if writes_any_briefing(user, meeting):
        return None
    agency = user_agency(user)
    return {agency.pk} if agency is not None else set()
