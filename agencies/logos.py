"""Letterhead logos kept small: at most LOGO_MAX_SIDE pixels on the long side, re-encoded as
PNG without the uploader's metadata (camera, location, editing history).

A kop prints the logo about 2.5 cm wide: 600 px is 600 dpi there. A photo-sized logo
(9400 x 9400 px, 280 KB as PNG) made every PDF of its institution take 3 s and 774 MB.
"""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

LOGO_MAX_SIDE = 600
# Larger images are refused before they are decoded (validators.validate_logo_image).
LOGO_MAX_PIXELS = 25_000_000


def normalize_logo(file) -> ContentFile:
    """The logo scaled to fit LOGO_MAX_SIDE, turned upright, re-encoded as PNG."""
    file.seek(0)
    with Image.open(file) as source:
        if source.format == "JPEG":
            source.draft("RGB", (LOGO_MAX_SIDE, LOGO_MAX_SIDE))  # decode at a smaller scale
        image = ImageOps.exif_transpose(source)
        transparent = image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
    image.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{Path(file.name).stem}.png")


def needs_normalizing(file) -> bool:
    """Whether a stored logo is larger than LOGO_MAX_SIDE or not a PNG."""
    file.seek(0)
    with Image.open(file) as image:
        return (
            image.format != "PNG"
            or max(image.size) > LOGO_MAX_SIDE
            or bool(image.info.get("exif") or image.getexif())
        )
