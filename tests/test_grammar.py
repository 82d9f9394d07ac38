"""The Russian and Kazakh grammars at the level of frames: what a sentence's words make an
order of, before the document's scene is read."""

from __future__ import annotations

from tapsyrma.directives import kk, ru
from tapsyrma.segment import tokens


def test_a_participle_of_entrusting_is_no_order() -> None:
    words = tokens("— Глава государства Токаев в ходе совещания отметил, что многие руководители "
                   "неудовлетворительно исполняют возложенные на них обязанности.")
    assert list(ru.frames(words)) == []


def test_a_task_laid_on_someone_is_the_infinitive_after_it() -> None:
    words = tokens("Президент возложил на правительство задачу провести анализ просчётов.")
    [frame] = ru.frames(words)
    text = "Президент возложил на правительство задачу провести анализ просчётов."
    assert text[slice(*frame.action)] == "провести анализ просчётов"


def test_a_decrees_own_act_is_told_from_its_orders() -> None:
    """"Утвердить Регламент", "Ереже бекітілсін" enact; "провести обследование" orders."""
    assert ru.enacts(tokens("1. Утвердить прилагаемый Регламент акимата."))
    assert not ru.enacts(tokens("2. Отделу ЖКХ провести обследование объектов."))
    assert kk.enacts(tokens("1. Қоса беріліп отырған Ереже бекітілсін."))
    assert not kk.enacts(tokens("2. Басқарма жөндеу жұмыстарын аяқтасын."))


def test_every_directive_noun_of_a_light_verb_reaches_the_parser() -> None:
    """The cheap prefilter lets through every form of the nouns a light verb makes an order
    of ("дал распоряжение", "дал задание"): a sentence it stops is never parsed."""
    import pymorphy3

    from tapsyrma.directives import _passes_prefilter

    morph = pymorphy3.MorphAnalyzer()
    lexicon = ru.lexicon()
    for light in lexicon["light"]:
        for noun in light["nouns"]:
            # (the old spellings "указанье", "заданья" aside)
            for form in {f.word for f in morph.parse(noun)[0].lexeme if "ь" not in f.word}:
                assert _passes_prefilter(f"Аким дал {form} акимам районов.", lexicon), form
