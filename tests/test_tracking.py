"""Reports of execution: which sentences report a directive carried out, and how far."""

from __future__ import annotations

from datetime import date

import pytest

from tapsyrma.records import Directive, Party
from tapsyrma.registry.merge import restated
from tapsyrma.registry.tracking import (
    _names_itself,
    _names_object,
    _other_object,
    object_keys,
    outcome_kind,
    recalled,
    report_kind,
    status,
)
from tapsyrma.store.models import Directive as StoredDirective

REPORTS = [
    # Russian: a reference to a directive and what became of it
    ("Во исполнение поручения Главы государства в области построено 20 новых школ.", "ru",
     "done"),
    ("По поручению Президента в Костанайской области введены в эксплуатацию два моста.", "ru",
     "done"),
    ("В рамках исполнения поручения Президента продолжается строительство больницы.", "ru",
     "in-progress"),
    ("Во исполнение поручения акима города запись к врачу переведена в цифровой формат.", "ru",
     "done"),
    ("Аким области доложил Президенту о ходе выполнения поручения по строительству школ.",
     "ru", "in-progress"),
    ("В рамках исполнения поручения Елбасы регион построил 13 ФОКов, возводится еще 4.", "ru",
     "in-progress"),
    ("Во исполнение поручения Премьер-Министра работы завершены до конца года.", "ru", "done"),
    ("В правительстве рассказали о выполнении поручения Токаева: создан штаб.", "ru", "done"),
    # an obligation said with the reference is a plan, not an outcome
    ("Проект должен быть завершен в 2026 году в соответствии с поручением Главы государства.",
     "ru", None),
    # Kazakh: the main verb closes the sentence
    ("Мемлекет басшысының тапсырмасын орындау аясында облыста 20 жаңа мектеп салынды.", "kk",
     "done"),
    ("Президенттің тапсырмасы бойынша Қосшы қаласында аурухана пайдалануға берілді.", "kk",
     "done"),
    ("Үкімет басшысының тапсырмасы бойынша жылу желілерін ауыстыру жұмыстары жалғасуда.",
     "kk", "in-progress"),
    ("Облыс әкімінің тапсырмасы бойынша Семей қаласына 100 жаңа автобус жеткізіліп, "
     "маршруттарға шықты.", "kk", "done"),
    ("Облыс әкімі Президентке су тасқынынан зардап шеккендерді баспанамен қамту туралы "
     "баяндады.", "kk", "in-progress"),
    ("Во исполнение поручения Главы государства школа построена, но с опозданием на год.", "ru",
     "late"),
    ("Президенттің тапсырмасы бойынша басталған аурухана құрылысы тоқтатылды.", "kk", "failed"),
    # pointing back to the order told just before; a meeting on the work is no outcome
    ("В целях его исполнения в министерстве состоялось совещание, на котором обсудили ход "
     "проводимых работ.", "ru", "in-progress"),
    ("Осы тапсырманы орындау үшін облыста 12 мектеп салынды.", "kk", "done"),
    # Not reports
    ("Поручение акима города сократить очереди пока не выполнено, заявили депутаты.", "ru",
     None),
    ("По поручению Президента акимам необходимо усилить контроль за ценами.", "ru", None),
    ("Президент поручил построить 20 школ до конца года.", "ru", None),
    ("Мемлекет басшысының тапсырмасы бойынша Үкімет бағдарлама әзірлеуді тапсырды.", "kk",
     None),
    ("Президенттің тапсырмасы бойынша құрылыс әлі аяқталмады.", "kk", None),
    ("Тоқаев әкімдерге мектептер салуды тапсырды.", "kk", None),
]


@pytest.mark.parametrize(("sentence", "lang", "expected"), REPORTS)
def test_report_kind(sentence: str, lang: str, expected: str | None) -> None:
    assert report_kind(sentence, lang) == expected


