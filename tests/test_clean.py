"""Cleaning rules, one table per kind of noise, in Russian and Kazakh."""

from __future__ import annotations

from datetime import date

import pytest

from tapsyrma.clean import clean, empty_after_cleaning, fix_lookalikes
from tapsyrma.records import RawDocument
from tapsyrma.translit import latin_to_cyrillic, looks_like_latin_kazakh

LEAD_RU = ("Глава государства Касым-Жомарт Токаев провел совещание с акимами областей, "
           "городов Астаны, Алматы и Шымкента.")
BODY_RU = "Президент поручил акимам усилить работу с обращениями граждан до конца года."
LEAD_KK = ("Мемлекет басшысы Қасым-Жомарт Тоқаев облыстардың және республикалық маңызы бар "
           "қалалардың әкімдерімен кеңес өткізді.")
BODY_KK = "Президент әкімдерге тұрғындардың өтініштерімен жұмысты күшейтуді тапсырды."


def cleaned(*lines: str, **fields) -> str:
    return clean(RawDocument(id="t", text="\n".join(lines), **fields)).text


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


# --- each kind of noise goes, the body stays -----------------------------------------------

NOISE = [
    # calls to share, subscribe, follow
    ("share button", "ПОДЕЛИТЬСЯ"),
    ("whatsapp", "Наши новости теперь в WhatsApp! Подписывайтесь на наш канал"),
    ("telegram kk", "Ең маңызды жаңалықтарды біздің Telegram арнамыздан оқыңыздар!"),
    ("subscribe ru", "Подпишитесь и узнавайте о свежих новостях Казахстана, фото, видео"),
    ("subscribe kk", "Біздің YouTube арнамызға жазылыңыз"),
    ("social alone", "Instagram"),
    # photo credits
    ("credit", "Фото: Акорда"),
    ("credit no space", "Фото:gov.kz"),
    ("credit kk", "Сурет: Ақорда"),
    ("bare ugc", ": UGC"),
    ("credit chain", "Фото: Акорда: UGC"),
    # bookmarks and interface
    ("bookmarks", "Закладки"),
    ("bookmark hint", "» на странице публикации, чтобы сохранить её в свой список закладок."),
    ("error report", "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter"),
    # author and editor blocks
    ("editor", "Редактор региональных новостей"),
    ("author", "Автор: Айжан Абилова"),
    ("correspondent kk", "Тілші: Айгүл Сейітова"),
    # signatures and section links
    ("site name", "Tengrinews"),
    ("domain", "Altyn-Orda.kz"),
    ("footer", "Редакция Реклама"),
    ("social footer", "Социальные сети"),
    ("read also", "Читайте также"),
    ("menu", "Главная / Новости / Политика"),
    # WPML markers alone on a line
    ("wpml", "[:ru]"),
    ("wpml end", "[:]"),
]


@pytest.mark.parametrize("kind,noise", NOISE, ids=[k for k, _ in NOISE])
@pytest.mark.parametrize("where", ["before", "between", "after"])
def test_clean_noise_line_is_removed(kind: str, noise: str, where: str) -> None:
    lines = {"before": [noise, LEAD_RU, BODY_RU], "between": [LEAD_RU, noise, BODY_RU],
             "after": [LEAD_RU, BODY_RU, noise]}[where]
    assert paragraphs(cleaned(*lines)) == [LEAD_RU, BODY_RU]


@pytest.mark.parametrize("lead,body", [(LEAD_RU, BODY_RU), (LEAD_KK, BODY_KK)])
def test_clean_plain_body_is_kept_as_paragraphs(lead: str, body: str) -> None:
    assert cleaned(lead, "", "", body) == f"{lead}\n\n{body}"


def test_clean_weather_widget_is_removed() -> None:
    widget = ["Погода", "Алматы", "А", "Алматы 10", "Астана -1", "Б", "Балхаш 5", "Ж"]
    assert paragraphs(cleaned(LEAD_RU, BODY_RU, *widget)) == [LEAD_RU, BODY_RU]
    assert paragraphs(cleaned(LEAD_RU, *widget, BODY_RU)) == [LEAD_RU, BODY_RU]


