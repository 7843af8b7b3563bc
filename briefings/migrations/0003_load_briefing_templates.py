"""Loads the five readiness-briefing templates (KPU, Bawaslu, Polres, Kodim, Kejari).

The outlines follow what each institution typically reports in a Rakor before a Pilkada.
They are data: operators may change them in the admin afterwards. Targets stay empty on
purpose; a figure belongs to the institution's own briefing, never to the template.
"""

from django.db import migrations

# name, suggested topic, description, items as (aspect, label, unit)
TEMPLATES = (
    (
        "KPU",
        "Kesiapan logistik dan teknis penyelenggaraan Pilkada",
        "Daftar pemilih dan TPS, logistik pemungutan suara, sortir dan lipat, distribusi "
        "berjenjang, serta bimbingan teknis badan ad hoc.",
        (
            ("voter_data", "Jumlah pemilih dalam DPT", "pemilih"),
            ("voter_data", "Jumlah TPS", "TPS"),
            ("logistics", "Surat suara (DPT + 2,5%)", "lembar"),
            ("logistics", "Kotak suara", "buah"),
            ("logistics", "Bilik suara", "buah"),
            ("logistics", "Tinta", "botol"),
            ("logistics", "Sortir, lipat dan pengepakan surat suara", "%"),
            ("logistics", "Distribusi logistik KPU ke PPK, PPS dan KPPS (H-2/H-1)", "%"),
            ("human_resources", "Bimbingan teknis badan ad hoc (PPK, PPS, KPPS)", "orang"),
        ),
    ),
    (
        "Bawaslu",
        "Pengawasan Pilkada dan netralitas ASN",
        "Indeks Kerawanan Pemilu (IKP) per dimensi, pemetaan TPS rawan, patroli dan posko "
        "pengaduan, serta penanganan dugaan pelanggaran netralitas ASN.",
        (
            ("vulnerability", "IKP dimensi konteks sosial dan politik", "skor"),
            ("vulnerability", "IKP dimensi penyelenggaraan pemilu", "skor"),
            ("vulnerability", "IKP dimensi kontestasi", "skor"),
            ("vulnerability", "IKP dimensi partisipasi", "skor"),
            ("vulnerability", "TPS rawan hasil pemetaan", "TPS"),
            ("security", "Patroli pengawasan", "kegiatan"),
            ("outreach", "Posko pengaduan masyarakat", "posko"),
            ("asn_neutrality", "Dugaan pelanggaran netralitas ASN", "kasus"),
        ),
    ),
    (
        "Polres",
        "Pencegahan dan penanganan potensi kerawanan Pilkada",
        "Kekuatan personel pengamanan per unsur, klasifikasi TPS menurut tingkat kerawanan, "
        "pola pengamanan, simulasi dan pengawalan logistik.",
        (
            ("human_resources", "Personel Polri", "personel"),
            ("human_resources", "Personel TNI", "personel"),
            ("human_resources", "Personel Satpol PP", "personel"),
            ("human_resources", "Personel Linmas", "personel"),
            ("vulnerability", "TPS kurang rawan", "TPS"),
            ("vulnerability", "TPS rawan", "TPS"),
            ("vulnerability", "TPS sangat rawan", "TPS"),
            ("security", "Pengawalan distribusi logistik Pilkada", ""),
            ("security", "Simulasi sistem pengamanan kota (sispamkota)", "kegiatan"),
        ),
    ),
    (
        "Kodim",
        "Dukungan pengamanan Pilkada oleh TNI",
        "Personel bawah kendali operasi (BKO) yang membantu Polres, pemetaan medan dan cuaca, "
        "serta netralitas TNI.",
        (
            ("human_resources", "Personel BKO membantu Polres", "personel"),
            ("security", "Pemetaan kondisi medan", "lokasi"),
            ("vulnerability", "Pemetaan cuaca dan potensi bencana", "lokasi"),
            ("other", "Netralitas prajurit TNI", "kasus"),
        ),
    ),
    (
        "Kejari",
        "Penegakan hukum tindak pidana Pilkada",
        "Jaksa di Sentra Gakkumdu, daftar pengawasan tindak pidana pemilihan dan posko Pilkada.",
        (
            ("human_resources", "Jaksa dalam Sentra Gakkumdu", "orang"),
            ("law_enforcement", "Pengawasan tindak pidana politik uang", "perkara"),
            ("asn_neutrality", "Pengawasan netralitas ASN", "perkara"),
            ("law_enforcement", "Pengawasan manipulasi data pemilih", "perkara"),
            ("law_enforcement", "Pengawasan pemilih yang memilih lebih dari satu kali", "perkara"),
            ("law_enforcement", "Posko Pilkada Kejari", "posko"),
        ),
    ),
)


def load_templates(apps, schema_editor):
    BriefingTemplate = apps.get_model("briefings", "BriefingTemplate")
    BriefingTemplateItem = apps.get_model("briefings", "BriefingTemplateItem")
    db = schema_editor.connection.alias
    for order, (name, topic, description, items) in enumerate(TEMPLATES, start=1):
        template, created = BriefingTemplate.objects.using(db).get_or_create(
            name=name,
            defaults={"topic": topic, "description": description, "position": order},
        )
        if not created:
            continue  # someone already keeps a template of that name: leave it as it is
        BriefingTemplateItem.objects.using(db).bulk_create(
            BriefingTemplateItem(
                template=template, position=position, aspect=aspect, label=label, unit=unit
            )
            for position, (aspect, label, unit) in enumerate(items, start=1)
        )


def unload_templates(apps, schema_editor):
    BriefingTemplate = apps.get_model("briefings", "BriefingTemplate")
    db = schema_editor.connection.alias
    BriefingTemplate.objects.using(db).filter(name__in=[t[0] for t in TEMPLATES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("briefings", "0002_briefing_templates"),
    ]

    operations = [
        migrations.RunPython(load_templates, unload_templates),
    ]
