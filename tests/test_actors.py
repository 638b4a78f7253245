"""Actor recognition: gazetteer aliases, date-resolved titles, in-document coreference.

Most cases are rows of (text, article date, expected): one test per row. `expected` lists
the canonical actors of every mention in order, a mention with several actors written as
"A+B". Sentences are our own, not corpus text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dashapp.actors import ActorMention, Gazetteer
from dashapp.models import Actor

D19 = date(2019, 11, 5)
D22 = date(2022, 3, 2)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def names(mentions: list[ActorMention]) -> list[str]:
    return ["+".join(a.name for a in m.actors) for m in mentions]


# (text, date, expected actors of every mention in order)
CASES: list[tuple[str, date, list[str]]] = [
    # metonyms
    ("Moscow and Washington traded accusations.", D22, ["Russia", "United States"]),
    ("The Kremlin rejected the claim.", D22, ["Russia"]),
    ("The White House and the Pentagon disagreed.", D22, ["United States", "United States"]),
    ("Talks between Kyiv and Kiev officials.", D22, ["Ukraine", "Ukraine"]),
    ("Beijing protested to Downing Street.", D22, ["China", "United Kingdom"]),
    ("The Elysee and the Élysée Palace.", D22, ["France", "France"]),
    # aliases and acronyms
    ("The US, the U.S. and the USA and America.", D22, ["United States"] * 4),
    ("Britain and the UK and the United Kingdom.", D22, ["United Kingdom"] * 3),
    ("The EU, NATO, the UN and the G7 met.", D22, ["EU", "NATO", "UN", "G7"]),
    ("The UN Security Council and the IAEA.", D22, ["UN Security Council", "IAEA"]),
    ("The International Monetary Fund and the World Bank.", D22, ["IMF", "World Bank"]),
    # demonyms
    (
        "Russian officials met American and British diplomats.",
        D22,
        ["Russia", "United States", "United Kingdom"],
    ),
    ("Ukrainians and Russians; the Chinese delegation.", D22, ["Ukraine", "Russia", "China"]),
    # possessives in every apostrophe style, and stripped
    ("Russia's army, Russia’s navy, Russias air force.", D22, ["Russia"] * 3),
    (
        "Ukraines borders and Biden's plan and Putins words.",
        D22,
        ["Ukraine", "Joe Biden", "Vladimir Putin"],
    ),
    # titles resolved by date
    ("The US president spoke.", D19, ["Donald Trump"]),
    ("The US president spoke.", D22, ["Joe Biden"]),
    ("The US president spoke.", date(2025, 6, 1), ["Donald Trump"]),
    ("POTUS tweeted.", D19, ["Donald Trump"]),
    ("POTUS tweeted.", D22, ["Joe Biden"]),
    ("The US leader left.", D22, ["Joe Biden"]),
    ("The Russian foreign minister arrived.", D22, ["Sergei Lavrov"]),
    ("The US Secretary of State arrived.", D19, ["Mike Pompeo"]),
    ("The US secretary of state arrived.", date(2025, 3, 1), ["Marco Rubio"]),
    ("The Kremlin leader warned.", D22, ["Vladimir Putin"]),
    ("The Kremlin leader warned.", date(2010, 1, 1), ["Dmitry Medvedev"]),
    ("The British prime minister resigned.", D19, ["Boris Johnson"]),
    ("The British prime minister resigned.", date(2022, 10, 1), ["Liz Truss"]),
    ("The president of Ukraine visited.", D22, ["Volodymyr Zelensky"]),
    ("NATO chief said so.", D22, ["Jens Stoltenberg"]),
    ("NATO chief said so.", date(2025, 1, 1), ["Mark Rutte"]),
    (
        "Ukraine's president and Ukraines foreign minister.",
        D22,
        ["Volodymyr Zelensky", "Dmytro Kuleba"],
    ),
    # title words before a known name belong to the mention; the actor is the person
    (
        "US President Joe Biden and Russian President Vladimir Putin.",
        D22,
        ["Joe Biden", "Vladimir Putin"],
    ),
    ("President Putin met Prime Minister May.", D19, ["Vladimir Putin", "Theresa May"]),
    ("Mrs May and Mr Putin.", D19, ["Theresa May", "Vladimir Putin"]),
    # glued first+last names of known people
    ("Talks with VolodymyrZelensky and JoeBiden.", D22, ["Volodymyr Zelensky", "Joe Biden"]),
    # people introduced by a title, and their bare surname later
    (
        "Kyiv mayor Vitali Klitschko spoke. Klitschko said more.",
        D22,
        ["Vitali Klitschko", "Vitali Klitschko"],
    ),
    (
        "Prime Minister Aldo Ferrant resigned. Ferrant's party lost.",
        D22,
        ["Aldo Ferrant", "Aldo Ferrant"],
    ),
    ("Boris Johnson left. Johnson said nothing.", D22, ["Boris Johnson", "Boris Johnson"]),
    ("Johnson said nothing.", D22, []),
    # counterparts and pairs
    ("Blinken met his Ukrainian counterpart in Geneva.", D22, ["Antony Blinken", "Dmytro Kuleba"]),
    ("Biden called his Ukrainian counterpart.", D22, ["Joe Biden", "Volodymyr Zelensky"]),
    (
        "Biden phoned Putin. Later both presidents agreed.",
        D22,
        ["Joe Biden", "Vladimir Putin", "Joe Biden+Vladimir Putin"],
    ),
    (
        "Chadian President Ali Mar met Nigerien President Bako Sani; both presidents spoke.",
        D22,
        ["Ali Mar", "Bako Sani", "Ali Mar+Bako Sani"],
    ),
    (
        "Lavrov met Blinken; the two foreign ministers talked.",
        D22,
        ["Sergei Lavrov", "Antony Blinken", "Sergei Lavrov+Antony Blinken"],
    ),
    # organisation anaphors only after the organisation was named
    ("NATO met. The alliance agreed.", D22, ["NATO", "NATO"]),
    ("The alliance agreed.", D22, []),
    # a bare "the <office>" is the last-named holder of that office, if any
    (
        "German Chancellor Olaf Scholz met Lavrov. The chancellor left.",
        D22,
        ["Olaf Scholz", "Sergei Lavrov", "Olaf Scholz"],
    ),
    ("The chancellor left.", D22, []),
    (
        "Li Keqiang spoke. Rules set by Wen Jiabao, then the prime minister, stay.",
        D22,
        ["Li Keqiang", "Wen Jiabao"],
    ),
    ("The former US president spoke.", D22, ["United States"]),
    (
        "Obama began the president's Middle East tour.",
        date(2013, 3, 1),
        ["Barack Obama", "Barack Obama"],
    ),
    (
        "Kyiv named Foreign Minister Lena Voss. Later the foreign minister resigned.",
        D22,
        ["Ukraine", "Lena Voss", "Lena Voss"],
    ),
    ("Queen Anna Varo arrived. The king left.", D22, ["Anna Varo"]),
    ("Admiral Sir Jon Vell sailed. Vell returned.", D22, ["Jon Vell", "Jon Vell"]),
    # decoys
    ("In May the talks resumed.", D19, []),
    ("We saw Turkey and Georgia.", D22, ["Turkey", "Georgia"]),
    ("Voters in Atlanta, Georgia and the state of Georgia.", D22, []),
    ("Michael Jordan met Chad Smith and Jordan Peterson.", D22, []),
    ("Jordan and Chad signed a deal with Guinea.", D22, ["Jordan", "Chad", "Guinea"]),
    ("Let us go; the unit and the eu and the un.", D22, []),
    ("Russianness and USSR and Ukrainianism.", D22, []),
    ("British Airways flew to the French Open during the Spanish Flu.", D22, []),
    ("It cost US$5 million.", D22, []),
    ("The US Air Force and British troops.", D22, ["United States", "United Kingdom"]),
    ("Latin America and the Gulf of Mexico and New Mexico.", D22, []),
    ("Ivanka Trump visited.", D19, []),
    # a generic title names no office holder
    ("It was the first visit by a US president in years.", D22, ["United States"]),
    # "head of X's Y" is not the head of X
    ("He met the head of Israel's Mossad.", D22, ["Israel", "Mossad"]),
    # people set off by commas around a role
    ("Russia's envoy, Ivan Sobolev, said no.", D22, ["Ivan Sobolev"]),
    (
        "Pavel Orlin, a former Russian double agent, was poisoned. Orlin survived.",
        D22,
        ["Pavel Orlin", "Russia", "Pavel Orlin"],
    ),
    ("He flew to New York, the US president said.", D22, ["Joe Biden"]),
    (
        "Talks with the Saudi national security adviser, Musaed al-Aiban, ended.",
        D22,
        ["Musaed al-Aiban"],
    ),
    # honorific + surname of someone introduced earlier
    (
        "Kyiv mayor Vitali Klitschko spoke. Mr Klitschko left.",
        D22,
        ["Vitali Klitschko", "Vitali Klitschko"],
    ),
    # shared surnames resolve to the person named earlier, else the office holder
    (
        "Premier Li Keqiang met Li Qiang. Later Li spoke.",
        D22,
        ["Li Keqiang", "Li Qiang", "Li Keqiang"],
    ),
    ("The Chinese premier spoke.", date(2024, 1, 1), ["Li Qiang"]),
    ("President Kirchner spoke.", date(2010, 5, 1), ["Cristina Fernández de Kirchner"]),
    ("President Kirchner spoke.", date(2005, 5, 1), ["Néstor Kirchner"]),
    # dated leaders: Turkey's leader was the prime minister until August 2014
    ("The Turkish leader spoke.", date(2010, 1, 1), ["Recep Tayyip Erdogan"]),
    ("The Turkish president spoke.", date(2010, 1, 1), ["Abdullah Gül"]),
    ("The German chancellor spoke.", date(2025, 6, 1), ["Friedrich Merz"]),
    ("The German chancellor spoke.", date(2024, 6, 1), ["Olaf Scholz"]),
    ("The Japanese prime minister spoke.", date(2025, 12, 1), ["Sanae Takaichi"]),
    ("The British foreign secretary spoke.", date(2024, 1, 1), ["David Cameron"]),
    ("EU chief spoke.", D22, ["Ursula von der Leyen"]),
    ("The EU foreign policy chief spoke.", D22, ["Josep Borrell"]),
    ("The UN secretary-general spoke.", date(2010, 1, 1), ["Ban Ki-moon"]),
    ("The UK monarch spoke.", date(2023, 1, 1), ["Charles III"]),
    ("The US vice president spoke.", date(2015, 1, 1), ["Joe Biden"]),
    ("The Russian defence minister spoke.", date(2020, 1, 1), ["Sergei Shoigu"]),
    ("The Russian defense minister spoke.", date(2025, 1, 1), ["Andrei Belousov"]),
    (
        "Kremlin spokesman Dmitry Peskov spoke; Peskov left.",
        D22,
        ["Dmitry Peskov", "Dmitry Peskov"],
    ),
    # names that are also other things
    ("The Biden Administration met at Trump Tower.", D22, ["Joe Biden"]),
    ("George H.W. Bush met Jeb Bush and Laura Bush.", D22, ["George H. W. Bush"]),
    # headline case: capitalised neighbours are not first names
    ("Biden Warns Putin of Severe Consequences", D22, ["Joe Biden", "Vladimir Putin"]),
    ("Lavrov Meets Blinken in Geneva", D22, ["Sergei Lavrov", "Antony Blinken"]),
    ("President Clinton spoke.", D22, ["Bill Clinton"]),
    ("They drove to Paris, Texas.", D22, []),
    ("US Ambassador to the UN Lena Ortiz spoke.", D22, ["Lena Ortiz"]),
    (
        "Russia-Ukraine talks and the Russian-Ukrainian war.",
        D22,
        ["Russia", "Ukraine", "Russia", "Ukraine"],
    ),
]


@pytest.mark.parametrize(("text", "when", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_cases(gaz: Gazetteer, text: str, when: date, expected: list[str]) -> None:
    assert names(gaz.find(text, when=when)) == expected


def test_mentions_sorted_non_overlapping_and_offsets(gaz: Gazetteer) -> None:
    text = "US President Joe Biden met NATO chief Jens Stoltenberg in Brussels."
    ms = gaz.find(text, when=D22)
    assert [m.text for m in ms] == [
        "US President Joe Biden",
        "NATO chief Jens Stoltenberg",
        "Brussels",
    ]
    for m in ms:
        assert text[m.start : m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:], strict=False))


def test_qualifiers_report_the_place_of_a_title_and_the_parent_body(gaz: Gazetteer) -> None:
    text = "US Secretary of State Antony Blinken briefed the UN Security Council."
    ms = gaz.find(text, when=D22)
    assert [(names([m]), [q.name for q in m.qualifiers]) for m in ms] == [
        (["Antony Blinken"], ["United States"]),
        (["UN Security Council"], ["UN"]),
    ]
    ms = gaz.find("CIA Director Ann Marlow and Kremlin spokesman Oleg Varin.", when=D22)
    assert [[q.name for q in m.qualifiers] for m in ms] == [
        ["CIA", "United States"],
        ["Russia"],
    ]


def test_introduced_person_gets_affiliation_from_title(gaz: Gazetteer) -> None:
    ms = gaz.find("Kyiv mayor Vitali Klitschko met Kremlin aide Ivan Petrovsky.", when=D22)
    assert [m.actors[0] for m in ms] == [
        Actor("Vitali Klitschko", "person", "Ukraine"),
        Actor("Ivan Petrovsky", "person", "Russia"),
    ]


def test_possessive_owner_gives_affiliation(gaz: Gazetteer) -> None:
    ms = gaz.find("Putin's spokesman Oleg Varin said so.", when=D22)
    assert [m.actors[0] for m in ms] == [
        Actor("Vladimir Putin", "person", "Russia"),
        Actor("Oleg Varin", "person", "Russia"),
    ]


def test_actor_lookup_and_kinds(gaz: Gazetteer) -> None:
    assert gaz.actor("Joe Biden") == Actor("Joe Biden", "person", "United States")
    assert gaz.actor("Russia") == Actor("Russia", "country", None)
    assert gaz.actor("NATO") == Actor("NATO", "organisation", None)
    assert gaz.actor("Kremlin") == Actor("Russia", "country", None)
    assert gaz.actor("Nobody Atall") is None


def test_affiliated(gaz: Gazetteer) -> None:
    russia = gaz.affiliated("Russia")
    assert {"Vladimir Putin", "Sergei Lavrov", "Dmitry Medvedev"} <= russia
    assert "Joe Biden" not in russia
    assert "Jens Stoltenberg" in gaz.affiliated("NATO")
    assert {"FSB", "Duma"} <= russia
    assert "UN Security Council" in gaz.affiliated("UN")
    assert "Mark Rutte" in gaz.affiliated("Netherlands")  # held an office of it


def test_every_person_has_affiliation_and_valid_offices(gaz: Gazetteer) -> None:
    for a in gaz.all():
        if a.kind == "person":
            assert a.affiliation is not None, a.name
            assert gaz.actor(a.affiliation) is not None, (a.name, a.affiliation)
            for o in gaz.offices(a.name):
                assert gaz.actor(o.of) is not None, (a.name, o.of)
                assert o.start is None or o.end is None or o.start < o.end, a.name


def test_un_members_are_covered(gaz: Gazetteer) -> None:
    countries = [a for a in gaz.all() if a.kind == "country"]
    assert len(countries) >= 197
    for name in ("United States", "Russia", "South Korea", "Vatican", "Kosovo", "Palestine"):
        assert gaz.actor(name) is not None


def test_user_extra_file(tmp_path: Path) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(
        json.dumps(
            {
                "actors": [
                    {
                        "name": "Vitali Klitschko",
                        "kind": "person",
                        "affiliation": "Ukraine",
                        "aliases": ["Klitschko"],
                    },
                    {"name": "Russia", "aliases": ["Rossiya"]},
                    {"name": "Joe Biden", "affiliation": "USA-Delaware"},
                ]
            }
        ),
        encoding="utf-8",
    )
    g = Gazetteer.load(extra=extra)
    ms = g.find("Klitschko spoke of Rossiya.", when=D22)
    assert names(ms) == ["Vitali Klitschko", "Russia"]
    assert g.actor("Joe Biden") == Actor("Joe Biden", "person", "USA-Delaware")
    # The packaged gazetteer is untouched.
    assert names(Gazetteer.load().find("Klitschko spoke of Rossiya.", when=D22)) == []


def test_env_var_names_extra_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "env.json"
    extra.write_text(json.dumps([{"name": "Atlantis", "kind": "country"}]), encoding="utf-8")
    monkeypatch.setenv("GEOTIMELINE_ACTORS", str(extra))
    assert Gazetteer.load().actor("Atlantis") == Actor("Atlantis", "country", None)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ([{"name": "Nowhere", "kind": "planet"}], "kind must be"),
        ([{"name": "Russia", "alias": ["Rus"]}], "unknown field"),
        ([{"name": "Russia", "aliases": "Rus"}], "list of non-empty strings"),
        ([{"name": "X Y", "kind": "person", "offices": [{"office": "president"}]}], "'of'"),
        (
            [
                {
                    "name": "X Y",
                    "kind": "person",
                    "offices": [{"office": "president", "of": "Chad", "from": "May 2020"}],
                }
            ],
            "YYYY-MM-DD",
        ),
        ({"people": []}, "holds"),
    ],
)
def test_bad_extra_file_is_rejected(tmp_path: Path, content: object, message: str) -> None:
    extra = tmp_path / "bad.json"
    extra.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        Gazetteer.load(extra=extra)


def test_extra_file_decoys_and_removed_aliases(tmp_path: Path) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(
        json.dumps(
            {
                "actors": [{"name": "Russia", "remove_aliases": ["Kremlin"]}],
                "decoys": ["Moscow Mule"],
            }
        ),
        encoding="utf-8",
    )
    g = Gazetteer.load(extra=extra)
    assert names(g.find("The Kremlin served a Moscow Mule in Moscow.", when=D22)) == ["Russia"]


def test_load_is_cached() -> None:
    assert Gazetteer.load() is Gazetteer.load()


SEED = Path("/work/shared/seed/000_b0493dc1623e2b1d.txt")


@pytest.mark.skipif(not SEED.exists(), reason="owner's seed article not present")
def test_seed_article(gaz: Gazetteer) -> None:
    body = "\n".join(SEED.read_text(encoding="utf-8").split("\n")[3:])
    found = {a.name for m in gaz.find(body, when=date(2022, 1, 3)) for a in m.actors}
    assert found == {
        "Joe Biden",
        "Vladimir Putin",
        "Volodymyr Zelensky",
        "Antony Blinken",
        "Jens Stoltenberg",
        "NATO",
        "Russia",
        "Ukraine",
        "United States",
    }


def test_no_two_people_hold_one_office_at_once(gaz: Gazetteer) -> None:
    """A data check: the dated offices of one country/organisation do not overlap."""
    spans: dict[tuple[str, str], list[tuple[date, date, str]]] = {}
    for a in gaz.all():
        for o in gaz.offices(a.name):
            start = o.start or date.min
            end = o.end or date.max
            spans.setdefault((o.office, o.of), []).append((start, end, a.name))
    clashes = []
    for key, lst in spans.items():
        lst.sort()
        for (_s1, e1, n1), (s2, _e2, n2) in zip(lst, lst[1:], strict=False):
            if s2 < e1:
                clashes.append((key, n1, n2))
    assert clashes == []
