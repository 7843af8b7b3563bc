"""A render runs without cyclic garbage collection, which resumes after it."""

import gc
import threading

import pytest

from documents import pdf
from pilkada_portal.runtime import cyclic_gc_paused


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_a_render_pauses_the_collector_and_resumes_it(collector_on, monkeypatch):
    seen = []
    original = pdf.weasyprint.HTML.write_pdf

    def write_pdf(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pdf.weasyprint.HTML, "write_pdf", write_pdf)
    content = pdf.render_part("<html><body><main><p>Notula</p></main></body></html>", "")
    assert content.startswith(b"%PDF")
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_resumes_after_a_failed_render(collector_on):
    with pytest.raises(RuntimeError), cyclic_gc_paused():
        raise RuntimeError("render failed")
    assert gc.isenabled()


def test_overlapping_renders_resume_it_after_the_last(collector_on):
    second_inside, second_may_end = threading.Event(), threading.Event()
    states = {}

    def second_render():
        with cyclic_gc_paused():
            second_inside.set()
            second_may_end.wait(5)
        states["after second"] = gc.isenabled()

    thread = threading.Thread(target=second_render)
    thread.start()
    with cyclic_gc_paused():
        assert second_inside.wait(5)
    states["after first, second still rendering"] = gc.isenabled()
    second_may_end.set()
    thread.join(5)
    assert states == {"after first, second still rendering": False, "after second": True}
