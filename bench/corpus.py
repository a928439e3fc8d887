"""A benchmark corpus: thousands of articles in the sample portal's WordPress layout, about 5% of
them reporting evaluation results as regional portals do, the rest ordinary local news of varied
length. Deterministic for a given size, so runs can be compared."""
from __future__ import annotations

import random
from datetime import date, timedelta

from rapor.pipeline.sample_portal import Story

PLACES = ["Kabupaten Serang", "Kota Cilegon", "Kabupaten Lebak", "Kabupaten Pandeglang", "Kota Tangerang",
          "Kabupaten Bogor", "Kota Depok", "Kabupaten Garut", "Kota Madiun", "Kabupaten Sidoarjo"]
OPDS = ["Dinas Sosial", "DPMPTSP", "Disdukcapil", "Dinas Kesehatan", "Bapenda", "RSUD", "UPT Puskesmas Ciruas"]
EVALUATION_TEMPLATES = [
    "Dalam Penilaian Kepatuhan Standar Pelayanan Publik Tahun {year} oleh Ombudsman RI, {opd} {place} meraih "
    "nilai {score100} dan masuk zona hijau kualitas tertinggi, sementara {opd2} {place} mencatat {score100b}.",
    "Hasil Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik tahun {year} menempatkan Pemerintah "
    "{place} pada Indeks Pelayanan Publik {score5} dengan predikat A- atau Sangat Baik.",
    "Survei Kepuasan Masyarakat tahun {year} di {opd} {place} menghasilkan nilai {score100} dengan mutu pelayanan B.",
    "Pemerintah {place} kembali meraih predikat BB dalam evaluasi SAKIP Tahun {year} dengan nilai {sakip}.",
]
NEWS_SENTENCES = [
    "Warga {place} memadati alun-alun untuk mengikuti kegiatan bersama pada akhir pekan.",
    "Harga cabai rawit di pasar induk naik menjadi Rp {price}.000 per kilogram dalam sepekan terakhir.",
    "Sebanyak {count} rumah terdampak banjir setelah hujan deras mengguyur wilayah itu sejak sore.",
    "Pemerintah daerah menyiapkan anggaran Rp {budget} miliar untuk perbaikan jalan sepanjang {km} kilometer.",
    "Panitia memperkirakan lebih dari {count} orang datang ke festival kuliner yang digelar tiga hari.",
    "Kepala dinas meminta warga aktif membawa anak ke posyandu agar cakupan imunisasi mencapai target.",
    "Tim gabungan mendirikan dapur umum dan menyalurkan {tons} ton beras kepada warga yang mengungsi.",
    "Pertandingan berakhir imbang {goals}-{goals2} setelah gol penyama kedudukan pada menit ke-{minute}.",
    "Musyawarah perencanaan pembangunan menerima {count} usulan dari kecamatan untuk rencana kerja tahun depan.",
    "Pelaku usaha mikro mengikuti pelatihan pemasaran daring yang dibagi dalam enam angkatan.",
]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        place=rng.choice(PLACES), opd=rng.choice(OPDS), opd2=rng.choice(OPDS), year=rng.randint(2019, 2025),
        score100=f"{rng.uniform(60, 99):.2f}".replace(".", ","), score100b=f"{rng.uniform(60, 99):.2f}".replace(".", ","),
        score5=f"{rng.uniform(2.5, 4.9):.2f}".replace(".", ","), sakip=f"{rng.uniform(70, 80):.2f}".replace(".", ","),
        price=rng.randint(20, 90), count=rng.randint(20, 2000), budget=rng.randint(1, 40), km=rng.randint(1, 30),
        tons=rng.randint(1, 9), goals=rng.randint(0, 3), goals2=rng.randint(0, 3), minute=rng.randint(1, 90))


def make_corpus(size: int, seed: int = 7, evaluation_share: float = 0.05) -> list[Story]:
    rng = random.Random(seed)
    start = date(2019, 1, 1)
    stories = []
    for number in range(size):
        reports = rng.random() < evaluation_share
        length = rng.choice([3, 5, 8, 14, 24])        # short notices to long features
        sentences = [_fill(rng.choice(NEWS_SENTENCES), rng) for _ in range(length)]
        if reports:
            sentences.insert(rng.randint(0, len(sentences)), _fill(rng.choice(EVALUATION_TEMPLATES), rng))
        paragraphs = tuple(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))
        paragraphs = (f"SERANG, Warta Banten Raya – {paragraphs[0]}",) + paragraphs[1:]
        stories.append(Story(portal="warta-banten", id=100000 + number, slug=f"berita-{number}",
                             title=f"Berita daerah nomor {number}", published=start + timedelta(days=number % 2500),
                             section=rng.choice(["Pemerintahan", "Ekonomi", "Peristiwa", "Olahraga"]),
                             author="Redaksi Warta", paragraphs=paragraphs))
    stories.sort(key=lambda s: (s.published, s.id), reverse=True)
    return stories
