"""Schema checks for the gazetteer data files in tapsyrma/data/*.toml."""

from __future__ import annotations

import re
from datetime import date
from itertools import combinations

import pytest

from tapsyrma.data import load

REGION_SLUGS = {
    "astana", "almaty-city", "shymkent", "abai", "akmola", "aktobe", "almaty-region", "atyrau",
    "east-kazakhstan", "west-kazakhstan", "zhambyl", "zhetysu", "karaganda", "kostanay",
    "kyzylorda", "mangystau", "pavlodar", "north-kazakhstan", "turkistan", "ulytau",
}
MINISTRIES = {
    "health", "education", "science", "energy", "agriculture", "finance",
    "economy", "national-economy", "internal-affairs", "foreign-affairs", "justice", "defence",
    "emergencies", "labour", "culture", "information", "digital", "industry", "trade", "ecology",
    "transport", "tourism", "water",
}
PLAIN_OFFICES = {"president", "prime-minister", "presidential-administration",
                 "law-enforcement"}  # its head, as the Administration's: the Prosecutor General
MANY_HOLDERS = {"other:deputy-prime-minister"}
CONTRACT_IDS = {
    "akims", "district-akims", "ministers", "government", "parliament", "maslikhats", "ank",
    "presidential-administration", "law-enforcement", "officials",
}
SLUG = re.compile(r"[a-z][a-z0-9-]*")
KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")


def valid_office(office: str) -> bool:
    if office in PLAIN_OFFICES:
        return True
    kind, _, rest = office.partition(":")
    if kind == "akim":
        return rest in REGION_SLUGS
    if kind == "minister":
        return rest in MINISTRIES
    return kind == "other" and bool(SLUG.fullmatch(rest))


def valid_id(value: str) -> bool:
    return value in CONTRACT_IDS or valid_office(value)


def iso(value: object) -> date:
    assert isinstance(value, str), f"{value!r} is not an ISO date string"
    return date.fromisoformat(value)


def persons() -> list[dict]:
    return load("persons")["person"]


def spells() -> list[tuple[str, str, date, date]]:
    """(office, person, from, to) for every office held."""
    return [(o["office"], p["id"], iso(o["from"]), iso(o["to"]) if "to" in o else date.max)
            for p in persons() for o in p["offices"]]


def test_regions_cover_every_contract_slug_once():
    slugs = [r["slug"] for r in load("regions")["region"]]
    assert len(slugs) == len(set(slugs))
    assert set(slugs) == REGION_SLUGS | {"kazakhstan"}


@pytest.mark.parametrize("region", load("regions")["region"], ids=lambda r: r["slug"])
def test_regions_schema(region):
    assert region["kind"] in ("region", "city", "country")
    assert region["ru"] and region["kk"] and region["en"]
    for former in region.get("former", []):
        assert former["lang"] in ("ru", "kk", "en")
        iso(former["until"])
        if "from" in former:
            assert iso(former["from"]) < iso(former["until"])
    for key in ("established", "capital_since", "capital_until"):
        if key in region:
            iso(region[key])


def test_region_names_are_unambiguous():
    owner: dict[str, str] = {}
    for region in load("regions")["region"]:
        names = [n for k in ("ru", "kk", "en", "ru_abbr", "kk_abbr") for n in region.get(k, [])]
        for name in names:
            assert owner.setdefault(name, region["slug"]) == region["slug"], name


def test_former_names_of_the_capital_and_turkistan():
    former = {r["slug"]: {f["name"] for f in r.get("former", [])}
              for r in load("regions")["region"]}
    assert former["astana"] >= {"Акмола", "Ақмола", "Целиноград", "Нур-Султан", "Нұр-Сұлтан",
                                "Nur-Sultan"}
    assert former["turkistan"] >= {"Южно-Казахстанская область", "Оңтүстік Қазақстан облысы",
                                   "ЮКО", "ОҚО"}
    assert "Алма-Ата" in former["almaty-city"]


def test_person_ids_are_unique_slugs():
    ids = [p["id"] for p in persons()]
    assert len(ids) == len(set(ids))
    assert all(SLUG.fullmatch(i) for i in ids)


