"""How a readiness indicator's figure is written in documents and on the dashboard."""

from meetings.templatetags.rakor import quantity


def indicator_figure(indicator) -> str:
    """ "98 / 100 %": the value, of the target when there is one, with the unit; "" without
    a value."""
    if indicator.value is None:
        return ""
    figure = quantity(indicator.value)
    if indicator.target:
        figure += f" / {quantity(indicator.target)}"
    return f"{figure} {indicator.unit}".strip()
