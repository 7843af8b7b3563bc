"""Text typed into the portal can neither make the renderer fetch a URL nor embed a file."""

import io
import logging
import socket
import threading

import pytest
from pypdf import PdfReader

from documents import pdf
from documents.fetcher import RefusedURL, SafeURLFetcher, resolve
from documents.render import document_export
from tests.documents.conftest import pdf_text
from tests.meetings.factories import AgendaItemFactory, FollowUpFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def listener():
    """A TCP server on 127.0.0.1 that counts connections made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    hits = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except TimeoutError:
                continue
            hits.append(connection.recv(1024))
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join(timeout=2)
    server.close()


def _payloads(port: int) -> list[str]:
    return [
        '<img src="file:///etc/passwd">',
        '<a rel="attachment" href="file:///etc/passwd">lampiran</a>',
        f'<img src="http://127.0.0.1:{port}/pixel.png">',
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">',
    ]


def _assert_nothing_embedded(content: bytes) -> None:
    reader = PdfReader(io.BytesIO(content))
    assert reader.attachments == {}
    assert all(not page.images for page in reader.pages)
    assert b"root:x:0:0" not in content


def test_user_text_in_every_document_is_inert(listener, monkeypatch):
    port, hits = listener
    payload = " ".join(_payloads(port))
    fetched = []
    original = SafeURLFetcher.fetch

    def recording_fetch(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(SafeURLFetcher, "fetch", recording_fetch)
    meeting = MeetingFactory(
        title=f"Rakor {payload}", venue=payload, conclusions=payload, opening_remarks=payload
    )
    AgendaItemFactory(meeting=meeting, title=payload, discussion_notes=payload)
    FollowUpFactory(meeting=meeting, text=payload)
    for kind in ("notula", "daftar-hadir", "undangan", "susunan-acara"):
        content = document_export(meeting, kind).content
        _assert_nothing_embedded(content)
        assert '<img src="file:///etc/passwd">' in pdf_text(content)  # shown as text
    assert all(url.startswith("asset:static/") for url in fetched), fetched
    assert hits == []


def test_raw_html_reaching_the_renderer_is_refused_and_logged(listener, caplog):
    """Defence in depth: even unescaped HTML cannot fetch anything but project assets."""
    port, hits = listener
    html = "<html><body><p>Uji</p>" + "".join(_payloads(port)) + "</body></html>"
    with caplog.at_level(logging.WARNING, logger="pilkada_portal.documents"):
        content = pdf.render_pdf(html)
    _assert_nothing_embedded(content)
    assert hits == []
    refused = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert any("file:///etc/passwd" in message for message in refused)
    assert any(f"127.0.0.1:{port}" in message for message in refused)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1/",
        "https://example.org/logo.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "asset:static/../../../../etc/passwd",
        "asset:media/../../etc/passwd",
        "asset:static/does/not/exist.css",
        "asset:elsewhere/x",
    ],
)
def test_fetcher_refuses_everything_but_project_assets(url):
    with pytest.raises(RefusedURL):
        resolve(url)


def test_fetcher_serves_the_bundled_fonts():
    response = SafeURLFetcher().fetch("asset:static/fonts/liberation/LiberationSans-Regular.ttf")
    assert response.read(4) == b"\x00\x01\x00\x00"  # a TrueType font
