"""The latest changes of one record, as the edit pages of elections and regions list them."""

HISTORY_ROWS = 20


def record_changes(record, limit: int = HISTORY_ROWS) -> list:
    """The record's latest historical rows, newest first, each with `changed_fields`: the
    verbose names of the fields that differ from the row before it."""
    rows = list(
        record.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    for newer, older in zip(rows, [*rows[1:], None], strict=True):
        if older is None:
            newer.changed_fields = []
            continue
        delta = newer.diff_against(older)
        newer.changed_fields = [
            str(record._meta.get_field(change.field).verbose_name) for change in delta.changes
        ]
    return rows[:limit]
