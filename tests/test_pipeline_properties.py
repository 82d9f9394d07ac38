"""Property: whatever the input, every offset of the output indexes the cleaned text."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tapsyrma.errors import InputError
from tapsyrma.pipeline import extract_text

SENTENCES = [
    "Президент поручил Правительству до конца года снизить цены на лекарства.",
    "Мемлекет басшысы әкімдерге жыл соңына дейін мектептерді жөндеуді тапсырды.",
    "«По моему поручению акимы обязаны ежеквартально отчитываться», – заявил Токаев.",
    "Аким Алматинской области поручил заместителям усилить контроль.",
    "Үкімет басшысы Ішкі істер министрлігіне тәртіпті күшейтуді міндеттеді.",
    "Фото: Акорда",
    "ПОДЕЛИТЬСЯ",
    "[:ru]",
    "Курс валют 482.55 555.73",
]
document = st.lists(
    st.one_of(st.sampled_from(SENTENCES),
              st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                      max_size=60)),
    min_size=1, max_size=8,
).map(lambda parts: "\n".join(parts))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_pipeline_offsets_index_the_cleaned_text(text: str) -> None:
    try:
        doc = extract_text(text)
    except InputError:
        return  # nothing left after cleaning: reported, not extracted
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
    for d in doc.directives:
        assert doc.text[d.start:d.end] == d.sentence
        assert d.action and d.action in doc.text


# Mixed scripts, combining marks, the Latin-Kazakh letters of every alphabet in both cases and
# Kazakh words in the Arabic script.
UNICODE = st.lists(st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20),
    st.text(alphabet="ÁáÓóÚúÝýǴǵŃńİıÄäÖöÜüŞşÇçĞğŊŋŪūÍíƏəҚқҒғҢңӨөҰұҮүҺһІі'’`\u0301\u0307\u0308 ",
            max_size=20),
    st.sampled_from(["Qazaqstan ", "Respýblıkasy ", "äkımı ", "Prezıdent ", " tapsyrdy. ",
                     "Тоқаев ", "поручил ", "\n", "«", "» – деді ", ":", "\n— ",
                     "ٴاكىمدەرگە ", "تاپسىردى. ", "قاسىم-جومارت "])),
    max_size=30).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(UNICODE)
@example("𗀀")  # a letter without a name in Python's Unicode database (pymorphy3 asks for it)
def test_pipeline_never_fails_inside_on_arbitrary_unicode(text: str) -> None:
    from tapsyrma.pipeline import extract_safely
    from tapsyrma.records import RawDocument

    result = extract_safely(RawDocument(id="u", text=text))
    assert not (isinstance(result, InputError) and "failed inside" in result.reason), result