def test_clean_currency_widget_is_removed() -> None:
    widget = ["Курс валют", "\u00a0482.55\u00a0 \u00a0555.73\u00a0 \u00a05.81\u00a0", "USD 482",
              "EUR 555", "\u00a0"]
    assert paragraphs(cleaned(LEAD_RU, BODY_RU, *widget)) == [LEAD_RU, BODY_RU]


def test_clean_short_body_lines_in_the_middle_are_kept() -> None:
    # Kazakh pages often drop the final period: short lines inside the body are content.
    lines = [LEAD_KK, "Алдымызда ауқымды жұмыс тұр", "Ұйымдастыру мәселелерінің барлығы шешілді",
             BODY_KK]
    assert paragraphs(cleaned(*lines)) == lines


def test_clean_long_line_without_final_period_is_body() -> None:
    line = ("Қасым-Жомарт Тоқаев Волонтер жылын сапалы өткізудің маңыздылығына назар аударып, "
            "әкімдерге жүйелі жұмыс екенін ескертті")
    assert paragraphs(cleaned(LEAD_KK, line)) == [LEAD_KK, line]


def test_clean_caption_before_a_photo_credit_is_removed() -> None:
    lines = [LEAD_RU, "Токаев встретился с акимами Алматы и Шымкента", "Фото: Акорда: UGC",
             BODY_RU]
    assert paragraphs(cleaned(*lines)) == [LEAD_RU, BODY_RU]


def test_clean_sentence_before_a_photo_credit_is_kept() -> None:
    assert paragraphs(cleaned(LEAD_KK, "Фото: Ақорда", BODY_KK)) == [LEAD_KK, BODY_KK]


def test_clean_caption_with_credit_on_the_same_line_is_removed() -> None:
    lines = [LEAD_RU, "Участники совещания в Акорде Фото: пресс-служба", BODY_RU]
    assert paragraphs(cleaned(*lines)) == [LEAD_RU, BODY_RU]


def test_clean_caption_repeating_the_headline_is_removed() -> None:
    title = "Токаев дал поручение областным акимам"
    text = cleaned(title, "", "ПОДЕЛИТЬСЯ", f"{title} Фото:gov.kz", LEAD_RU, BODY_RU)
    assert paragraphs(text) == [title, LEAD_RU, BODY_RU]


def test_clean_repeated_lead_is_kept_once() -> None:
    assert paragraphs(cleaned(LEAD_RU, "", LEAD_RU, BODY_RU)) == [LEAD_RU, BODY_RU]


def test_clean_near_repeated_lead_is_kept_once() -> None:
    near = LEAD_RU.replace("провел", "провёл").rstrip(".")
    assert paragraphs(cleaned(LEAD_RU, near, BODY_RU)) == [LEAD_RU, BODY_RU]


def test_clean_repeated_sentence_at_the_end_goes() -> None:
    assert paragraphs(cleaned(BODY_KK, LEAD_KK, BODY_KK)) == [BODY_KK, LEAD_KK]


def test_clean_masthead_lines_before_the_body_go() -> None:
    text = cleaned("АЛТЫНОРДА", "Новости КазахстанаРегионы", "jitsu gif", LEAD_RU, BODY_RU)
    assert paragraphs(text) == [LEAD_RU, BODY_RU]


def test_clean_footer_lines_after_the_body_go() -> None:
    text = cleaned(LEAD_RU, BODY_RU, "Узнавайте обо всем первыми", "Пока здесь пусто",
                   "Используйте кнопку «")
    assert paragraphs(text) == [LEAD_RU, BODY_RU]


def test_clean_line_with_a_directive_verb_survives_noise_rules() -> None:
    short = "Токаев поручил акимам"
    assert paragraphs(cleaned(LEAD_RU, BODY_RU, short)) == [LEAD_RU, BODY_RU, short]


