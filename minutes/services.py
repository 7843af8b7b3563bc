"""The minutes lifecycle: draft -> in review -> final (or back to draft with a comment), and
corrections of final minutes as numbered revisions whose PDF is stored with its SHA-256."""

import datetime
import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.render import notula_final_pdf
from documents.seal import SealCheck, seal_check
from meetings.models import Meeting, MinutesEvent, MinutesStatus, NotulaRevision
from meetings.selectors import minutes_checklist
from pilkada_portal.writes import save_validated

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or retyped


def _lock(meeting: Meeting, expected: str) -> Meeting:
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if current.minutes_status != expected:
        raise ValidationError(
            _("The minutes are now “%(status)s”; reload the page.")
            % {"status": current.get_minutes_status_display()},
            code="status",
        )
    return current


def _move(current: Meeting, status: str, action: str, user: AbstractBaseUser, comment="") -> None:
    """Store the new status and the workflow event that says who moved it, and why."""
    current.minutes_status = status
    save_validated(current)
    save_validated(MinutesEvent(meeting=current, action=action, user=user, comment=comment))


@transaction.atomic
def minutes_submit(*, meeting: Meeting, user: AbstractBaseUser) -> Meeting:
    """The minute taker hands the draft to the chair for review, once the meeting's day has
    come."""
    current = _lock(meeting, MinutesStatus.DRAFT)
    if current.date > timezone.localdate():
        raise ValidationError(
            _("The meeting has not taken place yet: its minutes are submitted after it."),
            code="not_held",
        )
    profile = getattr(user, "profile", None)
    if current.minute_taker_id is None and profile is not None and profile.official_id:
        # The minute taker who submits signs the Notula, unless another was named.
        current.minute_taker = profile.official
    _move(current, MinutesStatus.IN_REVIEW, MinutesEvent.Action.SUBMITTED, user)
    return current


@transaction.atomic
def minutes_return(*, meeting: Meeting, user: AbstractBaseUser, comment: str) -> Meeting:
    """The chair sends the minutes back to draft, saying what to change (kept in the log)."""
    current = _lock(meeting, MinutesStatus.IN_REVIEW)
    _move(current, MinutesStatus.DRAFT, MinutesEvent.Action.RETURNED, user, comment.strip())
    return current


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def minutes_approve(
    *,
    meeting: Meeting,
    user: AbstractBaseUser,
    verify_url: str,
    seen: datetime.datetime | None = None,
) -> NotulaRevision:
    """The chair approves: the minutes become final and their Notula is stored as a revision.

    verify_url is the public verification address with "{code}" where the code goes; it is
    printed, with a QR code, on the PDF. `seen` is the record's `updated_at` on the page the
    chair approved from: a record changed since (and submitted again) is refused, so that
    nobody approves a text they have not seen.
    """
    current = _lock(meeting, MinutesStatus.IN_REVIEW)
    if seen is not None and current.updated_at != seen:
        raise ValidationError(
            _(
                "The meeting's record changed after this page was opened. Read it again "
                "before approving."
            ),
            code="changed",
        )
    missing = [item.label for item in minutes_checklist(meeting=current) if not item.done]
    if missing:
        raise ValidationError(
            _("The record is not complete yet. Still missing: %(missing)s.")
            % {"missing": "; ".join(missing)},
            code="incomplete",
        )
    last = current.revisions.aggregate(last=Max("number"))["last"] or 0
    reopened = current.minutes_events.filter(action=MinutesEvent.Action.REOPENED).last()
    code = _new_code()
    approved_at = timezone.now()
    content, signers = notula_final_pdf(
        current,
        code=code,
        url=verify_url.format(code=code),
        revision=last + 1,
        approved_at=approved_at,
    )
    revision = NotulaRevision(
        meeting=current,
        number=last + 1,
        code=code,
        sha256=hashlib.sha256(content).hexdigest(),
        reason=reopened.comment if (reopened and last) else "",
        approved_by=user,
        approved_at=approved_at,
        signers=signers,
    )
    revision.pdf.save(
        f"notula-{current.pk}-revisi-{last + 1}.pdf", ContentFile(content), save=False
    )
    save_validated(revision)
    _move(current, MinutesStatus.FINAL, MinutesEvent.Action.APPROVED, user)
    return revision


@transaction.atomic
def minutes_reopen(*, meeting: Meeting, user: AbstractBaseUser, reason: str) -> Meeting:
    """Open a correction of final minutes; approving it again makes the next revision."""
    current = _lock(meeting, MinutesStatus.FINAL)
    _move(current, MinutesStatus.DRAFT, MinutesEvent.Action.REOPENED, user, reason.strip())
    return current


def revision_verify(*, revision: NotulaRevision, content: bytes) -> bool:
    """Whether an uploaded file is, byte for byte, this stored final Notula."""
    return secrets.compare_digest(hashlib.sha256(content).hexdigest(), revision.sha256)


def revision_seal_check(*, revision: NotulaRevision) -> SealCheck:
    """What the stored file's portal seal says (not present for revisions approved before the
    deployment had a sealing certificate)."""
    try:
        with revision.pdf.open("rb") as stored:
            return seal_check(stored.read())
    except (FileNotFoundError, ValueError):
        return SealCheck(present=False)
