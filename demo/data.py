"""Demo data: the reference Rakor of Konawe Utara (12 November 2024) and one fictional example.

The reference meeting uses only what the source article (kabarsultra.id, "Rakor persiapan
pelaksanaan Pilkada", 12/11/2024) and public facts about the region say. Where the article
gives no name, time or figure, the field stays empty rather than invented.
"""

import datetime

PROVINCE = {"name": "Sulawesi Tenggara", "kind": "provinsi", "code": "74"}
REGENCY = {"name": "Konawe Utara", "kind": "kabupaten", "code": "74.09"}

# The 13 kecamatan of Kabupaten Konawe Utara (capital Wanggudu, in Asera).
KECAMATAN = (
    "Andowia",
    "Asera",
    "Landawe",
    "Langgikima",
    "Lasolo",
    "Lasolo Kepulauan",
    "Lembo",
    "Molawe",
    "Motui",
    "Oheo",
    "Routa",
    "Sawa",
    "Wiwirano",
)

PEMKAB = "Pemerintah Kabupaten Konawe Utara"
KESBANGPOL = "Badan Kesatuan Bangsa dan Politik Kabupaten Konawe Utara"
KPU = "Komisi Pemilihan Umum Kabupaten Konawe Utara"
BAWASLU = "Badan Pengawas Pemilihan Umum Kabupaten Konawe Utara"
DPRD = "Dewan Perwakilan Rakyat Daerah Kabupaten Konawe Utara"
SETDA = "Sekretariat Daerah Kabupaten Konawe Utara"
POLRES = "Kepolisian Resor Konawe Utara"
KODIM = "Komando Distrik Militer 1430/Konawe Utara"
KEJARI = "Kejaksaan Negeri Konawe"
OPD = "Perangkat Daerah lingkup Pemerintah Kabupaten Konawe Utara"
KELURAHAN = "Kelurahan lingkup Pemerintah Kabupaten Konawe Utara"

# The organizer's letterhead: the government line and the capital as the place of letters.
ORGANIZER_LETTERHEAD = {
    "letterhead_government_line": "PEMERINTAH KABUPATEN KONAWE UTARA",
    "letter_place": "Wanggudu",
    "letter_unit_code": "Bakesbangpol",
}

# name, short name, kind, head's position, parent
AGENCIES = (
    (PEMKAB, "Pemkab Konut", "pemda", "Bupati Konawe Utara", None),
    (KESBANGPOL, "Kesbangpol Konut", "opd", "Kepala Badan Kesbangpol", PEMKAB),
    (KPU, "KPU Konut", "penyelenggara", "Ketua KPU Kabupaten Konawe Utara", None),
    (BAWASLU, "Bawaslu Konut", "penyelenggara", "Ketua Bawaslu Kabupaten Konawe Utara", None),
    (DPRD, "DPRD Konut", "dprd", "Ketua DPRD Kabupaten Konawe Utara", None),
    (SETDA, "Setda Konut", "pemda", "Sekretaris Daerah", PEMKAB),
    (POLRES, "Polres Konut", "polri", "Kapolres Konawe Utara", None),
    (KODIM, "Kodim 1430 Konut", "tni", "Dandim 1430/Konawe Utara", None),
    (KEJARI, "Kejari Konawe", "kementerian", "Kepala Kejaksaan Negeri Konawe", None),
    (OPD, "OPD Konut", "opd", "Kepala Perangkat Daerah", PEMKAB),
    (KELURAHAN, "Kelurahan Konut", "kelurahan_desa", "Lurah", PEMKAB),
)

# The province's Kesbangpol: the demo supervisor acts for it (it reads the regency's meetings).
PROVINCE_KESBANGPOL = (
    "Badan Kesatuan Bangsa dan Politik Provinsi Sulawesi Tenggara",
    "Kesbangpol Sultra",
    "Kepala Badan Kesbangpol Provinsi Sulawesi Tenggara",
)

CHAIR = {
    "agency": PEMKAB,
    "name": "La Ode Saifuddin",
    "title_prefix": "Drs.",
    "title_suffix": "M.Si",
    "position": "Pjs. Bupati Konawe Utara",
}

ELECTION = {"name": "Pilkada Serentak 2024", "voting_day": datetime.date(2024, 11, 27)}

