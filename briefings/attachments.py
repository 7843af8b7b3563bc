"""What an uploaded paparan is, judged by its content (never by its name or the browser's word)."""

import zipfile

from django.utils.translation import gettext_lazy as _

MAX_BYTES = 20 * 1024 * 1024
# Office Open XML files are ZIP archives; the folder of their main part says which.
OOXML = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
REFUSED = _(
    "This file is not a PDF, PowerPoint (PPTX), Excel (XLSX), Word (DOCX), JPEG or PNG file. "
    "Save it in one of these formats and upload it again."
)


def detect(upload) -> str | None:
    """The kind of the uploaded file from its bytes ("pdf", "docx"...), or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" not in names:
            return None
        for folder, kind in OOXML.items():
            if any(name.startswith(folder) for name in names):
                return kind
    return None