def directive(sentence: str) -> Directive:
    return Directive(sentence=sentence, start=0, end=len(sentence),
                     issuer=Party("tokayev", "Токаев", "president"), addressees=(),
                     action="построить школы", kind="instruction")


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    ("Напомним, в марте Глава государства поручил построить 20 школ.", "ru", True),
    ("Ранее Президент поручил построить 20 школ.", "ru", True),
    ("Президент поручил построить 20 школ.", "ru", False),
    ("Мемлекет басшысы 20 мектеп салуды тапсырған болатын.", "kk", True),
    ("Мемлекет басшысы 20 мектеп салуды тапсырды.", "kk", False),
])
def test_recalled_directives(sentence: str, lang: str, expected: bool) -> None:
    assert recalled(directive(sentence), lang) is expected


def stored(**fields) -> StoredDirective:  # type: ignore[no-untyped-def]
    return StoredDirective(**({"status": None, "deadline_date": None, "given": None} | fields))


@pytest.mark.parametrize(("fields", "reports", "expected"), [
    ({"status": "open"}, ["done"], "open"),  # the reviewer's word stands
    ({}, ["in-progress", "done"], "done"),
    # a setback makes the directive overdue until a later report says done
    ({}, ["in-progress", "late"], "overdue"),
    ({}, ["late", "in-progress"], "overdue"),
    ({}, ["late", "done"], "done"),
    ({}, ["done", "failed"], "overdue"),
    ({"deadline_date": date(2026, 1, 1)}, ["in-progress"], "in-progress"),
    ({"deadline_date": date(2025, 12, 31)}, [], "overdue"),
    ({"deadline_date": date(2026, 6, 1)}, [], "open"),
    ({"given": date(2025, 10, 1)}, [], "open"),
    ({"given": date(2024, 1, 1)}, [], "unknown"),
    ({}, [], "unknown"),
])
def test_status(fields: dict, reports: list[str], expected: str) -> None:
    assert status(stored(**fields), reports, date(2026, 1, 15)) == expected


def test_a_place_opening_the_text_is_a_name() -> None:
    """The first word of a text is capitalised anyway, but a place is named wherever it
    stands: "Экибастузская ТЭЦ …" is about Ekibastuz."""
    assert object_keys("Экибастузская ТЭЦ работает надежно.") & object_keys(
        "Модернизация ТЭЦ в Экибастузе должна быть завершена в срок.") - {"#heat-power"}
    assert not object_keys("Строительство завершено.") - {"#housing"}


def test_object_keys_read_names_and_figures_across_alphabets() -> None:
    """One object named in Russian, Kazakh and Latin Kazakh gives one key; offices, persons,
    the country and a sentence's first word are no objects."""
    ru = object_keys("Завершено строительство газопровода «Сарыарка» длиной 1061 км.")
    kk = object_keys("Сонымен қатар «Сарыарқа» газ құбыры салынды.")
    latin = object_keys("Osy jyly «Saryarqa» gaz qubyry salyndy.")
    assert ru & kk & latin == {"sarya", "=srrk"}  # its first letters, its consonants
    assert "1061" in ru
    assert not object_keys("Сегодня Президент Касым-Жомарт Токаев поручил Правительству "
                           "Казахстана.")


def test_object_keys_read_quoted_names_without_capitals() -> None:
    """A page read from the Arabic script has no capitals: a short quoted name is still a name
    (and a route), a quoted sentence of speech is not."""
    ordered = object_keys("Сонымен қатар «Талдықорған-Үшарал» газ құбырын тарту қажет.")
    done = object_keys("Жалпы ұзындығы 300 шақырымнан асатын «талдықорған – үшәрәл» "
                       "мәгистрәлді гәз құбырын тарту жұмыстары аяқталды.")
    assert "taldy~ushar" in ordered & done
    assert not object_keys("«мемлекет басшысы барлық әкімдерге тапсырма берді, жұмыс тез "
                           "аяқталуы керек» деді ол.")
    # A quoted name opening the sentence is a name all the same, and so is its route.
    opening = object_keys("«Талдықорған-үшәрәл» магистралдық газ құбырын салу» жобасы.")
    assert "taldy~ushar" in opening