SEED_MEETING = {
    "title": "Rapat Koordinasi Persiapan Pelaksanaan Pilkada Serentak 2024 Kabupaten Konawe Utara",
    "kind": "rakor",
    "date": datetime.date(2024, 11, 12),
    "venue": "Hotel Plaza Inn Kendari",
    "status": "held",
    "opening_remarks": (
        "Pjs. Bupati Konawe Utara, Drs. La Ode Saifuddin, M.Si, membuka Rakor dan menyampaikan "
        "bahwa kegiatan ini digelar dalam rangka memaksimalkan kesiapan penyelenggaraan Pilkada "
        "serentak 27 November 2024 serta memastikan kesiapan penuh penyelenggaraan Pilkada di "
        "wilayah Konawe Utara.\n"
        "Pemerintah daerah wajib memastikan seluruh rangkaian Pilkada serentak berjalan dengan "
        "damai, lancar, dan demokratis. Sinergi dan koordinasi antara KPU, Bawaslu, TNI, Polri, "
        "hingga seluruh elemen masyarakat menjadi kunci keberhasilan Pilkada.\n"
        "Seluruh pihak diminta menjaga integritas, transparansi, dan profesionalisme dalam "
        "setiap tahapan Pilkada."
    ),
}

# Invitations: institution, invited position (no names: the article gives none), status,
# and who represented the invitee. The DPRD is invited, as protocol has it, through its Ketua;
# the article says its Wakil Ketua II attended, so the DPRD is "diwakili" by that position.
SEED_PARTICIPANTS = (
    (PEMKAB, "Pjs. Bupati Konawe Utara", "present", ""),
    (KESBANGPOL, "Kepala Badan Kesbangpol Kabupaten Konawe Utara", "present", ""),
    (KPU, "Ketua KPU Kabupaten Konawe Utara", "present", ""),
    (BAWASLU, "Ketua Bawaslu Kabupaten Konawe Utara", "present", ""),
    (
        DPRD,
        "Ketua DPRD Kabupaten Konawe Utara",
        "represented",
        "Wakil Ketua II DPRD Kabupaten Konawe Utara",
    ),
    (SETDA, "Sekretaris Daerah Kabupaten Konawe Utara", "present", ""),
    (POLRES, "Kapolres Konawe Utara", "present", ""),
    (KODIM, "Dandim 1430/Konawe Utara", "present", ""),
    (KEJARI, "Kepala Kejaksaan Negeri Konawe", "present", ""),
    (OPD, "Kepala OPD lingkup Pemkab Konawe Utara", "present", ""),
    *((f"Kecamatan {name}", f"Camat {name}", "present", "") for name in KECAMATAN),
    (KELURAHAN, "Lurah lingkup Pemkab Konawe Utara", "present", ""),
)

# The agenda in the article's order: opening, then the five presentations.
# kind, title, presenting institution, briefing topic (None: no briefing)
SEED_AGENDA = (
    ("opening", "Pembukaan dan sambutan Pjs. Bupati Konawe Utara", PEMKAB, None),
    (
        "presentation",
        "Pemaparan Kajari Konawe: penegakan hukum dalam Pilkada",
        KEJARI,
        "Penegakan hukum dalam Pilkada",
    ),
    (
        "presentation",
        "Pemaparan Bawaslu Konawe Utara: netralitas ASN",
        BAWASLU,
        "Netralitas Aparatur Sipil Negara (ASN) dalam Pilkada",
    ),
    (
        "presentation",
        "Pemaparan Ketua KPU Konawe Utara: kesiapan logistik dan teknis pelaksanaan Pilkada",
        KPU,
        "Kesiapan logistik dan teknis pelaksanaan Pilkada",
    ),
    (
        "presentation",
        "Pemaparan Dandim 1430 Konawe Utara: aspek pengamanan selama proses Pilkada",
        KODIM,
        "Aspek pengamanan selama proses Pilkada",
    ),
    (
        "presentation",
        "Pemaparan Kapolres Konawe Utara: pencegahan dan penanganan potensi kerawanan",
        POLRES,
        "Strategi pencegahan dan penanganan potensi kerawanan Pilkada",
    ),
)

# --- A clearly fictional example meeting, to show fully filled structured data. ---------

EXAMPLE_OFFICIALS = (
    # agency, name, before, after, position, rank, NIP (all fictional)
    (
        SETDA,
        "Rahmat Contoh",
        "Dr.",
        "M.Si",
        # The position of the example meeting's Setda invitation: the chair's own row.
        "Sekretaris Daerah Kabupaten Konawe Utara",
        "Pembina Utama Muda (IV/c)",
        "197001012000031001",
    ),
    (
        KESBANGPOL,
        "Nurhayati Contoh",
        "",
        "S.Sos",
        "Analis Kebijakan (contoh)",
        "Penata (III/c)",
        "198805122015032002",
    ),
    (KPU, "Hendra Contoh", "", "S.H.", "Ketua KPU (contoh)", "", ""),
    (POLRES, "Yusuf Contoh", "", "S.I.K.", "Kabag Ops Polres (contoh)", "Komisaris Polisi", ""),
    (BAWASLU, "Sari Contoh", "", "S.Pd", "Anggota Bawaslu (contoh)", "", ""),
)

