"""Where private files are kept (drawn signatures, briefing attachments): PRIVATE_MEDIA_ROOT,
outside the public media folder, served only through views that check access."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="pilkada_portal.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """A file storage with no public URL, rooted at settings.PRIVATE_MEDIA_ROOT (read each
    time, so that tests and deployments can move it)."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a view.")


private_storage = PrivateStorage()
