"""Rows of a long list rendered once for what they show."""

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

SECONDS = 3600


def rendered_rows(
    template_name: str, objects: Iterable, *, name: str, shown: Callable[[object], tuple]
) -> list[str]:
    """The HTML of each object's row (template_name, with the object as `name`), remembered
    under everything it shows: shown(object) returns every value the row template reads, so
    that a change to any of them is another key and a remembered row is never stale. The
    reader's language is part of the key; nothing else of the request may be in a row."""
    objects = list(objects)
    language = get_language()
    keys = [
        f"row:{template_name}:"
        + hashlib.sha256(repr((language, *shown(obj))).encode()).hexdigest()[:40]
        for obj in objects
    ]
    found = cache.get_many(keys)
    rendered = {
        key: render_to_string(template_name, {name: obj})
        for key, obj in zip(keys, objects, strict=True)
        if key not in found
    }
    if rendered:
        cache.set_many(rendered, SECONDS)
        found.update(rendered)
    # Rendered by the template engine (escaped there); the cache may return a plain str.
    return [mark_safe(found[key]) for key in keys]
