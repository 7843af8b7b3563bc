"""The trend of an aspect across the series as stacked bars, drawn as SVG on the server (no
chart library, nothing for the strict CSP to refuse): geometry only, the template draws it."""

from dataclasses import dataclass

from .selectors import RANK

WIDTH, HEIGHT, GAP, BASE = 320, 120, 8, 100  # viewBox units; BASE: the bars' baseline


@dataclass(frozen=True)
class Segment:
    status: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Bar:
    label: str  # the meeting's date, short
    x: float
    width: float
    segments: tuple[Segment, ...]
    total: int


def stacked_bars(series, *, date_format=lambda d: d.strftime("%d/%m")) -> list[Bar]:
    """One bar per meeting, its height the number of indicators, stacked worst at the top."""
    if not series:
        return []
    tallest = max(sum(counts.values()) for _meeting, counts in series)
    slot = WIDTH / len(series)
    width = min(48.0, slot - GAP)
    bars = []
    for index, (meeting, counts) in enumerate(series):
        x = index * slot + (slot - width) / 2
        y = float(BASE)
        segments = []
        for status in sorted(counts, key=lambda s: -RANK[s]):
            height = BASE * 0.9 * counts[status] / tallest
            y -= height
            segments.append(Segment(status, counts[status], x, y, width, height))
        bars.append(Bar(date_format(meeting.date), x, width, tuple(segments), sum(counts.values())))
    return bars
