"""What the search page does with input it cannot search for."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_search_too_long_is_explained_next_to_the_box(operator_client):
    typed = "kata " * 120
    page = operator_client.get("/cari/", {"q": typed}).content.decode()
    assert 'id="search-q-error"' in page
    assert "paling banyak 200 karakter" in page
    assert 'aria-invalid="true"' in page
    assert typed.strip()[:50] in page  # what was typed stays in the box