@pytest.mark.parametrize(("ordered", "reported"), [
    ("обеспечить строительство нового жилья", "Бүгінгі күнге дейін 715 баспана жөнделді."),
    ("построить новую школу", "Жаңа мектеп пайдалануға берілді."),
    ("ввести ТЭЦ в эксплуатацию", "Жаңа жылу электр орталығының құрылысы аяқталды."),
])
def test_object_keys_name_the_kind_of_object_in_both_languages(ordered: str,
                                                               reported: str) -> None:
    kinds = {k for k in object_keys(ordered) if k.startswith("#")}
    assert kinds and kinds <= object_keys(reported)
    assert not {k for k in object_keys("Жүйені үйлестіру жұмыстары басталды.") if k[0] == "#"}


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    # "для исполнения поручения" refers to carrying out as plainly as "во исполнение"
    ("Для выполнения поручения акима в районе работает штаб по ремонту дорог.", "ru",
     "in-progress"),
    ("С целью исполнения поручения министра больница переведена в новое здание.", "ru",
     "done"),
    # A cited order's work announced for the future is taken up: in progress ("болады" ends
    # as a past verb does, but says what will be). Saying or checking is no such work, and
    # an obligation is an order, not its report.
    ("По поручению Главы государства правительство разработает новую программу.", "ru",
     "in-progress"),
    ("По поручению Президента министерство пересмотрит тарифы на тепло.", "ru", "in-progress"),
    ("Согласно поручению акима будет реализован план ремонта дорог.", "ru", "in-progress"),
    # a future passive says what will be done, whatever its verb: not done yet
    ("По поручению Президента будет создана комиссия по проверке.", "ru", "in-progress"),
    ("По поручению акима в городе будет открыт новый мост.", "ru", "in-progress"),
    ("Президенттің тапсырмасы бойынша ауданда жаңа аурухана салынатын болады.", "kk",
     "in-progress"),
    ("Әкімнің тапсырмасы бойынша көпір биыл жөнделмек.", "kk", "in-progress"),
    ("По поручению Президента министр доложит о проверке.", "ru", None),
    ("По поручению Президента акимам необходимо пересмотреть цены.", "ru", None),
])
def test_report_kind_of_purpose_and_future(sentence: str, lang: str,
                                           expected: str | None) -> None:
    assert report_kind(sentence, lang) == expected


@pytest.mark.parametrize("text", [
    "В районе достроили газоэлектростанцию мощностью 500 МВт.",
    "Монтаж парогазовой установки на станции идет по графику.",
    "Ауданда бу-газ қондырғысының құрылысы жүріп жатыр.",
])
def test_a_power_station_is_named_by_its_fuel_or_machine(text: str) -> None:
    assert "#power-plant" in object_keys(text)


def test_a_broad_kind_is_answered_by_the_kinds_it_covers() -> None:
    """"Энергетические объекты" are heat plants and power stations: a report on a heat plant
    answers an order about them, one on a school does not, and a heat plant is still another
    object than a power station."""
    ordered = object_keys("Министру поручено проверить состояние энергетических объектов.")
    heat = object_keys("Городская ТЭЦ перешла в коммунальную собственность.")
    assert not _other_object(ordered, heat) and _names_object(ordered, heat)
    assert _other_object(ordered, object_keys("В селе открыта новая школа."))
    kk = object_keys("Қаладағы жылу электр орталығы жөнделді.")
    assert _names_object(object_keys("Энергетикалық нысандарды жаңғырту керек."), kk)
    assert _other_object(heat, object_keys("Достроена новая гидроэлектростанция."))


