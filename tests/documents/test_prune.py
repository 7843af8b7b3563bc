"""The rendered-document cache stays under its size cap: least recently used go first."""

import os

from django.core.management import call_command

from documents import pdf


def _cached(name: str, size: int, age: int) -> str:
    key = name * 64
    path = pdf.cache_path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%" * size)
    os.utime(path, (path.stat().st_atime - age, path.stat().st_mtime - age))
    return key


def test_the_oldest_go_until_the_cache_is_under_90_percent_of_its_cap():
    old, middle, used, new = (
        _cached("a", 400, 400),
        _cached("b", 400, 300),
        _cached("c", 400, 200),
        _cached("d", 400, 100),
    )
    pdf.read_cached(used)  # a download marks it as recently used
    assert pdf.prune(1_000) == (2, 800)
    assert [pdf.cache_path(k).exists() for k in (old, middle, used, new)] == [
        False,
        False,
        True,
        True,
    ]
    assert pdf.prune(1_000) == (0, 0)


def test_the_command_prunes_to_the_cap_given(capsys):
    for name in "efg":
        _cached(name, 600 * 1024, 10)
    call_command("prune_documents", "--max-mb=1")
    assert "Removed 2 rendered documents (1200 KB)." in capsys.readouterr().out
