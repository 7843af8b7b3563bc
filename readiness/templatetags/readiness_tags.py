from django import template

from briefings.models import ReadinessIndicator

register = template.Library()
_LABELS = dict(ReadinessIndicator.Status.choices)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def status_label(status: str) -> str:
    return _LABELS.get(status, status)