def test_a_report_naming_the_object_itself_is_told_from_one_naming_its_kind() -> None:
    """A report by the object's own name, or its kind in the directive's town, needs less
    likeness to the order than one that names only the kind ("газопровод")."""
    ordered = object_keys("Глава государства поручил провести газопровод Караозек – Жезказган.")
    assert _names_itself(ordered, object_keys("Газопровод Караозек – Жезказган достроен."))
    assert not _names_itself(ordered, object_keys("Магистральный газопровод достроен."))
    in_town = object_keys("Президент поручил построить новую школу в Экибастузе.")
    assert _names_itself(in_town, object_keys("В Экибастузе открылась новая школа."))
    assert not _names_itself(in_town, object_keys("В Экибастузе завершен ремонт дорог."))


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    ("Завершено строительство газопровода Талдыкорган – Ушарал.", "ru", "done"),
    ("Строительство школы продолжается.", "ru", "in-progress"),
    ("Жаңа мектеп пайдалануға берілді.", "kk", "done"),
    ("Аким провел совещание.", "ru", None),
    ("К работам приступили 34 подрядные компании в пяти регионах.", "ru", "in-progress"),
    ("Ауылда жаңа мектептің құрылысын бастады.", "kk", "in-progress"),
    # an obligation or an order says what is to be done; a noun in -ение is no outcome
    ("Он подчеркнул, что проекты должны быть завершены в установленные сроки.", "ru", None),
    ("Токаев обсудил с акимами ситуацию с обеспечением теплом.", "ru", None),
    ("Құрылыс жұмыстары уақытында аяқталуы тиіс.", "kk", None),
    # the Kazakh present continuous: a converb and "жатыр", or a final verbal noun in -уда
    ("Тұрғындарға жаңа үйлер салынып жатыр.", "kk", "in-progress"),
    ("Газ құбырын тарту жұмыстары кестеге сәйкес жүргізіліп жатыр.", "kk", "in-progress"),
    ("Мектеп құрылысы қарастырылуда.", "kk", "in-progress"),
    ("Тасқыннан зардап шеккен 35 отбасы баспаналы болды.", "kk", "done"),
    ("Жаңа үйлер салынып жатқан аудандарға әкім барды.", "kk", None),
    ("Основные работы на станции выполняются согласно графику.", "ru", "in-progress"),
    ("На площадку доставлено 83% оборудования.", "ru", "done"),
    ("Зауыттың іргетасын құю жұмыстары бітуге жақын.", "kk", "in-progress"),
    # setbacks: the deadline missed or moved, the work given up; not when only to be prevented
    ("Однако задержки с возведением газоперерабатывающего завода вызывают опасения.", "ru",
     "late"),
    ("Сроки строительства школы сорваны.", "ru", "late"),
    ("Запуск завода перенесен на 2027 год.", "ru", "late"),
    ("Строительство больницы так и не было завершено.", "ru", "failed"),
    ("Нельзя допустить срыва сроков строительства школы.", "ru", None),
    ("Если сроки будут сорваны, подрядчика накажут.", "ru", None),
    ("Мектеп құрылысы мерзімінде аяқталмады.", "kk", "late"),
    ("Газ құбырының құрылысы кешіктірілді.", "kk", "late"),
    ("Зауыт салу жобасы жүзеге аспады.", "kk", "failed"),
    ("Құрылысты кешіктіруге жол бермеу керек.", "kk", None),
])
def test_outcome_kind(sentence: str, lang: str, expected: str | None) -> None:
    assert outcome_kind(sentence, lang) == expected


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    ("Глава государства повторно поручил Правительству ускорить строительство.", "ru", True),
    ("Президент еще раз потребовал навести порядок на рынках.", "ru", True),
    ("Мемлекет басшысы тапсырманы қайталады: жолдарды жөндеу керек.", "kk", True),
    ("Президент тағы да тапсырды: газ құбырын салуды жеделдету қажет.", "kk", True),
    ("Глава государства поручил Правительству ускорить строительство.", "ru", False),
    ("Вновь избранный аким поручил отремонтировать дороги.", "ru", False),
])
def test_restated_directives(sentence: str, lang: str, expected: bool) -> None:
    assert restated(sentence, lang) is expected
