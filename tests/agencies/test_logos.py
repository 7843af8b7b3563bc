"""Logos are stored small: scaled to 600 px, re-encoded as PNG without metadata; an image
whose pixels would take hundreds of megabytes to decode is refused next to the field."""

import io
import struct
import zlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image

from agencies.models import Agency
from tests.agencies.factories import AgencyFactory, agencies_but_home
from tests.agencies.test_views import agency_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _png(size, *, exif: bool = False, mode: str = "RGBA") -> bytes:
    image = Image.new(mode, size, (200, 30, 30, 255) if mode == "RGBA" else (200, 30, 30))
    buffer = io.BytesIO()
    options = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "Kamera Uji"  # Make
        options["exif"] = data.tobytes()
    image.save(buffer, format="PNG" if mode == "RGBA" else "JPEG", **options)
    return buffer.getvalue()


def _claiming(width: int, height: int) -> bytes:
    """A small PNG whose header says width x height (what Pillow reads before decoding)."""
    data = bytearray(_png((4, 4)))
    ihdr = bytes(data[12:16]) + struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr[4:]
    data[29:33] = struct.pack(">I", zlib.crc32(ihdr))
    return bytes(data)


def test_a_large_logo_is_stored_at_600_px_as_png_without_metadata(operator_client):
    upload = SimpleUploadedFile("kop.jpg", _png((3000, 1500), exif=True, mode="RGB"))
    response = operator_client.post(reverse("agencies:create"), agency_data(logo=upload))
    assert response.status_code == 302
    agency = agencies_but_home().get()
    assert agency.logo.name.endswith(".png")
    with agency.logo.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "PNG"
        assert image.size == (600, 300)
        assert not image.getexif()


def test_a_logo_of_too_many_pixels_is_refused_next_to_the_field(operator_client):
    upload = SimpleUploadedFile("besar.png", _claiming(9400, 9400), content_type="image/png")
    response = operator_client.post(reverse("agencies:create"), agency_data(logo=upload))
    assert response.status_code == 200
    errors = response.context["form"].errors["logo"]
    assert any("9400 × 9400" in error for error in errors)
    assert not agencies_but_home().exists()


def test_small_logos_keep_their_size_and_transparency(operator_client):
    agency = AgencyFactory()
    upload = SimpleUploadedFile("kecil.png", _png((120, 80)))
    operator_client.post(
        reverse("agencies:update", args=[agency.pk]),
        agency_data(logo=upload, version=agency.version),
    )
    agency.refresh_from_db()
    with agency.logo.open("rb") as stored, Image.open(stored) as image:
        assert (image.size, image.mode) == ((120, 80), "RGBA")


def test_the_command_normalizes_logos_stored_before(capsys):
    name = default_storage.save("logos/lama.png", ContentFile(_png((2400, 2400))))
    agency = AgencyFactory()
    Agency.objects.filter(pk=agency.pk).update(logo=name)  # as an old upload was stored
    untouched = AgencyFactory()
    small = default_storage.save("logos/kecil.png", ContentFile(_png((200, 200))))
    Agency.objects.filter(pk=untouched.pk).update(logo=small)
    call_command("normalize_logos")
    assert "Logos normalized: 1" in capsys.readouterr().out
    agency.refresh_from_db()
    with agency.logo.open("rb") as stored, Image.open(stored) as image:
        assert image.size == (600, 600)
    untouched.refresh_from_db()
    assert untouched.logo.name == small


@pytest.mark.parametrize("kind", ["truncated jpeg", "corrupt png data", "header only"])
def test_a_broken_image_is_refused_not_stored_as_a_blank_logo(operator_client, kind):
    import weasyprint  # noqa: F401  (as in the server: it makes Pillow tolerate broken files)

    if kind == "truncated jpeg":
        content = _png((400, 300), mode="RGB")  # a JPEG (see _png)
        content = content[: len(content) // 2]
    elif kind == "corrupt png data":
        good = _png((100, 100))
        start = good.index(b"IDAT") + 4
        body = bytes(255 - b for b in good[start : start + 40])
        chunk_type_and_data = b"IDAT" + body
        content = (
            good[: start - 8]
            + struct.pack(">I", 40)
            + chunk_type_and_data
            + struct.pack(">I", zlib.crc32(chunk_type_and_data))
            + good[good.index(b"IEND") - 4 :]
        )
    else:
        content = _claiming(5000, 5000)
    upload = SimpleUploadedFile("logo.png", content)
    response = operator_client.post(reverse("agencies:create"), agency_data(logo=upload))
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert not agencies_but_home().exists()


def test_a_logo_is_shown_through_the_portal_not_from_media(
    operator_client, peserta_client, admin_client, settings
):
    """Production serves no /media/ (docs/DEPLOY.md): the institution page, its edit form and
    the admin link the logo to the access-checked view, which serves the stored file."""
    upload = SimpleUploadedFile("kop.png", _png((40, 20)))
    operator_client.post(reverse("agencies:create"), agency_data(logo=upload))
    agency = agencies_but_home().get()
    address = reverse("agencies:logo", kwargs={"name": agency.logo.name})
    assert agency.logo.url == address
    assert not address.startswith(settings.MEDIA_URL)

    page = operator_client.get(reverse("agencies:detail", args=[agency.pk])).content.decode()
    assert f'id="agency-logo" src="{address}"' in page
    form = operator_client.get(reverse("agencies:update", args=[agency.pk])).content.decode()
    assert f'href="{address}"' in form
    admin = admin_client.get(reverse("admin:agencies_agency_change", args=[agency.pk]))
    assert f'href="{address}"' in admin.content.decode()

    response = operator_client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    with agency.logo.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert "no-store" in response["Cache-Control"]

    # Someone who may not read the directory is refused; so is a signed-out visitor.
    assert peserta_client.get(address).status_code == 403
    assert Client().get(address).status_code == 302


def test_the_logo_view_serves_only_institution_logos(operator_client):
    """MEDIA_ROOT also holds final Notulas; a name that is not a logo is not found."""
    default_storage.save("notula/rahasia.pdf", ContentFile(b"%PDF-1.7 secret"))
    default_storage.save("logos/unused.png", ContentFile(_png((4, 4))))
    for name in ("notula/rahasia.pdf", "logos/unused.png", "logos/../notula/rahasia.pdf"):
        response = operator_client.get(reverse("agencies:logo", kwargs={"name": name}))
        assert response.status_code == 404, name
    agency = AgencyFactory(logo="logos/missing.png")
    response = operator_client.get(reverse("agencies:logo", kwargs={"name": agency.logo.name}))
    assert response.status_code == 404


def test_a_logo_of_hundreds_of_megapixels_is_called_too_large_not_broken(operator_client):
    """Pillow will not open a 20000 x 20000 image at all (a decompression bomb)."""
    upload = SimpleUploadedFile("raksasa.png", _claiming(20000, 20000), content_type="image/png")
    response = operator_client.post(reverse("agencies:create"), agency_data(logo=upload))
    assert response.status_code == 200
    (error,) = response.context["form"].errors["logo"]
    assert "terlalu banyak piksel" in error
    assert not agencies_but_home().exists()