# The archive code of invitations to meetings (Permendagri 83/2022).
MEETING_CLASSIFICATION = "000.1.5"

EXAMPLE_MEETING = {
    "title": "[CONTOH] Rakor Evaluasi Kesiapan H-7 Pemungutan Suara (data fiktif)",
    "kind": "evaluasi",
    # Numbered by the organizer's register when the demo is loaded: 000.1.5/<n>/Bakesbangpol/2024.
    "letter_date": datetime.date(2024, 11, 15),
    "letter_urgency": "segera",
    # The Sekda signs the invitation on behalf of the Bupati.
    "letter_signing_capacity": "an",
    "letter_signed_for": "Bupati Konawe Utara",
    "letter_subject": "Undangan Rapat Evaluasi Kesiapan Pemungutan Suara",
    "copies_to": "Bupati Konawe Utara (sebagai laporan)\nArsip",
    "date": datetime.date(2024, 11, 20),
    "start_time": datetime.time(9, 0),
    "end_time": datetime.time(12, 30),
    "venue": "Aula Kantor Bupati Konawe Utara (contoh)",
    "venue_address": "Wanggudu, Kecamatan Asera, Kabupaten Konawe Utara",
    "status": "held",
    "opening_remarks": "Contoh sambutan pembukaan. Seluruh isi rapat ini fiktif, untuk demonstrasi portal.",
    "conclusions": (
        "1. Logistik pemungutan suara dinyatakan siap dengan catatan (data fiktif).\n"
        "2. TPS rawan banjir dipetakan bersama BPBD (data fiktif)."
    ),
}

# agency, invited position, status, representative name, representative position, note
EXAMPLE_PARTICIPANTS = (
    (SETDA, "Sekretaris Daerah Kabupaten Konawe Utara", "present", "", "", ""),
    (KPU, "Ketua KPU Kabupaten Konawe Utara", "present", "", "", ""),
    (
        BAWASLU,
        "Ketua Bawaslu Kabupaten Konawe Utara",
        "represented",
        "Sari Contoh, S.Pd",
        "Anggota Bawaslu (contoh)",
        "",
    ),
    (
        POLRES,
        "Kapolres Konawe Utara",
        "represented",
        "Yusuf Contoh, S.I.K.",
        "Kabag Ops Polres (contoh)",
        "",
    ),
    (KODIM, "Dandim 1430/Konawe Utara", "present", "", "", ""),
    (
        KEJARI,
        "Kepala Kejaksaan Negeri Konawe",
        "excused",
        "",
        "",
        "Tugas dinas luar daerah (contoh)",
    ),
    (DPRD, "Ketua DPRD Kabupaten Konawe Utara", "absent", "", "", ""),
)

# agency, topic, readiness, indicators, risks
EXAMPLE_BRIEFINGS = (
    (
        KPU,
        "Kesiapan logistik pemungutan suara (contoh)",
        "ready_with_notes",
        (
            ("voter_data", "TPS ditetapkan", "achieved", "300", "300", "TPS", ""),
            (
                "logistics",
                "Surat suara diterima (DPT + 2,5%)",
                "on_track",
                "97.5",
                "100",
                "%",
                "Sisa dijadwalkan tiba H-5",
            ),
            ("logistics", "Kotak dan bilik suara", "achieved", "100", "100", "%", ""),
            (
                "human_resources",
                "Bimbingan teknis KPPS",
                "at_risk",
                "80",
                "100",
                "%",
                "Dua kecamatan kepulauan tertunda cuaca",
            ),
        ),
        (
            (
                "Kecamatan Lasolo Kepulauan",
                "logistics",
                "high",
                "Distribusi laut bergantung cuaca",
                "Distribusi H-3 dengan kapal cadangan",
            ),
        ),
    ),
    (
        BAWASLU,
        "Pemetaan TPS rawan dan netralitas ASN (contoh)",
        "ready_with_notes",
        (
            ("vulnerability", "TPS rawan terpetakan", "achieved", "45", "", "TPS", ""),
            (
                "asn_neutrality",
                "Laporan dugaan pelanggaran netralitas ASN",
                "on_track",
                "2",
                "",
                "laporan",
                "Dalam proses klarifikasi",
            ),
        ),
        (
            (
                "Kecamatan Wiwirano",
                "money_politics",
                "medium",
                "Potensi politik uang",
                "Patroli pengawasan masa tenang",
            ),
        ),
    ),
    (
        POLRES,
        "Pengamanan TPS (contoh)",
        "ready",
        (
            ("security", "Personel pengamanan siap", "achieved", "350", "350", "orang", ""),
            ("security", "Simulasi sistem pengamanan kota", "achieved", "1", "1", "kegiatan", ""),
        ),
        (
            (
                "Kecamatan Routa",
                "security",
                "medium",
                "Akses darat terbatas",
                "Pengawalan logistik bersama TNI",
            ),
        ),
    ),
)

