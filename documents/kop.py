"""The kop's lines broken at word groups, never leaving one word alone on a line.

WeasyPrint breaks a long institution name wherever the line is full ("BADAN KESATUAN BANGSA
DAN POLITIK KABUPATEN KONAWE / UTARA"); letterheads break it where a reader groups the words:
before the region ("... POLITIK / KABUPATEN KONAWE UTARA"), never after a joining word.
"""

# Roughly how many capitals of the kop's 14 pt bold fit on one line: between the logo and
# its counterweight (about 120 mm), or across the text width without a logo (about 165 mm).
WIDTH_WITH_LOGO = 36
WIDTH_WITHOUT_LOGO = 50

# Never end a line on these: they join the words on either side.
JOINING_WORDS = frozenset({"DAN", "DI", "KE", "DARI", "UNTUK", "PADA", "SERTA", "&", "/"})
# A line preferably starts with these: the region or the level an institution belongs to.
GROUP_STARTS = frozenset(
    {"KABUPATEN", "KOTA", "PROVINSI", "KECAMATAN", "KELURAHAN", "DESA", "REPUBLIK"}
)
MAX_LINES = 4


def _cost(lines: list[list[str]], width: int) -> tuple[int, int, int, int]:
    lengths = [len(" ".join(line)) for line in lines]
    over = sum(max(0, n - width) for n in lengths)
    # No word alone on a line; breaks before a region word rather than elsewhere; lines of
    # similar length.
    alone = sum(1 for line in lines if len(line) == 1)
    awkward = sum(1 for line in lines[1:] if line[0] not in GROUP_STARTS)
    return (alone, over, awkward, max(lengths) - min(lengths))


def _splits(words: list[str], parts: int):
    """Every way to cut the words into `parts` lines, no line ending on a joining word."""
    if parts == 1:
        yield [words]
        return
    for cut in range(1, len(words) - parts + 2):
        if words[cut - 1] in JOINING_WORDS:
            continue
        for rest in _splits(words[cut:], parts - 1):
            yield [words[:cut], *rest]


def kop_lines(text: str, *, width: int) -> tuple[str, ...]:
    """The text as lines of at most `width` characters where possible, cut at word groups."""
    words = text.split()
    if len(" ".join(words)) <= width or len(words) < 2:
        return (" ".join(words),) if words else ()
    for parts in range(2, min(MAX_LINES, len(words)) + 1):
        options = list(_splits(words, parts))
        if not options:
            continue
        best = min(options, key=lambda lines: _cost(lines, width))
        if _cost(best, width)[1] == 0 or parts == min(MAX_LINES, len(words)):
            return tuple(" ".join(line) for line in best)
    return (" ".join(words),)
