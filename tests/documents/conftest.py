import io
import re

import pytest
from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """All text of a PDF with white space folded, as a reader would search it."""
    reader = PdfReader(io.BytesIO(content))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))
    # A line broken after a slash ("1430/ Konawe") reads as one word.
    return text.replace("/ ", "/")


def pdf_pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


@pytest.fixture(autouse=True)
def _document_cache(settings, tmp_path):
    """Each test renders into a cache directory of its own."""
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"