# Minutes per item of the example agenda: opening, three briefings, discussion, closing.
EXAMPLE_AGENDA_MINUTES = (15, 30, 30, 30, 60, 15)

# text, responsible institution, due date
EXAMPLE_FOLLOW_UPS = (
    (
        "Percepat distribusi logistik ke kecamatan kepulauan (contoh)",
        KPU,
        datetime.date(2024, 11, 24),
    ),
    (
        "Koordinasi pemetaan TPS rawan banjir dengan BPBD (contoh)",
        KESBANGPOL,
        datetime.date(2024, 11, 22),
    ),
)

# Fictional meetings dated from the day the demo is loaded, so that `make run` shows the
# check-in at the door and an upcoming meeting whatever the date.
TODAY_MEETING = {
    "title": "[CONTOH] Rakor Hari Ini: Presensi Mandiri dengan Kode QR (data fiktif)",
    "venue": "Aula Kantor Bupati Konawe Utara (contoh)",
    "kind": "rakor",
    "status": "scheduled",
    "dress_code": "Pakaian Dinas Harian (PDH)",
    "contact_name": "Contoh Staf Kesbangpol",
    "contact_phone": "0812-0000-0000",
}
TODAY_INVITED = [KPU, BAWASLU, POLRES, KODIM]
# (institution, name, position, stands in for the invitee)
TODAY_ATTENDEES = [
    (KPU, "Contoh Komisioner, S.H.", "Ketua KPU Kabupaten Konawe Utara", False),
    (KPU, "Contoh Staf Teknis, S.Kom", "Kepala Subbagian Teknis", False),
    (BAWASLU, "Contoh Anggota Bawaslu, S.Pd", "Anggota Bawaslu (mewakili Ketua)", True),
]
UPCOMING_MEETING = {
    "title": "[CONTOH] Rakor Kesiapan H-3: Paparan Instansi Masih Dibuka (data fiktif)",
    "venue": "Hotel Contoh Kendari",
    "kind": "rakor",
    "start_time": datetime.time(9, 0),
    "end_time": datetime.time(12, 0),
    "status": "scheduled",
    "dress_code": "Pakaian Dinas Harian (PDH)",
    "contact_name": "Contoh Staf Kesbangpol",
    "contact_phone": "0812-0000-0000",
}
UPCOMING_DAYS = 3

# A fictional series of one election to voting day (dated from the day the demo is loaded):
# an earlier Rakor whose follow-ups and readiness the later ones take up, so that `make run`
# shows the follow-up register and the readiness dashboard filled.
SERIES_ELECTION = "[CONTOH] Pilkada Serentak (data fiktif)"
SERIES_VOTING_IN_DAYS = 6  # the upcoming meeting (in 3 days) is then H-3
SERIES_EARLIER = {
    "title": "[CONTOH] Rakor Kesiapan H-20 (data fiktif)",
    "venue": "Aula Kantor Bupati Konawe Utara (contoh)",
    "kind": "rakor",
    "start_time": datetime.time(9, 0),
    "end_time": datetime.time(12, 0),
    "status": "held",
    "opening_remarks": "Contoh pembukaan rapat seri (data fiktif).",
    "conclusions": "1. Distribusi logistik ke kecamatan kepulauan dipercepat (data fiktif).",
}
SERIES_EARLIER_DAYS_AGO = 14
# agency, aspect, label, status at the earlier meeting, at today's, value, target, unit
SERIES_INDICATORS = (
    (KPU, "logistics", "Logistik tiba di PPS (contoh)", "at_risk", "achieved", 40, 100, "%"),
    (
        POLRES,
        "security",
        "Personel pengamanan TPS (contoh)",
        "on_track",
        "on_track",
        320,
        350,
        "orang",
    ),
    (
        BAWASLU,
        "vulnerability",
        "TPS rawan terpetakan (contoh)",
        "on_track",
        "achieved",
        30,
        45,
        "TPS",
    ),
)
# text, responsible, due (days from today), progress between meetings (liaison), closed today
SERIES_FOLLOW_UPS = (
    (
        "Mempercepat distribusi logistik ke kecamatan kepulauan (contoh)",
        KPU,
        -4,
        "Logistik 60% tiba di PPS kepulauan; kapal kedua berangkat (contoh)",
        True,
    ),
    (
        "Menyusun rencana pengamanan TPS rawan banjir bersama BPBD (contoh)",
        POLRES,
        2,
        "",
        False,
    ),
)
