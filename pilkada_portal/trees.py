"""Rows of a tree held by a `parent` foreign key (institutions, regions)."""


def subtree_ids(model, root_id: int) -> frozenset[int]:
    """The root and every row below it, at any depth: one query per level of the tree."""
    found, level = {root_id}, {root_id}
    while level:
        level = set(
            model.objects.filter(parent__in=level)
            .exclude(pk__in=found)
            .values_list("pk", flat=True)
        )
        found |= level
    return frozenset(found)
