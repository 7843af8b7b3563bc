"""The classification code typed in a picker: "000.1.5 - Rapat Pimpinan", its code or words."""

from django.db.models import Q, QuerySet

from .models import Classification


def classification_label(classification: Classification) -> str:
    return f"{classification.code} – {classification.title}"


def classification_search(
    classifications: QuerySet[Classification], text: str
) -> QuerySet[Classification]:
    # A suggestion is "code, dash, title"; a code typed alone matches its own branch first.
    for word in text.replace("–", " ").split():
        classifications = classifications.filter(
            Q(code__startswith=word) | Q(title__icontains=word)
        )
    return classifications.order_by("sort_key")