# --- normalisation -------------------------------------------------------------------------


def test_clean_nbsp_and_odd_spaces_become_single_spaces() -> None:
    text = cleaned("Он поручил участникам\u00a0 заседания\u2009активизироваться в\u202fэтой "
                   "работе\u200b сегодня.")
    assert text == "Он поручил участникам заседания активизироваться в этой работе сегодня."


@pytest.mark.parametrize("line,expected", [
    ("[:ru]Аким поручил ускорить строительство школ. [:]",
     "Аким поручил ускорить строительство школ."),
    ("[:kz]Әкім мектеп салуды тапсырды.[:ru]Аким поручил строить школы.[:]",
     "Әкім мектеп салуды тапсырды.\n\nАким поручил строить школы."),
])
def test_clean_wpml_markers_are_removed(line: str, expected: str) -> None:
    assert cleaned(line) == expected


def test_clean_unicode_is_nfc() -> None:
    decomposed = "Аким поручил и\u0306ти навстречу жителям."
    assert cleaned(decomposed) == "Аким поручил йти навстречу жителям."


def test_clean_windows_line_breaks_and_tabs() -> None:
    assert cleaned(f"{LEAD_RU}\r\n\r\n\t{BODY_RU}\r\n") == f"{LEAD_RU}\n\n{BODY_RU}"


@pytest.mark.parametrize("typed,fixed", [
    ("мiндеттедi", "міндеттеді"),          # Latin i for Kazakh і
    ("Iс-шара", "Іс-шара"),                 # Latin capital I
    ("һалық", "һалық"),                     # already right
    ("hалық", "һалық"),                     # Latin h for һ
    ("мəселе", "мәселе"),                   # Latin schwa ə for ә
    ("Əкім", "Әкім"),
    ("øңір", "өңір"),                       # ø for ө
    ("ɵзекті", "өзекті"),                   # barred o for ө
    ("меҥгеру", "меңгеру"),                 # Altai ҥ for ң
    ("Пpезидент", "Президент"),             # Latin p in a Russian word
    ("Kазақстан", "Казақстан"),            # Latin K for К
])
def test_clean_lookalike_letters_are_fixed_in_cyrillic_words(typed: str, fixed: str) -> None:
    assert fix_lookalikes(typed) == fixed


@pytest.mark.parametrize("word", ["iPhone", "Zakon.kz", "KAZ.NUR.KZ", "ХХХІІІ", "Nur Otan",
                                  "iPhone-ға"])
def test_clean_lookalikes_leave_latin_words_alone(word: str) -> None:
    assert fix_lookalikes(word) == word


# --- title ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lines,title", [
    (['"Раз в два месяца". Токаев дал поручение областным акимам', LEAD_RU, BODY_RU],
     '"Раз в два месяца". Токаев дал поручение областным акимам'),
    (["Мемлекет басшысы әкімдерге тапсырма берді", LEAD_KK, BODY_KK],
     "Мемлекет басшысы әкімдерге тапсырма берді"),
    (["jitsu gif", "Колмакова Виктория", "Редактор региональных новостей",
      '"В стране должен царить закон": Токаев - акимам', ": UGC", LEAD_RU],
     '"В стране должен царить закон": Токаев - акимам'),
    ([LEAD_RU, BODY_RU], None),
    (["Жиын қорытындысы бойынша Елбасы бірқатар нақты тапсырма берді.", LEAD_KK], None),
    (["Токаев провел совещание с акимами"], None),
    # a headline may open on a figure; a date stamp that does is no headline
    (["300 домов для пострадавших от паводка построят до конца года", LEAD_RU, BODY_RU],
     "300 домов для пострадавших от паводка построят до конца года"),
    (["Мемлекет басшысы әкімдерге тапсырма берді", "25 ақп, 2021 сағат 09:43", LEAD_KK,
      BODY_KK], "Мемлекет басшысы әкімдерге тапсырма берді"),
])
def test_clean_title_is_the_headline_line(lines: list[str], title: str | None) -> None:
    doc = clean(RawDocument(id="t", text="\n".join(lines)))
    assert doc.title == title
    if title:
        assert doc.text.startswith(title)  # the headline stays in the text: it can be evidence


