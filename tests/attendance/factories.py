import base64
import io

import factory
from PIL import Image, ImageDraw

from attendance.models import Attendee
from tests.meetings.factories import MeetingFactory


def signature_png(size: tuple[int, int] = (600, 220), strokes: int = 12) -> bytes:
    """A drawn-looking signature: dark strokes on a transparent canvas."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    width, height = size
    for index in range(strokes):
        x = 20 + index * (width - 40) // strokes
        draw.line(
            [(x, height // 2 + (index % 3) * 20), (x + 40, 30 + (index % 5) * 30)],
            fill=(11, 31, 77, 255),
            width=3,
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def signature_data_url(content: bytes | None = None) -> str:
    return "data:image/png;base64," + base64.b64encode(content or signature_png()).decode()


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendee

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Peserta {n}")
    position = "Staf"
    institution_name = "Instansi tamu"
