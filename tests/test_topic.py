"""The fixed topic taxonomy, in both languages."""

import pytest

from tapsyrma.directives.topic import topic


@pytest.mark.parametrize(("action", "expected"), [
    ("не допускать необоснованного роста цен на социально значимые продукты", "prices"),
    ("тауарлар бағасының тұрақтылығын қамтамасыз етуді", "prices"),
    ("провести проверку районных больниц на предмет нехватки лекарств", "health"),
    ("апатты әрі үш ауысымды мектептер мәселесін шешуді", "education"),
    ("проводить совещания по межэтнической ситуации с участием представителей АНК",
     "interethnic-relations"),
    ("Атырау – Астрахань күрежолын жөндеу", "infrastructure"),
    ("объединиться вокруг общих интересов", "other"),  # "государственных" is not "суд"
])
def test_topic_of_an_action(action: str, expected: str) -> None:
    assert topic(action, action) == expected