# --- outlet --------------------------------------------------------------------------------


@pytest.mark.parametrize("line,source", [
    ("Токаев провел совещание с акимами, передает Tengrinews.kz.", "Tengrinews.kz"),
    ("Токаев провел совещание с акимами, сообщает корреспондент Zakon.kz.", "Zakon.kz"),
    ("Токаев провел совещание с акимами, передает Акорда.", "Akorda"),
    ("Токаев провел совещание, сообщает Zakon.kz со ссылкой на Акорду.", "Zakon.kz"),
    ("Со ссылкой на пресс-службу Акорды сообщает Tengrinews.kz, что президент провел совещание.",
     "Tengrinews.kz"),
    ("Токаев провел совещание с акимами, передает Lada.kz.", "Lada.kz"),
    ("Токаев провел совещание с акимами, пишет Uralsk-News.kz.", "Uralsk-News.kz"),
    ("Президент кеңес өткізді деп хабарлайды KAZ.NUR.KZ Ақорданың баспасөз қызметіне сілтеме "
     "жасап.", "KAZ.NUR.KZ"),
    ("Елбасы кеңес өткізді, деп хабарлайды Zakon.kz", "Zakon.kz"),
    ("Президент кеңес өткізді, деп хабарлайды Kazinform агенттігінің тілшісі.", "Kazinform"),
    ("Президент кеңес өткізді деп хабарлайды ҚазАқпарат.", "Kazinform"),
    ("Президент кеңес өткізді, деп хабарлайды Egemen.kz Ақордаға сілтеме жасап.", "Egemen.kz"),
    ("Токаев провел совещание со ссылкой на Акорду.", None),
    ("Токаев провел совещание с акимами областей и городов.", None),
])
def test_clean_outlet_is_detected_from_the_text(line: str, source: str | None) -> None:
    assert clean(RawDocument(id="t", text=f"{line}\n{BODY_RU}")).source == source


def test_clean_outlet_from_a_signature_line() -> None:
    doc = clean(RawDocument(id="t", text=f"{LEAD_RU}\n{BODY_RU}\n\nAltyn-Orda.kz\n\u00a0\n[:]"))
    assert doc.source == "Altyn-Orda.kz"
    assert "Altyn-Orda" not in doc.text


def test_clean_outlet_given_by_the_input_wins() -> None:
    raw = RawDocument(id="t", text=f"{LEAD_RU} Передает Tengrinews.kz.", source="Orda.kz")
    assert clean(raw).source == "Orda.kz"


def test_clean_metadata_of_the_input_is_kept() -> None:
    raw = RawDocument(id="t", text=LEAD_RU, url="https://x.kz/1", published=date(2022, 3, 16))
    doc = clean(raw)
    assert doc.url == "https://x.kz/1" and doc.published == date(2022, 3, 16)


