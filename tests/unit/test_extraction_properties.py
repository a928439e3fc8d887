"""Property-based: mutated real-looking sentences never crash the extractor, and what it returns
always explains itself (its quote sits at its offsets, scores are on a sane scale)."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapor.extract.records import Article
from tests.fuzz import FRAGMENTS, SEEDS  # one list of real-looking sentences for both fuzzers


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 8))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "swap_case", "duplicate"]))
        if action == "insert":
            text = text[:position] + draw(st.sampled_from(FRAGMENTS) | st.text(max_size=4)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 6)):]
        elif action == "swap_case":
            text = text[:position] + text[position:position + 12].swapcase() + text[position + 12:]
        else:
            text = text + " " + text[:position]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(), title=st.none() | st.text(max_size=40))
def test_mutated_sentences_never_crash_and_records_explain_themselves(extractor, text, title):
    records = extractor.extract(Article(text=text, title=title))
    for record in records:
        assert 0 <= record.start < record.end <= len(text)
        assert text[record.start:record.end] == record.quote
        assert record.score is None or 0 <= record.score <= 100
        assert record.scheme in ("ombudsman_compliance", "pekppp", "skm", "sakip", "spbe", "rb", "kip", "zi", "other")
        assert record.rule_ids and record.entity


@settings(max_examples=60, deadline=None)
@given(blob=st.binary(min_size=0, max_size=3000))
def test_binary_garbage_decoded_as_text_gives_no_error(extractor, blob):
    extractor.extract(Article(text=blob.decode("latin-1")))


def test_a_lone_surrogate_or_an_unreadable_url_is_read_around(extractor):
    from rapor.extract.records import Article
    text = "Ombudsman menilai kepatuhan 2023: Kota Kendari meraih nilai 88,1 \ud800 zona hijau."
    [record] = extractor.extract(Article(text=text, title="Judul \udfff", url="https://host.[x/a"))
    assert record.score == 88.1 and "\ud800" not in record.quote


DRAWN_LISTS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_scores(values: list[int]) -> list[str]:
    """6010 → "60,10": scores written the Indonesian way."""
    return [f"{v // 100},{v % 100:02d}" for v in values]


def written_by(record, names: list[str]) -> str:
    """The drawn name a record was read from (its canonical name may expand what was written)."""
    return next(n for n in names if record.entity_as_written in n or n in record.entity_as_written)


# Names of the shapes regional news prints in its lists: governments with and without prefix, units
# a head names, units named after people, units of kinds no list knows, a place no gazetteer
# knows, and a bare name no rule can read (which must own its score, not pass it on).
LIST_NAMES = ["Kabupaten Sleman", "Kota Magelang", "Pemkab Bantul", "Dinas Sosial Kabupaten Klaten",
              "Disdukcapil Kota Solo", "Puskesmas Ngemplak", "RSUD dr. Soeradji Tirtonegoro", "Polres Wonogiri",
              "Lapas Kelas IIB Wonosari", "Kantor Pertanahan Kabupaten Boyolali", "KPPBC Tipe Madya Cilacap",
              "BBPOM di Semarang", "Kankemenag Kota Salatiga", "Kabupaten Mamberamo Hulu", "Wonokerto",
              "Balai Besar Wilayah Sungai Serayu", "UPTD Samsat Kudus", "Pengadilan Negeri Kudus",
              "Kantor Imigrasi Kelas I Semarang", "Universitas Tidar", "Perumda Tirta Moedal",
              "Stasiun Klimatologi Semarang", "Loka POM di Kabupaten Banyumas"]
LIST_SHAPES = ["{a} meraih nilai {s1}, {b} {s2}, dan {c} {s3}.",
               "{a} ({s1}), {b} ({s2}) serta {c} ({s3}).",
               "{a} memperoleh {s1}, sedangkan {b} memperoleh {s2} dan {c} hanya {s3}.",
               "nilai tertinggi diraih {a} dengan {s1}, disusul {b} {s2} dan {c} {s3}."]


@DRAWN_LISTS
@given(names=st.permutations(LIST_NAMES).map(lambda p: p[:3]), shape=st.sampled_from(LIST_SHAPES),
       values=st.lists(st.integers(6010, 9999), min_size=3, max_size=3, unique=True))
def test_a_score_in_a_list_never_goes_to_another_items_name(extractor, names, shape, values):
    scores = as_scores(values)
    text = "Dalam penilaian kepatuhan Ombudsman 2023, " + shape.format(
        a=names[0], b=names[1], c=names[2], s1=scores[0], s2=scores[1], s3=scores[2])
    owner = {v / 100: name for v, name in zip(values, names)}
    for record in extractor.extract(Article(text=text)):
        written = owner[record.score]
        # the record names the item's own body (its canonical name may expand what was written)
        assert record.entity_as_written in written or written in record.entity_as_written, (record, text)


ZONE_NAMES = ["Polres Sleman", "Pengadilan Negeri Kudus", "Lapas Kelas IIB Wonosari", "Kantor Imigrasi Kelas I Semarang",
              "KPPBC Tipe Madya Cilacap", "BBPOM di Semarang", "Puskesmas Ngemplak", "RSUD dr. Soeradji Tirtonegoro",
              "Kantor Pertanahan Kabupaten Boyolali", "Universitas Tidar", "Kejaksaan Negeri Pati"]
ZONE_SHAPES = ["{a} meraih predikat {x}, sedangkan {b} meraih predikat {y}.",
               "Predikat {x} diraih {a}, sementara predikat {y} diraih {b}.",
               "{a} dan {b} masing-masing meraih predikat {x} dan {y}.",
               "{a} meraih {x}. Adapun {b} meraih {y}.",
               "Unit kerja yang meraih {x} yaitu {a}, sedangkan yang meraih {y} yaitu {b}.",
               "Kementerian PANRB menganugerahkan predikat {x} kepada {a} dan predikat {y} kepada {b}."]


@DRAWN_LISTS
@given(names=st.permutations(ZONE_NAMES).map(lambda p: p[:2]), shape=st.sampled_from(ZONE_SHAPES),
       labels=st.permutations(["WBK", "WBBM"]))
def test_each_unit_of_two_keeps_its_own_integrity_zone_label(extractor, names, shape, labels):
    text = "Dalam penganugerahan Zona Integritas 2023, " + shape.format(a=names[0], b=names[1], x=labels[0], y=labels[1])
    given_label = {name: label.lower() for name, label in zip(names, labels)}
    for record in extractor.extract(Article(text=text)):
        owner = written_by(record, names)
        assert record.predicate == (given_label[owner],), (record, text)


ZONES = ["zona hijau", "zona kuning", "zona merah", "kualitas tinggi", "kualitas sedang"]
LABELLED_SHAPES = [
    "{a} meraih nilai {s1} ({x}), {b} {s2} ({y}) dan {c} {s3} ({z}).",
    "{a} meraih nilai {s1} dengan predikat {x}, sedangkan {b} memperoleh {s2} dengan predikat {y}, dan {c} {s3} "
    "dengan predikat {z}.",
    "{a} memperoleh {s1} atau {x}. {b} memperoleh {s2} atau {y}. Adapun {c} memperoleh {s3} atau {z}.",
    "Untuk {x}, {a} meraih {s1}. Untuk {y}, {b} meraih {s2}. Untuk {z}, {c} meraih {s3}."]


@DRAWN_LISTS
@given(names=st.permutations(LIST_NAMES).map(lambda p: p[:3]), shape=st.sampled_from(LABELLED_SHAPES),
       zones=st.permutations(ZONES).map(lambda p: p[:3]),
       values=st.lists(st.integers(6010, 9999), min_size=3, max_size=3, unique=True))
def test_a_scored_item_carries_its_own_label_or_none(extractor, names, shape, zones, values):
    scores = as_scores(values)
    text = "Dalam penilaian kepatuhan Ombudsman 2023, " + shape.format(
        a=names[0], b=names[1], c=names[2], x=zones[0], y=zones[1], z=zones[2], s1=scores[0], s2=scores[1], s3=scores[2])
    own = {v / 100: zone for v, zone in zip(values, zones)}
    for record in extractor.extract(Article(text=text)):
        assert record.predicate in ((), (own[record.score],)), (record, text)


NOT_RESULTS = [
    "{a} menargetkan nilai {s} pada penilaian kepatuhan Ombudsman tahun depan.",
    "Rata-rata nilai kepatuhan kabupaten/kota di sekitar {a} mencapai {s}.",
    "Dalam penilaian kepatuhan Ombudsman, zona hijau diberikan untuk nilai {s} - 100, seperti yang diharapkan {a}.",
    "{a} berharap bisa meraih predikat zona hijau dengan nilai minimal {s}.",
    "Sebanyak {n} OPD di {a} masuk zona hijau pada penilaian kepatuhan Ombudsman.",
    "Dalam penilaian kepatuhan Ombudsman, nilai dimensi kompetensi pelaksana {a} mencapai {s}.",
    "{a} mencanangkan pembangunan Zona Integritas menuju WBK dan WBBM.",
    "Komisi Informasi menetapkan {a} sebagai nominasi Informatif dalam monev keterbukaan informasi publik.",
    "{a} lolos tahap visitasi monev keterbukaan informasi publik setelah nilai SAQ mencapai {s}.",
    "Tim penilai memberikan nilai {s} untuk komponen pengungkit dalam pembangunan zona integritas {a} tahun 2023.",
    "Apakah {a} akan kembali meraih zona hijau dengan nilai {s} pada penilaian kepatuhan Ombudsman tahun ini?",
    "{a} meraih predikat zona hijau Ombudsman? Simak penjelasan lengkapnya.",
    # another map's zones, a talk about a zone, a change's size, a pollster's rating, a self-assessment
    "{a} kembali masuk zona merah penyebaran Covid-19 setelah kasus harian melonjak.",
    "{a} masuk zona hijau kerawanan pemilu menurut Bawaslu.",
    "Ombudsman memberikan sosialisasi tentang zona hijau kepada {a} dalam rangka penilaian kepatuhan.",
    "Kenaikan nilai IKM {a} sebesar {s} menjadi bukti keseriusan pemerintah.",
    "Tingkat kepuasan masyarakat terhadap kinerja kepala daerah di {a} mencapai {s} persen.",
    "{a} mengisi lembar kerja evaluasi SAKIP dengan nilai mandiri {s}."]


@DRAWN_LISTS
@given(name=st.sampled_from(LIST_NAMES), shape=st.sampled_from(NOT_RESULTS), value=st.integers(6010, 9999),
       count=st.integers(3, 30))
def test_targets_bands_averages_counts_components_goals_and_nominations_give_no_record(extractor, name, shape, value,
                                                                                      count):
    text = shape.format(a=name, s=f"{value // 100},{value % 100:02d}", n=count)
    assert extractor.extract(Article(text=text)) == [], text


ZONE_GROUP_NAMES = ["Kota Kendari", "Kabupaten Kolaka", "Kabupaten Konawe Selatan", "Kabupaten Buton", "Kabupaten Muna",
                    "Kabupaten Wakatobi", "Pemkot Baubau", "Pemkab Bombana", "Kabupaten Mamberamo Hulu",
                    "Kantor Pertanahan Kabupaten Konawe Utara", "Polres Kolaka Utara"]
ZONE_GROUP_LABELS = ["zona hijau", "zona kuning", "zona merah", "opini kualitas tertinggi", "opini kualitas tinggi",
                     "kualitas sedang"]
ZONE_GROUP_SHAPES = ["Dalam penilaian kepatuhan Ombudsman 2023, {a} dan {b} masuk {x}, sedangkan {c} masuk {y}.",
                     "Penilaian kepatuhan Ombudsman 2023\n{X}: {a}, {b}.\n{Y}: {c}.",
                     "Dalam penilaian 2023, Ombudsman RI menyerahkan {x} kepada {a} dan {b}, serta {y} kepada {c}.",
                     "Dalam penilaian kepatuhan Ombudsman 2023, {a} meraih {x}, begitu pula {b}. Adapun {c} berada di {y}.",
                     "Dalam penilaian kepatuhan Ombudsman 2023, sebanyak dua daerah masuk {x}, yakni {a} dan {b}, "
                     "sementara {c} masuk {y}."]


@DRAWN_LISTS
@given(names=st.permutations(ZONE_GROUP_NAMES).map(lambda p: p[:3]), shape=st.sampled_from(ZONE_GROUP_SHAPES),
       labels=st.permutations(ZONE_GROUP_LABELS).map(lambda p: p[:2]))
def test_two_groups_of_a_sentence_keep_their_own_labels(extractor, names, shape, labels):
    x, y = labels
    text = shape.format(a=names[0], b=names[1], c=names[2], x=x, y=y, X=x.capitalize(), Y=y.capitalize())
    group_label = {names[0]: x, names[1]: x, names[2]: y}
    for record in extractor.extract(Article(text=text)):
        owner = written_by(record, names)
        assert record.predicate == (group_label[owner],), (record, text)


KIP_NAMES = ["Kabupaten Kendal", "Kota Pekalongan", "Diskominfo Kabupaten Batang", "Kabupaten Pemalang", "Kota Tegal",
             "RSUD Kardinah", "Kabupaten Brebes", "Sekretariat DPRD Kabupaten Batang", "Universitas Pekalongan",
             "Polres Kendal"]
KIP_LABELS = ["Informatif", "Menuju Informatif", "Cukup Informatif", "Kurang Informatif"]
KIP_SHAPES = ["{a} meraih predikat {x} dengan nilai {s1}, sedangkan {b} masuk kategori {y} dengan nilai {s2}.",
              "Kategori {x} diraih {a} ({s1}), adapun kategori {y} diraih {b} ({s2}).",
              "{a} ({s1}) berpredikat {x}. {b} ({s2}) berpredikat {y}.",
              "Dengan nilai {s1}, {a} dinyatakan {x}. Sementara {b} memperoleh {s2} dan dinyatakan {y}."]


@DRAWN_LISTS
@given(names=st.permutations(KIP_NAMES).map(lambda p: p[:2]), shape=st.sampled_from(KIP_SHAPES),
       labels=st.permutations(KIP_LABELS).map(lambda p: p[:2]),
       values=st.lists(st.integers(4010, 9999), min_size=2, max_size=2, unique=True))
def test_each_scored_body_keeps_its_own_openness_category(extractor, names, shape, labels, values):
    scores = as_scores(values)
    text = ("Komisi Informasi Provinsi Jawa Tengah mengumumkan hasil monev keterbukaan informasi publik 2023. "
            + shape.format(a=names[0], b=names[1], x=labels[0], y=labels[1], s1=scores[0], s2=scores[1]))
    own = {v / 100: (name, label.lower()) for v, name, label in zip(values, names, labels)}
    for record in extractor.extract(Article(text=text)):
        name, label = own[record.score]
        assert record.entity_as_written in name or name in record.entity_as_written, (record, text)
        assert record.predicate in ((), (label,)), (record, text)


ZONE_YEAR_SHAPES = [  # (shape, whether it tells the earlier WBK of year y0 too)
    ("{a} meraih predikat WBBM pada penganugerahan Zona Integritas tahun {y}.", False),
    ("Penganugerahan Zona Integritas {y} digelar di Jakarta. {a} meraih predikat WBBM.", False),
    ("{a} meraih predikat WBBM. Penghargaan diserahkan Menteri PANRB di Jakarta, Rabu (13/12/{y}).", False),
    ("{a} yang meraih WBK pada {y0} kini meraih predikat WBBM pada penganugerahan ZI {y}.", True),
    ("Setelah meraih WBK tahun {y0}, {a} tahun {y} berhasil meraih WBBM.", True)]


@DRAWN_LISTS
@given(name=st.sampled_from(ZONE_NAMES), shape=st.sampled_from(ZONE_YEAR_SHAPES), year=st.integers(2019, 2024),
       gap=st.integers(1, 3))
def test_each_integrity_zone_award_is_told_with_its_own_year(extractor, name, shape, year, gap):
    template, earlier = shape
    text = template.format(a=name, y=year, y0=year - gap)
    found = sorted((r.predicate, r.year) for r in extractor.extract(Article(text=text)))
    assert found == sorted([(("wbbm",), year)] + ([(("wbk",), year - gap)] if earlier else [])), text


ROW_LABELS = {"ombudsman": ["Zona Hijau", "Zona Kuning", "Zona Merah", "Kualitas Tertinggi", "Kualitas Sedang"],
              "pekppp": ["A- (Pelayanan Prima)", "A (Sangat Baik)", "B (Baik)", "Pelayanan Prima", "Sangat Baik", "Cukup"]}
ROW_INTROS = {"ombudsman": "Berikut hasil penilaian kepatuhan Ombudsman tahun 2023:",
              "pekppp": "Berikut hasil evaluasi PEKPPP tahun 2023:"}


@DRAWN_LISTS
@given(names=st.permutations(LIST_NAMES[:13]).map(lambda p: p[:4]), scheme=st.sampled_from(sorted(ROW_LABELS)),
       picks=st.lists(st.integers(0, 4), min_size=4, max_size=4), values=st.lists(st.integers(210, 499), min_size=4, max_size=4),
       scored=st.booleans(), numbered=st.booleans(), header=st.booleans())
def test_a_table_copied_one_cell_per_line_keeps_each_rows_cells_together(extractor, names, scheme, picks, values,
                                                                         scored, numbered, header):
    labels = [ROW_LABELS[scheme][k] for k in picks]
    # an index on 0–5 for PEKPPP, a compliance score on 100 for Ombudsman
    scores = [f"{v // 100},{v % 100:02d}" if scheme == "pekppp" else f"{v // 5},{v % 100:02d}" for v in values]
    lines = [ROW_INTROS[scheme]] + (["No", "Nama", "Nilai", "Kategori"] if header else [])
    for k, name in enumerate(names):
        lines += ([str(k + 1)] if numbered else []) + [name] + ([scores[k]] if scored else []) + [labels[k]]
    text = "\n".join(lines)
    for record in extractor.extract(Article(text=text)):
        row = names.index(written_by(record, names))
        assert record.predicate and all(p in labels[row].lower() for p in record.predicate), (record, text)
        assert record.score == (float(scores[row].replace(",", ".")) if scored else None), (record, text)


YEAR_SERIES_SHAPES = [
    "Nilai kepatuhan {e} tahun {y1} sebesar {s1}, sedangkan tahun {y2} sebesar {s2} dan tahun {y3} sebesar {s3}.",
    "Berikut nilai kepatuhan {e} dari tahun ke tahun: {y1}: {s1}; {y2}: {s2}; {y3}: {s3}.",
    "{e} meraih nilai {s1} ({y1}), {s2} ({y2}) dan {s3} ({y3}).",
    "{e} meraih nilai {s1} pada {y1}, {s2} pada {y2}, dan {s3} pada {y3}.",
    "Nilai {e} pada {y1} mencapai {s1}, pada {y2} sebesar {s2}, sementara pada {y3} hanya {s3}.",
    "Tahun {y1} {e} meraih {s1}, tahun {y2} meraih {s2}, dan tahun {y3} meraih {s3}.",
    "Nilai {e}: tahun {y1} = {s1}, tahun {y2} = {s2}, tahun {y3} = {s3}."]


@DRAWN_LISTS
@given(name=st.sampled_from(LIST_NAMES[:8]), shape=st.sampled_from(YEAR_SERIES_SHAPES),
       years=st.permutations(range(2017, 2025)).map(lambda p: p[:3]),
       values=st.lists(st.integers(6010, 9999), min_size=3, max_size=3, unique=True))
def test_each_value_of_a_bodys_series_keeps_its_own_year(extractor, name, shape, years, values):
    scores = as_scores(values)
    text = "Ombudsman RI merilis hasil penilaian kepatuhan standar pelayanan publik. " + shape.format(
        e=name, y1=years[0], y2=years[1], y3=years[2], s1=scores[0], s2=scores[1], s3=scores[2])
    year_of = {v / 100: y for v, y in zip(values, years)}
    found = {r.score: r.year for r in extractor.extract(Article(text=text)) if r.score is not None}
    assert found == year_of, text


ARTICLE_LEADS = [
    "Ombudsman RI Perwakilan Jawa Tengah menyerahkan hasil Penilaian Kepatuhan Standar Pelayanan Publik tahun {y} "
    "kepada pemerintah daerah, Kamis (14/12/{y}).",
    "Hasil penilaian kepatuhan Ombudsman RI tahun {y} telah diumumkan di Semarang.",
    "Penilaian kepatuhan standar pelayanan publik oleh Ombudsman RI tahun {y} kembali menempatkan sejumlah daerah di "
    "Jawa Tengah pada zona hijau."]
ARTICLE_LISTS = [
    "{a} meraih nilai {sa} ({za}), {b} {sb} ({zb}), dan {c} {sc} ({zc}).",
    "Nilai tertinggi diraih {a} dengan {sa} dan masuk {za}. Disusul {b} dengan {sb} ({zb}), sedangkan {c} meraih {sc} "
    "dan masuk {zc}.",
    "Berikut hasilnya:\n1. {a}: {sa} ({za})\n2. {b}: {sb} ({zb})\n3. {c}: {sc} ({zc})",
    "{a} memperoleh nilai {sa} dengan predikat {za}. Adapun {b} memperoleh {sb} dengan predikat {zb}. Sementara {c} "
    "mendapat nilai {sc} dan berada di {zc}."]
# paragraphs with numbers and labels that are nobody's result
ARTICLE_TAILS = [
    "Kepala Ombudsman Perwakilan Jawa Tengah mengatakan, penilaian dilakukan terhadap 35 pemerintah daerah sejak Mei "
    "hingga Oktober {y}.",
    "Sebanyak 20 daerah masuk zona hijau, 12 daerah zona kuning dan 3 daerah zona merah.",
    "Rata-rata nilai kepatuhan di Jawa Tengah mencapai 78,45, naik dari tahun sebelumnya.",
    "Penilaian mengacu pada UU Nomor 25 Tahun 2009 tentang Pelayanan Publik.",
    "Baca juga: Kabupaten Demak Raih Nilai 95,10 di Penilaian Kepatuhan",
    "Bupati berharap tahun depan seluruh OPD bisa meraih nilai di atas 90."]
ARTICLE_GOVERNMENTS = ["Kabupaten Sleman", "Kota Magelang", "Kabupaten Bantul", "Kabupaten Klaten", "Kota Salatiga",
                       "Kabupaten Wonogiri", "Kabupaten Kudus", "Kota Semarang", "Kabupaten Blora"]
def zone_of(value: int) -> str:
    """The compliance zone of a score written in hundredths (8100 → 81,00 → zona hijau)."""
    return "zona hijau" if value >= 8100 else "zona kuning" if value >= 5100 else "zona merah"


@DRAWN_LISTS
@given(year=st.integers(2021, 2024), lead=st.sampled_from(ARTICLE_LEADS), body=st.sampled_from(ARTICLE_LISTS),
       tails=st.permutations(ARTICLE_TAILS).map(lambda p: p[:3]),
       names=st.permutations(ARTICLE_GOVERNMENTS).map(lambda p: p[:3]),
       values=st.lists(st.integers(3000, 9999), min_size=3, max_size=3, unique=True))
def test_a_whole_article_gives_each_listed_result_and_nothing_from_its_other_numbers(extractor, year, lead, body, tails,
                                                                                     names, values):
    scores = as_scores(values)
    labels = [zone_of(v) for v in values]
    text = (lead.format(y=year) + "\n\n" + body.format(a=names[0], b=names[1], c=names[2], sa=scores[0], sb=scores[1],
                                                       sc=scores[2], za=labels[0], zb=labels[1], zc=labels[2])
            + "\n\n" + "\n\n".join(t.format(y=year) for t in tails))
    found = {r.score: r for r in extractor.extract(Article(text=text, title=f"Hasil Penilaian Kepatuhan {year}"))}
    assert set(found) == {v / 100 for v in values}, text
    for value, name, label in zip(values, names, labels):
        record = found[value / 100]
        assert record.entity == f"Pemerintah {name}" and record.predicate == (label,) and record.year == year, text


OPD_UNITS = {"Dinas Kesehatan": "Dinas Kesehatan", "Dinas Sosial": "Dinas Sosial",
             "Disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
             "RSUD Kota Magelang": "Rumah Sakit Umum Daerah Kota Magelang",
             "Puskesmas Magelang Utara": "Puskesmas Magelang Utara", "Kecamatan Magelang Tengah": "Kecamatan Magelang Tengah",
             "Dinas Perhubungan": "Dinas Perhubungan", "Bappeda": "Badan Perencanaan Pembangunan Daerah"}
OPD_SCHEMES = {  # lead, then (category, lowest and highest value in hundredths)
    "skm": ("Pemkot Magelang merilis hasil Survei Kepuasan Masyarakat (SKM) tahun {y} untuk seluruh unit pelayanan di "
            "lingkungan Pemkot Magelang.", [("Sangat Baik", 8831, 9999), ("Baik", 7661, 8830)]),
    "pekppp": ("Kementerian PANRB mengumumkan hasil evaluasi PEKPPP tahun {y} bagi unit pelayanan di lingkungan Pemkot "
               "Magelang.", [("Pelayanan Prima", 451, 500), ("Sangat Baik", 401, 450), ("Baik", 351, 400)])}
OPD_LISTS = [
    "{a} meraih nilai {sa} ({za}), {b} {sb} ({zb}), dan {c} {sc} ({zc}).",
    "Nilai tertinggi diraih {a} dengan {sa} atau kategori {za}, disusul {b} dengan {sb} ({zb}) dan {c} dengan {sc} ({zc}).",
    "Hasilnya:\n- {a}: {sa} ({za})\n- {b}: {sb} ({zb})\n- {c}: {sc} ({zc})",
    "{a} memperoleh nilai {sa} dengan predikat {za}. Adapun {b} memperoleh {sb} dengan predikat {zb}. Sementara {c} "
    "mendapat nilai {sc} dengan predikat {zc}."]
OPD_TAILS = [
    "Survei melibatkan 1.250 responden dengan margin of error 5 persen.",
    "Wali Kota Magelang berharap nilai rata-rata seluruh OPD tahun depan bisa mencapai 90.",
    "Sebanyak 12 unit pelayanan masuk kategori sangat baik dan 8 unit kategori baik.",
    "\"Kita akan terus berbenah,\" ujar Kepala Bagian Organisasi Setda Kota Magelang, Senin (11/12/{y}).",
    "Baca juga: RSUD Kota Salatiga Raih Nilai 95,10 dalam Survei Kepuasan"]


@DRAWN_LISTS
@given(year=st.integers(2022, 2024), scheme=st.sampled_from(sorted(OPD_SCHEMES)), body=st.sampled_from(OPD_LISTS),
       tails=st.permutations(OPD_TAILS).map(lambda p: p[:3]), units=st.permutations(sorted(OPD_UNITS)).map(lambda p: p[:3]),
       picks=st.lists(st.integers(0, 2), min_size=3, max_size=3), seeds=st.lists(st.integers(0, 10_000), min_size=3,
                                                                                  max_size=3))
def test_an_article_on_a_governments_units_gives_each_its_own_result(extractor, year, scheme, body, tails, units, picks,
                                                                      seeds):
    lead, categories = OPD_SCHEMES[scheme]
    chosen = [categories[k % len(categories)] for k in picks]
    values = [low + seed % (high - low + 1) for (_, low, high), seed in zip(chosen, seeds)]
    scores = as_scores(values)
    if len(set(values)) < 3:
        return  # one value twice is another shape of news
    text = (lead.format(y=year) + "\n\n" + body.format(a=units[0], b=units[1], c=units[2], sa=scores[0], sb=scores[1],
                                                       sc=scores[2], za=chosen[0][0], zb=chosen[1][0], zc=chosen[2][0])
            + "\n\n" + "\n\n".join(t.format(y=year) for t in tails))
    found = {r.score: r for r in extractor.extract(Article(text=text))}
    assert set(found) == {v / 100 for v in values}, text
    for value, unit, (label, _, _) in zip(values, units, chosen):
        record = found[value / 100]
        assert record.entity.startswith(OPD_UNITS[unit]) and label.lower() in record.predicate, (record, text)
        assert record.year == year, text


ZI_LEADS = ["Kementerian PANRB menggelar penganugerahan Zona Integritas tahun {y} di Jakarta, Rabu (13/12/{y}).",
            "Sejumlah satuan kerja di Jawa Tengah meraih predikat dalam penganugerahan Zona Integritas {y}."]
ZI_BODIES = ["{a} meraih predikat {x}, {b} meraih predikat {z}, sedangkan {c} meraih predikat {w}.",
             "Predikat {x} diraih {a}. Sementara itu, {b} meraih {z} dan {c} meraih {w}.",
             "Adapun satker peraih predikat tersebut yakni:\n- {a} ({x})\n- {b} ({z})\n- {c} ({w})",
             "Penghargaan {x} diberikan kepada {a}, predikat {z} kepada {b}, dan {w} kepada {c}."]
ZI_TAILS = ["Sebanyak 1.200 unit kerja diusulkan, namun hanya 480 yang lolos evaluasi Tim Penilai Nasional.",
            "Kepala {a} berharap tahun depan satkernya bisa naik ke predikat WBBM.",
            "Tim penilai memberikan nilai 35,5 untuk komponen pengungkit.",
            "Pembangunan zona integritas dicanangkan sejak 2019 di seluruh satker.",
            "Baca juga: Polres Demak Raih Predikat WBBM"]


@DRAWN_LISTS
@given(year=st.integers(2021, 2024), lead=st.sampled_from(ZI_LEADS), body=st.sampled_from(ZI_BODIES),
       tails=st.permutations(ZI_TAILS).map(lambda p: p[:3]), names=st.permutations(ZONE_NAMES).map(lambda p: p[:3]),
       labels=st.lists(st.sampled_from(["WBK", "WBBM"]), min_size=3, max_size=3))
def test_an_integrity_zone_article_gives_each_unit_its_own_award_and_no_wish(extractor, year, lead, body, tails, names,
                                                                           labels):
    text = (lead.format(y=year) + "\n\n" + body.format(a=names[0], b=names[1], c=names[2], x=labels[0], z=labels[1],
                                                       w=labels[2])
            + "\n\n" + "\n\n".join(t.format(a=names[0]) for t in tails))
    found = {written_by(r, names): r for r in extractor.extract(Article(text=text))}
    assert set(found) == set(names), text
    for name, label in zip(names, labels):
        assert (found[name].predicate, found[name].year) == ((label.lower(),), year), text


GRADED_ARTICLES = {  # lead, then (category, lowest and highest value in hundredths)
    "kip": ("Komisi Informasi Provinsi Jawa Tengah mengumumkan hasil Monitoring dan Evaluasi Keterbukaan Informasi "
            "Publik tahun {y}.", [("Informatif", 9000, 9999), ("Menuju Informatif", 8000, 8999),
                                  ("Cukup Informatif", 6000, 7999)]),
    "sakip": ("Kementerian PANRB menyerahkan hasil evaluasi SAKIP tahun {y} kepada pemerintah daerah di Jawa Tengah.",
              [("A", 8000, 9000), ("BB", 7000, 7999), ("B", 6000, 6999)])}
GRADED_BODIES = [
    "{a} meraih nilai {sa} dengan predikat {za}, {b} {sb} ({zb}), dan {c} {sc} ({zc}).",
    "{a} meraih predikat {za} dengan nilai {sa}. Sementara {b} meraih {zb} dengan nilai {sb}, sedangkan {c} meraih "
    "{zc} dengan nilai {sc}.",
    "Berikut hasilnya:\n1. {a} – {sa} ({za})\n2. {b} – {sb} ({zb})\n3. {c} – {sc} ({zc})"]
GRADED_TAILS = ["Sebanyak 35 badan publik dinilai, 10 di antaranya masuk kategori {top}.",
                "Nilai rata-rata seluruh kabupaten/kota mencapai 75,40.",
                "Kategori {top} diberikan bagi badan publik dengan nilai 90 sampai 100.",
                "Bupati berharap tahun depan bisa meraih predikat {top}.",
                "Baca juga: Pemkab Demak Raih Predikat {top}"]
GRADED_GOVERNMENTS = {"Pemkab Sleman": "Pemerintah Kabupaten Sleman", "Pemkot Magelang": "Pemerintah Kota Magelang",
                      "Pemkab Bantul": "Pemerintah Kabupaten Bantul", "Pemkot Salatiga": "Pemerintah Kota Salatiga",
                      "Pemkab Kudus": "Pemerintah Kabupaten Kudus"}


@DRAWN_LISTS
@given(year=st.integers(2021, 2024), scheme=st.sampled_from(sorted(GRADED_ARTICLES)), body=st.sampled_from(GRADED_BODIES),
       tails=st.permutations(GRADED_TAILS).map(lambda p: p[:3]),
       names=st.permutations(sorted(GRADED_GOVERNMENTS)).map(lambda p: p[:3]),
       picks=st.lists(st.integers(0, 2), min_size=3, max_size=3),
       seeds=st.lists(st.integers(0, 10_000), min_size=3, max_size=3))
def test_an_article_of_graded_results_gives_each_government_its_own_grade(extractor, year, scheme, body, tails, names,
                                                                          picks, seeds):
    lead, categories = GRADED_ARTICLES[scheme]
    chosen = [categories[k] for k in picks]
    values = [low + seed % (high - low + 1) for (_, low, high), seed in zip(chosen, seeds)]
    if len(set(values)) < 3:
        return  # one value twice is another shape of news
    scores = as_scores(values)
    text = (lead.format(y=year) + "\n\n" + body.format(a=names[0], b=names[1], c=names[2], sa=scores[0], sb=scores[1],
                                                       sc=scores[2], za=chosen[0][0], zb=chosen[1][0], zc=chosen[2][0])
            + "\n\n" + "\n\n".join(t.format(top=categories[0][0]) for t in tails))
    found = {r.score: r for r in extractor.extract(Article(text=text))}
    assert set(found) == {v / 100 for v in values}, text
    for value, name, (label, _, _) in zip(values, names, chosen):
        record = found[value / 100]
        assert (record.entity, record.predicate, record.year) == (GRADED_GOVERNMENTS[name], (label.lower(),), year), text


# A predicate-only article: each paragraph shape gives its bodies a zone ("now"), also the first
# one's earlier zone without a year ("now+past"), only that earlier zone ("past"), or nothing
# ("none": a distractor). `{z}` the zone, `{o}` another one, `{pa}` the first body's place.
ZONE_ARTICLE_PARAGRAPHS = [  # (template, bodies it names, what it gives them)
    ("Sebanyak {n} daerah meraih {z} tahun ini. {list} menerima penghargaan dari Ombudsman RI.", 3, "now"),
    ("{a}, yang tahun lalu berada di {o}, kini meraih {z}.", 1, "now+past"),
    ("Tercatat {n} daerah masuk {z} ({list}).", 3, "now"),
    ("{a} meraih {z}. {b} pun demikian.", 2, "now"),
    ("{a} meraih {z}. {b} juga mendapatkan predikat yang sama.", 2, "now"),
    ("Ombudsman juga menilai tiga kabupaten lain, yakni {a}, lalu {b}, serta {c}.\n\nKe-3 kabupaten tersebut masih "
     "tergolong {z}.", 3, "now"),
    ("Bupati meminta seluruh OPD berbenah agar meraih {z} tahun depan. Tiga puskesmas lainnya juga sedang dinilai.", 0, "none"),
    ("Penyerahan dihadiri Wali Kota baru dan para kepala daerah lainnya.", 0, "none"),
    ("{a} menjadi satu-satunya daerah di NTT yang meraih {z}.", 1, "now"),
    ("Penghargaan {z} diterima langsung oleh Bupati {pa}.", 1, "now"),
    ("Status {z} berhasil dipertahankan {a}.", 1, "now"),
    ("“Alhamdulillah, tahun ini kita kembali meraih {z},” kata Bupati {pa}.", 1, "now"),
    ("{a} berhasil naik dari {o} ke {z}.", 1, "now+past"),
    ("{a} meraih nilai 84,28. Capaian ini membaik dibanding tahun lalu, saat masih berada di {o}.", 1, "past"),
    ("{a} bertekad meraih {z} pada penilaian berikutnya.", 1, "none"),
    ("“Kita harus belajar dari daerah yang meraih {z},” ujar Bupati {pa}.", 1, "none"),
]
ZONE_ARTICLE_REGIONS = ["Kabupaten Ende", "Kabupaten Sikka", "Kabupaten Ngada", "Kabupaten Alor", "Kabupaten Belu",
                        "Kabupaten Lembata", "Kabupaten Nagekeo", "Kabupaten Manggarai", "Kabupaten Malaka",
                        "Kabupaten Rote Ndao", "Kabupaten Flores Timur", "Kabupaten Sumba Barat"]
ZONES = ["zona hijau", "zona kuning", "zona merah"]


@DRAWN_LISTS
@given(year=st.integers(2019, 2024), shapes=st.permutations(range(len(ZONE_ARTICLE_PARAGRAPHS))).map(lambda p: p[:4]),
       regions=st.permutations(ZONE_ARTICLE_REGIONS), zones=st.lists(st.integers(0, 2), min_size=4, max_size=4))
def test_a_zone_article_gives_each_body_its_zone_however_the_paragraph_tells_it(extractor, year, shapes, regions, zones):
    pool, paragraphs, wanted = list(regions), [f"Ombudsman RI menyerahkan hasil penilaian kepatuhan tahun {year}."], set()
    for shape, zone in zip(shapes, zones):
        template, count, gives = ZONE_ARTICLE_PARAGRAPHS[shape]
        names = [pool.pop() for _ in range(count)]
        z, o = ZONES[zone], ZONES[(zone + 1) % 3]
        listed = ", ".join(names[:-1]) + " dan " + names[-1] if names else ""
        paragraphs.append(template.format(z=z, o=o, n={2: "dua", 3: "tiga"}.get(count, ""), list=listed,
                                          pa=names[0].split(" ", 1)[1] if names else "", **dict(zip("abc", names))))
        if gives.startswith("now"):
            wanted |= {(f"Pemerintah {name}", z, year) for name in names}
        if gives.endswith("past"):
            wanted.add((f"Pemerintah {names[0]}", o, None))
    text = "\n\n".join(paragraphs)
    found = {(r.entity, *r.predicate, r.year) for r in extractor.extract(Article(text=text)) if r.score is None}
    assert found == wanted, text


def as_written(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


# A scored article: each paragraph shape gives (body, value, labels, year) records; {y} the round.
SCORED_ARTICLE_PARAGRAPHS = {
    "past in a relative clause": ("{a}, yang tahun lalu meraih nilai {lo}, kini meraih {hi}.", "change", None),
    "compared with last year": ("{a} meraih {hi}, naik dari tahun lalu yang hanya {lo}.", "change", None),
    "a year then now": ("{a} yang pada {p} meraih {lo} kini meraih {hi}.", "change", "previous"),
    "compared round": ("{a} meraih nilai {hi}. Capaian ini meningkat dibandingkan penilaian tahun {p} dengan nilai {lo}.",
                       "change", "previous"),
    "leaders": ("Rincian nilai:\n{a} ........ {v0}\n{b} ........ {v1}\n{c} ........ {v2}", "rows", None),
    # the second value set against the first is said of no one
    "set against": ("{a} mengungguli {b}, yakni {hi} berbanding {lo}.", "versus", None),
}


@DRAWN_LISTS
@given(year=st.integers(2021, 2024), shapes=st.permutations(sorted(SCORED_ARTICLE_PARAGRAPHS)).map(lambda p: p[:3]),
       regions=st.permutations(ZONE_ARTICLE_REGIONS), seeds=st.lists(st.integers(6000, 9999), min_size=9, max_size=9,
                                                                      unique=True))
def test_a_scored_article_keeps_each_value_with_its_body_and_round(extractor, year, shapes, regions, seeds):
    pool, paragraphs, wanted = list(regions), [f"Ombudsman RI menyerahkan hasil penilaian kepatuhan tahun {year}."], set()
    values = [seed / 100 for seed in seeds]
    for k, shape in enumerate(shapes):
        template, kind, earlier = SCORED_ARTICLE_PARAGRAPHS[shape]
        mine = values[3 * k:3 * k + 3]
        if kind == "change":
            name, (lo, hi) = pool.pop(), sorted(mine[:2])
            paragraphs.append(template.format(a=name, lo=as_written(lo), hi=as_written(hi), p=year - 1))
            wanted |= {(f"Pemerintah {name}", lo, year - 1 if earlier else None), (f"Pemerintah {name}", hi, year)}
        elif kind == "versus":
            (a, b), (lo, hi) = [pool.pop(), pool.pop()], sorted(mine[:2])
            paragraphs.append(template.format(a=a, b=b, lo=as_written(lo), hi=as_written(hi)))
            wanted.add((f"Pemerintah {a}", hi, year))
        else:
            names = [pool.pop() for _ in range(3)]
            paragraphs.append(template.format(**dict(zip("abc", names)), **{f"v{i}": as_written(v) for i, v in enumerate(mine)}))
            wanted |= {(f"Pemerintah {name}", value, year) for name, value in zip(names, mine)}
    text = "\n\n".join(paragraphs)
    found = {(r.entity, r.score, r.year) for r in extractor.extract(Article(text=text)) if r.score is not None}
    assert found == wanted, text


# An article about one round whose year is told once, with paragraphs that look back on earlier
# rounds, forward to the next, or give a series: (template, values it gives with their years as
# offsets from the round, or None for a paragraph that gives no value).
ROUND_ARTICLE_LEADS = ["Ombudsman RI merilis hasil penilaian kepatuhan tahun {y}.",
                       "Hasil penilaian kepatuhan Ombudsman yang diumumkan Desember {y} telah keluar.",
                       "Penilaian Kepatuhan Standar Pelayanan Publik Tahun {y} resmi diumumkan."]
ROUND_ARTICLE_PARAGRAPHS = [
    ("Pada penilaian tahun {y1}, {a} hanya meraih {v0}. {b} saat itu meraih {v1}.", (-1, -1)),
    ("{a} bertekad meraih zona hijau pada penilaian kepatuhan tahun {y_next} mendatang.", ()),
    ("Dalam tiga tahun terakhir, nilai {a} terus naik: {y2} sebesar {v0}, {y1} sebesar {v1}, dan {y} sebesar {v2}.",
     (-2, -1, 0)),
    ("Nilai {a} tahun {y1} dan {y} masing-masing {v0} dan {v1}.", (-1, 0)),
    ("Sebelumnya, {a} meraih zona kuning pada penilaian kepatuhan {y2}.", ()),
    ("Berikutnya {a} dengan {v0} dan {b} dengan {v1}.", (0, 0)),
]


@DRAWN_LISTS
@given(year=st.integers(2019, 2024), lead=st.sampled_from(ROUND_ARTICLE_LEADS),
       shapes=st.permutations(range(len(ROUND_ARTICLE_PARAGRAPHS))).map(lambda p: p[:3]),
       regions=st.permutations(ZONE_ARTICLE_REGIONS),
       seeds=st.lists(st.integers(5000, 9999), min_size=10, max_size=10, unique=True))
def test_each_value_of_a_round_article_keeps_its_own_year(extractor, year, lead, shapes, regions, seeds):
    pool, values = list(regions), [seed / 100 for seed in seeds]
    first, own = pool.pop(), values.pop()
    paragraphs, wanted = [lead.format(y=year), f"{first} meraih nilai {as_written(own)}."], {(first, own, year)}
    for shape in shapes:
        template, offsets = ROUND_ARTICLE_PARAGRAPHS[shape]
        names = [pool.pop(), pool.pop()]
        mine = [values.pop() for _ in range(3)]
        # a value of one body takes the first name, a two-body paragraph gives each its own
        bodies = names if "{b}" in template else [names[0]] * 3
        paragraphs.append(template.format(a=names[0], b=names[1], y=year, y1=year - 1, y2=year - 2, y_next=year + 1,
                                          **{f"v{i}": as_written(v) for i, v in enumerate(mine)}))
        wanted |= {(body, value, year + offset) for body, value, offset in zip(bodies, mine, offsets)}
    text = "\n\n".join(paragraphs)
    found = {(r.entity.removeprefix("Pemerintah "), r.score, r.year) for r in extractor.extract(Article(text=text))
             if r.score is not None}
    assert found == wanted, text


# An Ombudsman article of one round mixing a label held in a run of years, how often, a value
# and its year, last year's value told as the next item, and paragraphs that give nothing:
# (template, records it gives as (name slot, value slot or None, label or None, year offset or None)).
MIXED_ROUND_PARAGRAPHS = [
    ("{a} {how}meraih zona hijau, yakni pada {y2}, {y1} dan {y}.",
     [("a", None, "zona hijau", -2), ("a", None, "zona hijau", -1), ("a", None, "zona hijau", 0)]),
    ("{a} meraih nilai {v0} tahun {y}.", [("a", "v0", None, 0)]),
    ("{a} meraih nilai {v0}{turn} {v1}.", [("a", "v0", None, 0), ("a", "v1", None, None)]),
    ("Di luar penilaian itu, {a} kembali masuk zona merah penyebaran Covid-19.", []),
    ("Ombudsman juga memberikan sosialisasi tentang zona kuning kepada {a}.", []),
    ("Kenaikan nilai {a} sebesar 4,25 menjadi bukti keseriusan pemerintah.", []),
    ("Tingkat kepuasan masyarakat terhadap kinerja kepala daerah di {a} mencapai {v0} persen menurut survei.", []),
    ("{a} {how}meraih zona hijau dalam penilaian itu.", [("a", None, "zona hijau", 0)]),
]


@DRAWN_LISTS
@given(year=st.integers(2019, 2024), lead=st.sampled_from(ROUND_ARTICLE_LEADS),
       shapes=st.permutations(range(len(MIXED_ROUND_PARAGRAPHS))).map(lambda p: p[:5]),
       regions=st.permutations(ZONE_ARTICLE_REGIONS),
       how=st.sampled_from(["", "tiga kali berturut-turut ", "dua kali ", "selama tiga tahun "]),
       turn=st.sampled_from([", sedangkan tahun lalu hanya", " dan tahun lalu", ", sementara tahun lalu cuma"]),
       seeds=st.lists(st.integers(5000, 9999), min_size=10, max_size=10, unique=True))
def test_each_record_of_a_mixed_round_article_and_nothing_else(extractor, year, lead, shapes, regions, how, turn, seeds):
    pool, values = list(regions), [seed / 100 for seed in seeds]
    paragraphs, wanted = [lead.format(y=year)], set()
    for shape in shapes:
        template, gives = MIXED_ROUND_PARAGRAPHS[shape]
        name, mine = pool.pop(), {"v0": values.pop(), "v1": values.pop()}
        paragraphs.append(template.format(a=name, how=how, turn=turn, y=year, y1=year - 1, y2=year - 2,
                                          **{slot: as_written(value) for slot, value in mine.items()}))
        wanted |= {(name, mine.get(slot), label, None if offset is None else year + offset)
                   for _, slot, label, offset in gives}
    text = "\n\n".join(paragraphs)
    found = {(r.entity.removeprefix("Pemerintah "), r.score, r.predicate[0] if r.score is None else None, r.year)
             for r in extractor.extract(Article(text=text))}
    assert found == wanted, text
