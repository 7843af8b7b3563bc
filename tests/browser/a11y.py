"""What every browser test checks the same way: a settled page, then axe-core on it."""

from axe_playwright_python.sync_playwright import Axe

# The page has settled when no htmx request, swap or settle is under way, no control says it
# is busy, and no CSS transition or animation is still running: only then are the colours on
# screen the ones a user reads (a button caught mid-transition has no real contrast).
_SETTLED = """() =>
  !document.querySelector(
    '.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added, [aria-busy="true"]'
  ) && document.getAnimations().every((animation) => animation.playState !== 'running')"""

_AXE = Axe()


def wait_until_settled(page, timeout: float = 10_000) -> None:
    """Wait until htmx is idle and nothing on the page is moving."""
    page.wait_for_function(_SETTLED, timeout=timeout)


def assert_no_axe_violations(page) -> None:
    """axe-core finds nothing on the settled page."""
    wait_until_settled(page)
    results = _AXE.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
