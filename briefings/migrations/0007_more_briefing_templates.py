"""Briefing templates for the regional government's own agencies (../shared/DOMAIN.md):
Disdukcapil, Satpol PP, BPBD, Diskominfo and Kesbangpol. Like the first five, they are data
that operators may change in the admin; targets stay empty."""

from django.db import migrations

# name, suggested topic, description, items as (aspect, label, unit)
TEMPLATES = (
    (
        "Disdukcapil",
        "Kesiapan data kependudukan untuk Pilkada",
        "Perekaman dan pencetakan KTP-el bagi pemilih pemula dan pemilih yang belum merekam, "
        "persediaan blangko, serta layanan jemput bola menjelang hari pemungutan suara.",
        (
            ("voter_data", "Wajib KTP-el yang sudah melakukan perekaman", "orang"),
            ("voter_data", "Wajib KTP-el yang belum melakukan perekaman", "orang"),
            ("voter_data", "KTP-el yang sudah dicetak", "keping"),
            ("voter_data", "Pemilih pemula yang sudah merekam KTP-el", "orang"),
            ("logistics", "Persediaan blangko KTP-el", "keping"),
            ("outreach", "Layanan perekaman jemput bola", "kegiatan"),
        ),
    ),
    (
        "Satpol PP",
        "Kesiapan personel Satpol PP dan Linmas",
        "Personel Satpol PP yang di-BKO-kan, Linmas per TPS, penertiban alat peraga kampanye "
        "pada masa tenang.",
        (
            ("security", "Personel Satpol PP yang disiagakan", "orang"),
            ("security", "Anggota Linmas yang ditugaskan di TPS", "orang"),
            ("security", "TPS yang dijaga dua anggota Linmas", "TPS"),
            ("law_enforcement", "Penertiban alat peraga kampanye pada masa tenang", "%"),
        ),
    ),
    (
        "BPBD",
        "Kesiapsiagaan bencana pada tahapan pemungutan suara",
        "Pemetaan TPS rawan bencana bersama KPU dan Bawaslu, personel dan peralatan siaga, serta "
        "rencana kontinjensi pemindahan TPS.",
        (
            ("vulnerability", "TPS rawan bencana (banjir, longsor, gelombang)", "TPS"),
            ("human_resources", "Personel siaga bencana", "orang"),
            ("logistics", "Perahu, tenda dan peralatan evakuasi siap pakai", "unit"),
            ("other", "Rencana kontinjensi pemindahan TPS", "dokumen"),
        ),
    ),
    (
        "Diskominfo",
        "Pemantauan informasi dan jaringan komunikasi",
        "Pemantauan dan klarifikasi hoaks, ketersediaan sinyal dan jaringan di lokasi TPS untuk "
        "pengiriman hasil, serta penyebarluasan informasi Pilkada.",
        (
            ("outreach", "Konten hoaks Pilkada yang ditangani", "konten"),
            ("logistics", "TPS tanpa sinyal seluler atau internet (blank spot)", "TPS"),
            ("outreach", "Sosialisasi Pilkada melalui kanal pemerintah daerah", "kegiatan"),
            ("security", "Pemantauan media sosial pada masa tenang dan hari pemungutan", "hari"),
        ),
    ),
    (
        "Kesbangpol",
        "Deteksi dini dan dukungan pemerintah daerah",
        "Deteksi dini potensi konflik bersama Kominda dan FKDM, dukungan hibah dan fasilitas "
        "pemerintah daerah, serta koordinasi Desk Pilkada.",
        (
            ("vulnerability", "Laporan deteksi dini potensi konflik", "laporan"),
            ("budget", "Realisasi dana hibah Pilkada (KPU, Bawaslu, pengamanan)", "%"),
            ("outreach", "Sosialisasi partisipasi pemilih", "kegiatan"),
            ("asn_neutrality", "Pengawasan netralitas ASN oleh pemerintah daerah", "kasus"),
        ),
    ),
)


def load_templates(apps, schema_editor):
    BriefingTemplate = apps.get_model("briefings", "BriefingTemplate")
    BriefingTemplateItem = apps.get_model("briefings", "BriefingTemplateItem")
    db = schema_editor.connection.alias
    first = BriefingTemplate.objects.using(db).count() + 1
    for order, (name, topic, description, items) in enumerate(TEMPLATES, start=first):
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
    dependencies = [("briefings", "0006_unassessed_status")]

    operations = [migrations.RunPython(load_templates, unload_templates)]
