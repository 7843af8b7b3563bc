"""The data migration loads the five briefing templates: outlines, never figures."""

import pytest

from briefings.models import BriefingTemplate, BriefingTemplateItem, ReadinessIndicator

pytestmark = pytest.mark.django_db


def test_the_ten_templates_are_loaded_in_order():
    assert list(BriefingTemplate.objects.values_list("name", flat=True)) == [
        "KPU",
        "Bawaslu",
        "Polres",
        "Kodim",
        "Kejari",
        "Disdukcapil",
        "Satpol PP",
        "BPBD",
        "Diskominfo",
        "Kesbangpol",
    ]


def test_every_template_has_a_topic_and_items():
    for template in BriefingTemplate.objects.prefetch_related("items"):
        assert template.topic, template
        assert template.description, template
        items = list(template.items.all())
        assert len(items) >= 4, template
        assert [item.position for item in items] == list(range(1, len(items) + 1))


def test_items_use_known_aspects_and_invent_no_figures():
    aspects = set(ReadinessIndicator.Aspect.values)
    for item in BriefingTemplateItem.objects.all():
        assert item.aspect in aspects, item
        assert item.target is None, item
        item.full_clean()


@pytest.mark.parametrize(
    ("template", "labels"),
    [
        ("KPU", ["Jumlah TPS", "Surat suara (DPT + 2,5%)", "Kotak suara", "Bilik suara", "Tinta"]),
        ("Bawaslu", ["IKP dimensi kontestasi", "Dugaan pelanggaran netralitas ASN"]),
        ("Polres", ["TPS kurang rawan", "TPS rawan", "TPS sangat rawan", "Personel Linmas"]),
        ("Kodim", ["Personel BKO membantu Polres", "Netralitas prajurit TNI"]),
        ("Kejari", ["Jaksa dalam Sentra Gakkumdu", "Pengawasan tindak pidana politik uang"]),
    ],
)
def test_templates_cover_what_each_institution_reports(template, labels):
    names = set(BriefingTemplate.objects.get(name=template).items.values_list("label", flat=True))
    assert set(labels) <= names
