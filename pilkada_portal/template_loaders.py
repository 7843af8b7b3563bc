"""Template loaders that drop the indentation of HTML templates when they are loaded.

A template's indentation is repeated in its output once per row: it made 35% of the meeting
page of a 100-invitation meeting (34 of 99 KB), sent, cached and read on every view. The
cached loader compiles each template once, so removing it costs nothing per request. Only
leading spaces and tabs go; every line break stays, so text that wrapped across lines keeps
its space, template line numbers stay right, and no template here has a <pre> or a
<textarea> with text in it (the one place where indentation would show).
"""

import re

from django.template.loaders import app_directories, filesystem

_INDENTATION = re.compile(r"^[ \t]+", re.MULTILINE)


class _WithoutIndentation:
    def get_contents(self, origin):
        contents = super().get_contents(origin)
        if origin.name.endswith(".html"):
            contents = _INDENTATION.sub("", contents)
        return contents


class FilesystemLoader(_WithoutIndentation, filesystem.Loader):
    """TEMPLATES' DIRS, without indentation."""


class AppDirectoriesLoader(_WithoutIndentation, app_directories.Loader):
    """Each app's templates/ folder, without indentation."""