@pytest.mark.parametrize("person", persons(), ids=lambda p: p["id"])
def test_person_schema(person):
    assert person["ru"] and person["kk"] and person["en"]
    assert person["offices"], "a person is listed for the offices held"
    for office in person["offices"]:
        assert valid_office(office["office"]), office["office"]
        start = iso(office["from"])
        if "to" in office:
            assert start <= iso(office["to"]), office


def test_only_nazarbayev_has_aliases():
    assert [p["id"] for p in persons() if p.get("aliases")] == ["nazarbayev"]


def test_kazakh_spellings_use_kazakh_letters_somewhere():
    with_letters = [p for p in persons() if KAZAKH_LETTERS & set(p["kk"])]
    assert len(with_letters) > len(persons()) * 0.6


def test_single_holder_offices_do_not_overlap():
    by_office: dict[str, list[tuple[str, date, date]]] = {}
    for office, person, start, end in spells():
        by_office.setdefault(office, []).append((person, start, end))
    clashes = [(office, a, b) for office, held in by_office.items() if office not in MANY_HOLDERS
               for a, b in combinations(held, 2) if a[1] <= b[2] and b[1] <= a[2]]
    assert not clashes


@pytest.mark.parametrize("office, day, holder", [
    ("president", "2019-03-19", "nazarbayev"),
    ("president", "2019-03-20", "tokayev"),
    ("prime-minister", "2015-01-01", "massimov"),
    ("prime-minister", "2020-01-01", "mamin"),
    ("prime-minister", "2023-01-01", "smailov"),
    ("prime-minister", "2024-06-01", "bektenov"),
    ("other:chairman-senate", "2019-06-01", "nazarbayeva"),
    ("akim:almaty-region", "2020-01-15", "batalov"),
])
def test_known_holders(office, day, holder):
    on = date.fromisoformat(day)
    assert [p for o, p, start, end in spells() if o == office and start <= on <= end] == [holder]


def test_every_prime_minister_since_1991():
    pms = {p for office, p, _, _ in spells() if office == "prime-minister"}
    assert {"tereshchenko", "kazhegeldin", "balgimbayev", "tokayev", "tasmagambetov",
            "akhmetov-daniyal", "massimov", "akhmetov-serik", "sagintayev", "mamin", "smailov",
            "bektenov"} <= pms


def test_every_region_has_an_akim_on_file():
    regions = {o.partition(":")[2] for o, *_ in spells() if o.startswith("akim:")}
    assert regions == REGION_SLUGS


@pytest.mark.parametrize("name, key", [("bodies", "body"), ("parties", "party")])
def test_named_ids_are_unique_and_canonical(name, key):
    items = load(name)[key]
    # one entry per id, or per id with the others it also names ("акимы всех уровней")
    ids = [(i["id"], *i.get("also", ())) for i in items]
    assert len(ids) == len(set(ids))
    for item in items:
        for party in (item["id"], *item.get("also", ())):
            assert valid_id(party), party
        assert item["ru"] and item["kk"], item["id"]


def test_bodies_cover_every_ministry():
    ministries = {b["id"].partition(":")[2] for b in load("bodies")["body"]
                  if b["id"].startswith("minister:")}
    assert ministries == MINISTRIES


def test_parties_cover_the_contract_collectives():
    assert {p["id"] for p in load("parties")["party"]} >= CONTRACT_IDS


def test_singular_regional_titles_are_not_collective_parties():
    phrases = {n.lower() for p in load("parties")["party"] for n in p["ru"] + p["kk"]}
    assert not phrases & {"аким области", "облыс әкімі", "аким", "әкім"}


def test_titles_name_offices():
    for title in load("titles")["title"]:
        office = title["office"]
        assert office in ("akim:{region}", "akim:{oblast}", "akim:{city}",
                          "minister:{ministry}") or \
            valid_office(office), office
        assert title["ru"] and title["kk"], office


def test_every_ministry_has_a_title():
    offices = {t["office"] for t in load("titles")["title"]}
    assert {f"minister:{m}" for m in MINISTRIES} <= offices


def test_person_offices_have_titles():
    titled = {t["office"] for t in load("titles")["title"]}
    held = {o for o, *_ in spells() if not o.startswith(("akim:", "minister:"))}
    assert held <= titled
