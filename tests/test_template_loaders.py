"""HTML templates are compiled without their indentation; everything else is kept."""

import pytest
from django.template import engines
from django.template.loader import get_template
from django.urls import reverse

from pilkada_portal.template_loaders import FilesystemLoader


def test_html_templates_lose_their_indentation_and_keep_their_lines(tmp_path):
    (tmp_path / "page.html").write_text(
        "<ul>\n    <li>{{ a }}</li>\n\t\t<li>x  y</li>\n</ul>\n", encoding="utf-8"
    )
    (tmp_path / "mail.txt").write_text("Halo,\n    {{ a }}\n", encoding="utf-8")
    engine = engines["django"].engine
    loader = FilesystemLoader(engine, dirs=[tmp_path])
    origins = {name: next(loader.get_template_sources(name)) for name in ("page.html", "mail.txt")}
    # Leading spaces and tabs go; line breaks and spaces inside a line stay.
    assert (
        loader.get_contents(origins["page.html"])
        == "<ul>\n<li>{{ a }}</li>\n<li>x  y</li>\n</ul>\n"
    )
    assert loader.get_contents(origins["mail.txt"]) == "Halo,\n    {{ a }}\n"


@pytest.mark.django_db
def test_the_portal_renders_its_templates_without_indentation(client):
    source = get_template("registration/login.html").template.source
    assert "\n  " not in source
    assert "\n\t" not in source
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "\n  " not in response.content.decode()
