"""Where institution logos are kept, and the address a page shows them at.

The files live in MEDIA_ROOT, but a production server serves no /media/ (docs/DEPLOY.md:
uploads are read through views that check access), so a logo's URL is the portal's own
`agencies:logo` view: the institution page, its edit form and the admin all link there.
"""

from django.core.files.storage import FileSystemStorage
from django.urls import reverse


class LogoStorage(FileSystemStorage):
    def url(self, name: str | None) -> str:
        return reverse("agencies:logo", kwargs={"name": name})


_logos = LogoStorage()


def logo_storage() -> LogoStorage:
    """The field's storage, named by a callable so that migrations do not freeze it."""
    return _logos