# --- HTML ----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="ru"><head>
<meta charset="utf-8">
<title>Токаев поручил акимам проводить совещания | Zakon.kz</title>
<meta property="og:title" content="Токаев поручил акимам проводить совещания">
<meta property="og:site_name" content="Zakon.kz">
<meta property="article:published_time" content="2022-03-16T10:00:00+06:00">
</head><body>
<header><nav><a href="/">Главная</a> <a href="/news">Новости</a> <a href="/pol">Политика</a></nav>
</header>
<main><article>
<h1>Токаев поручил акимам проводить совещания</h1>
<p>Глава государства Касым&#8209;Жомарт Токаев провел совещание с акимами областей,
городов Астаны, Алматы и Шымкента, передает Zakon.kz.</p>
<figure><img src="a.jpg"><figcaption>Фото: Акорда</figcaption></figure>
<p>По моему поручению областные акимы обязаны как&nbsp;минимум раз в два месяца проводить
совещания по межэтнической ситуации с участием представителей АНК.</p>
<p>Президент также потребовал от акимов лично присутствовать на ключевых мероприятиях
ассамблеи, не перепоручая это своим заместителям.</p>
<p>Подписывайтесь на наш канал в Telegram!</p>
</article></main>
<aside><h3>Читайте также</h3><ul><li><a href="/1">Другая новость дня</a></li></ul></aside>
<footer>© 2022 Zakon.kz. Все права защищены.</footer>
</body></html>"""


def test_clean_html_through_trafilatura() -> None:
    doc = clean(RawDocument(id="page", html=PAGE))
    assert doc.title == "Токаев поручил акимам проводить совещания"
    assert doc.source == "Zakon.kz"
    assert doc.published == date(2022, 3, 16)
    parts = paragraphs(doc.text)
    assert parts[0] == doc.title
    lead = "По моему поручению областные акимы обязаны как минимум"
    assert any(p.startswith(lead) for p in parts)
    assert any("потребовал от акимов" in p for p in parts)
    for noise in ("Подписывайтесь", "Главная", "Все права", "Другая новость", "\u00a0"):
        assert noise not in doc.text


def test_clean_html_without_metadata_falls_back_to_the_text() -> None:
    html = f"<html><body><p>{LEAD_RU} Передает Tengrinews.kz.</p><p>{BODY_RU}</p></body></html>"
    doc = clean(RawDocument(id="p", html=html))
    assert BODY_RU in doc.text and doc.source == "Tengrinews.kz"


def test_clean_malformed_html_does_not_fail() -> None:
    doc = clean(RawDocument(id="p", html=f"<div><p>{LEAD_RU}<p>{BODY_RU}</b></i><table"))
    assert "поручил" in doc.text


# --- Kazakh in the Latin alphabet ----------------------------------------------------------

LATIN_2018 = ("Memleket basshysy Qasym-Jomart Toqaev ákimderge turǵyndardyń qaýipsizdigin "
              "saqtaý jáne aımaqtardy damytýdy tapsyrdy. Bul týraly Akorda.kz saıty habarlady.")
CYRILLIC_2018 = ("Мемлекет басшысы Қасым-Жомарт Тоқаев әкімдерге тұрғындардың қауіпсіздігін "
                 "сақтау және аймақтарды дамытуды тапсырды. Бұл туралы Akorda.kz сайты хабарлады.")
LATIN_2021 = ("Memleket basşysy Qasym-Jomart Toqaev äkımderge tūrğyndardyñ qauıpsızdıgın "
              "saqtau jäne öñırlerdı damytudy tapsyrdy.")
CYRILLIC_2021 = ("Мемлекет басшысы Қасым-Жомарт Тоқаев әкімдерге тұрғындардың қауіпсіздігін "
                 "сақтау және өңірлерді дамытуды тапсырды.")
# 2021 with a letter of 2018 among them (ý), and an initial before a surname (not a domain).
LATIN_MIXED = ("Prezident Q.Toqaev Tötenşe jaǧdailar ministrıne tapsyrma berdı. Būl týraly "
               "Akorda.kz jazdy.")
CYRILLIC_MIXED = ("Президент Қ.Тоқаев Төтенше жағдайлар министріне тапсырма берді. Бұл туралы "
                  "Akorda.kz жазды.")
# The informal variant of 2021 some sites write: Ң as ŋ, Ғ as ǧ.
LATIN_2021_INFORMAL = "Aqmola oblysynyŋ äkımı tūrǧyndarmen kezdestı."
CYRILLIC_2021_INFORMAL = "Ақмола облысының әкімі тұрғындармен кездесті."
LATIN_2017 = ("Memleket basshysy Qasym-Jomart Toqaev a'ki'mderge turg'yndardyn' "
              "qay'i'psi'zdi'gi'n saqtay' ja'ne aimaqtardy damy'tudy tapsyrdy.")

# A Cyrillic О with a combining acute typed for the Latin Ó of 2018; "ıý" is the 2018 Ю.
LATIN_HOMOGLYPH = ("О\u0301ńirlerdiń ákimderi men Ulttyq statıstıka bıýrosy halyq sanaǵyna "
                   "daıyndyqty jeke baqylaýǵa alsyn.")
CYRILLIC_HOMOGLYPH = ("Өңірлердің әкімдері мен Ұлттық статистика бюросы халық санағына "
                      "дайындықты жеке бақылауға алсын.")


@pytest.mark.parametrize("latin,cyrillic", [(LATIN_2018, CYRILLIC_2018),
                                            (LATIN_HOMOGLYPH, CYRILLIC_HOMOGLYPH),
                                            (LATIN_2021, CYRILLIC_2021),
                                            (LATIN_2021_INFORMAL, CYRILLIC_2021_INFORMAL),
                                            (LATIN_MIXED, CYRILLIC_MIXED)])
def test_clean_latin_kazakh_is_transliterated(latin: str, cyrillic: str) -> None:
    assert looks_like_latin_kazakh(latin)
    doc = clean(RawDocument(id="t", text=latin))
    assert doc.transliterated
    assert doc.text == cyrillic


def test_clean_latin_kazakh_apostrophe_alphabet() -> None:
    assert looks_like_latin_kazakh(LATIN_2017)
    text = latin_to_cyrillic(LATIN_2017)
    assert text.startswith("Мемлекет басшысы Қасым-Жомарт Тоқаев әкімдерге тұрғындардың")
    assert "аймақтарды" in text and "тапсырды" in text and "'" not in text


@pytest.mark.parametrize(("latin", "cyrillic"), [
    # Russian loanwords whose Latin spelling loses Э or Ц get them back; native words keep Е
    ("QR Energetıka mınıstrliginiń alqa otyrysy", "ҚР Энергетика министрлігінің алқа отырысы"),
    ("Vıtse-Premer ekonomıkany damytý týraly eki jospar", "Вице-Премьер экономиканы дамыту туралы "
                                                          "екі жоспар"),
    ("ENERGETIKA jáne EKOLOGIIA", "ЭНЕРГЕТ"),
])
def test_latin_kazakh_loanwords_keep_their_russian_letters(latin: str, cyrillic: str) -> None:
    assert latin_to_cyrillic(latin).startswith(cyrillic)


@pytest.mark.parametrize("text", [
    "The President met the heads of regions in Astana and told the men in charge to act.",
    "Президент поручил акимам усилить работу с обращениями граждан.",
    "Мемлекет басшысы әкімдерге жұмысты күшейтуді тапсырды.",
    "÷",  # a sign of the Latin-1 block, no letter at all (found by hypothesis)
    "12 × 3 = 36",
])
def test_clean_english_russian_and_cyrillic_kazakh_are_not_transliterated(text: str) -> None:
    doc = clean(RawDocument(id="t", text=text))
    assert not doc.transliterated and doc.text == text


# --- empty after cleaning ------------------------------------------------------------------


def test_clean_empty_after_cleaning_is_reported() -> None:
    raw = RawDocument(id="t", path="a.txt", text="ПОДЕЛИТЬСЯ\nФото: Акорда\n[:ru][:]")
    error = empty_after_cleaning(raw, clean(raw))
    assert error is not None and error.name == "a.txt" and error.reason == "empty after cleaning"


def test_clean_text_with_content_is_not_empty() -> None:
    raw = RawDocument(id="t", text=LEAD_RU)
    assert empty_after_cleaning(raw, clean(raw)) is None


# --- Kazakh in the Arabic script -----------------------------------------------------------

ARABIC = "مەملەكەت باسشىسى قاسىم-جومارت توقاەۆ ٴاكىمدەرگە جۇمىستى كۇشەيتۋدى تاپسىردى."
ARABIC_IN_CYRILLIC = ("Мемлекет басшысы Қасым-Жомарт Тоқаев әкімдерге жұмысты күшейтуді "
                      "тапсырды.")


def test_clean_arabic_script_kazakh_is_transliterated() -> None:
    """Back and front vowels from the hamza and the letters ە ك گ; capitals for the first
    word and for known names, which the script does not mark."""
    doc = clean(RawDocument(id="t", text=ARABIC))
    assert doc.transliterated and doc.text == ARABIC_IN_CYRILLIC


@pytest.mark.parametrize("text", ["هذا نص عربي عن الرئيس", "ئۇيغۇر تىلى ۋە ئەدەبىياتى"])
def test_clean_arabic_and_uyghur_are_not_transliterated(text: str) -> None:
    doc = clean(RawDocument(id="t", text=text))
    assert not doc.transliterated and doc.text == text


def test_arabic_script_kazakh_directive_is_extracted() -> None:
    from tapsyrma.pipeline import extract_text

    doc = extract_text(ARABIC)
    assert doc.lang == "kk"
    assert [(d.issuer.id, [a.id for a in d.addressees]) for d in doc.directives] == [
        ("tokayev", ["akims"])]


@pytest.mark.parametrize(("text", "published", "title"), [
    (" date 2025-11-07 Қашағандағы газ өңдеу зауытының іргетасы құйылып бітуге жақын\n"
     "АСТАНА. KAZINFORM – Компания басшысы жобаның қандай сатыда екенін айтты. "
     "Құрылыс алаңына 2 мыңнан астам құрылысшы жұмылдырылған.",
     date(2025, 11, 7), "Қашағандағы газ өңдеу зауытының іргетасы құйылып бітуге жақын"),
    # a headline opening on a year is no second date
    (" date 2026-01-13 2026 жылы үш бірдей топтық су құбыры қолданысқа беріледі\n"
     "АСТАНА. KAZINFORM – Премьер-министр Олжас Бектенов Үкімет отырысында биыл үш бірдей "
     "топтық су құбыры қолданысқа берілетінін мәлім етті.",
     date(2026, 1, 13), "2026 жылы үш бірдей топтық су құбыры қолданысқа беріледі"),
])
def test_a_date_stamp_before_the_headline_leaves_the_headline_whole(
        text: str, published: date, title: str) -> None:
    """ "date 2025-11-07 Қашағандағы … бітуге жақын": the stamp dates the page, the rest of the
    line is its headline."""
    doc = clean(RawDocument(id="t", text=text))
    assert doc.published == published
    assert doc.title == title
    assert doc.text.startswith(title) and "date" not in doc.text



@pytest.mark.parametrize(("lines", "kept"), [
    # the headline, its rubric and byline, then a subtitle: both lines that say what happened
    (["В Кызылорде запустят новую ТЭЦ", "Энергетика", "157", "Алибек Байшуленов",
      "Объект мощностью 240 МВт покроет потребность области в электроэнергии", LEAD_RU],
     ["В Кызылорде запустят новую ТЭЦ",
      "Объект мощностью 240 МВт покроет потребность области в электроэнергии", LEAD_RU]),
    # a headline right above a photo credit is no caption
    (["На особом контроле - энергоисточники городов Риддер и Кентау",
      "Фото: пресс-служба правительства РК", LEAD_RU],
     ["На особом контроле - энергоисточники городов Риддер и Кентау", LEAD_RU]),
    # the page title with its outlet, then the headline alone: one headline
    (["Мигрантов – регистрировать, уголь – везти в школы - «Кызылординские Вести»",
      "Мигрантов – регистрировать, уголь – везти в школы", "03.10.2022", LEAD_RU],
     ["Мигрантов – регистрировать, уголь – везти в школы", LEAD_RU]),
])
def test_clean_the_pages_headline_stays_before_its_masthead(lines: list[str],
                                                            kept: list[str]) -> None:
    assert paragraphs(cleaned(*lines)) == kept
