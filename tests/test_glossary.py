"""Glossary files (TSV, CSV, TBX), their errors, and Vietnamese-aware term matching."""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.errors import UserError
from translate.glossary import Glossary, Term, default_glossary_paths, load_glossaries, squeezed
from translate.termmatch import TermMatcher, target_present

SO = "Sở Thông tin và Truyền thông"
DEPARTMENT = "Department of Information and Communications"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    normal = unicodedata.normalize("NFC", text)
    return [(normal[m.start : m.end], m.term.source) for m in matcher.find(text)]


def matcher(*terms: Term) -> TermMatcher:
    return TermMatcher(terms)


# ---------------------------------------------------------------------------------------
# Files


def test_tsv_with_several_targets_dnt_and_case(tmp_path: Path) -> None:
    path = write(
        tmp_path / "g.tsv",
        "# team glossary\nsource\ttarget\tnote\tcase\tpos\n"
        f"{SO}\t{DEPARTMENT} | DIC\tinstitution\t\tnoun\n"
        "\n"
        "Hue-S\t=\tapp\n"
        "chuyển đổi số\tdigital transformation\t\tinsensitive\n"
        "VietFuture\tVietFuture\n",
    )
    glossary = load_glossaries([path])
    terms = {t.source: t for t in glossary.terms}
    assert terms[SO].targets == (DEPARTMENT, "DIC")
    assert terms[SO].pos == "noun" and terms[SO].origin == f"{path}:3"
    assert terms["Hue-S"].dnt and terms["Hue-S"].preferred == "Hue-S"
    assert terms["VietFuture"].dnt
    assert terms[SO].sensitive and not terms["chuyển đổi số"].sensitive


def test_csv_and_merging_of_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", f'source,target,note\n{SO},{DEPARTMENT},"a, b"\n')
    second = write(tmp_path / "b.tsv", f"source\ttarget\n{SO}\tDIC\nUBND\tPeople's Committee\n")
    glossary = load_glossaries([first, second])
    terms = {t.source: t for t in glossary.terms}
    assert terms[SO].targets == (DEPARTMENT, "DIC")  # the first file's target is preferred
    assert terms[SO].note == "a, b"
    assert set(terms) == {SO, "UBND"}
    assert len(glossary.rows) == 3


def test_rows_without_target_are_skipped_and_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "g.tsv", "source\ttarget\nUBND\t\nCĐS\tdigital transformation\n")
    glossary = load_glossaries([path])
    assert [t.source for t in glossary.terms] == ["CĐS"]
    assert glossary.skipped == (f"{path}:2",)
    assert "1 glossary rows without a target" in glossary.warnings()[0]


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("source\ttarget\nUBND\tPC\textra\n", ":2:", "3 columns, the header has 2"),
        ("source\ttarget\nUBND\n", ":2:", "1 columns"),
        ("source\ttarget\n\tPC\n", ":2:", "empty source term"),
        ("source\ttarget\tcase\nUBND\tPC\tmaybe\n", ":2:", "case 'maybe'"),
        ("source\ttraget\n", ":1:", "unknown column 'traget'"),
        ("source\tnote\n", ":1:", "no 'target' column"),
        ("", ": ", "the glossary is empty"),
        ("source\ttarget\nUBND\tPC\nSở\x00\tDept\n", ":3:", "control character (U+0000)"),
        ("s\x00o\x00u\x00r\x00c\x00e\x00", ":1:", "UTF-16 without its byte-order mark"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, text: str, where: str, what: str) -> None:
    path = write(tmp_path / "g.tsv", text)
    with pytest.raises(UserError) as caught:
        load_glossaries([path])
    message = caught.value.message
    assert message.startswith(f"{path}{where}") and what in message
    assert "\n" not in message and caught.value.exit_code == 2


def test_csv_cells_may_hold_line_breaks(tmp_path: Path) -> None:
    # A spreadsheet's CSV export quotes a note written on two lines.
    path = write(
        tmp_path / "g.csv",
        'source,target,note\r\nUBND,PC,"line one\r\nline two"\r\n\r\n# done\r\nHuế,Hue\r\n',
    )
    glossary = load_glossaries([path])
    assert [(t.source, t.note, t.origin) for t in glossary.terms] == [
        ("UBND", "line one\r\nline two", f"{path}:2"),
        ("Huế", "", f"{path}:6"),
    ]
    bad = write(tmp_path / "bad.csv", 'source,target\nUBND,PC\n"Huế,Hue\nA,B\n')
    with pytest.raises(UserError) as caught:
        load_glossaries([bad])
    assert caught.value.message.startswith(f"{bad}:3: not a CSV row")
    wide = write(tmp_path / "wide.csv", 'source,target\n"A\nB",x\nC,D,E\n')
    with pytest.raises(UserError, match=r"wide.csv:4: 3 columns"):
        load_glossaries([wide])


def test_unreadable_encoding_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes(b"source\ttarget\nUBND\tPC\nS\xf5\tDepartment\n")  # cp1258, not UTF-8
    with pytest.raises(UserError) as caught:
        load_glossaries([path])
    assert caught.value.message.startswith(f"{path}:3: not valid UTF-8")


def test_missing_file_and_utf16(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such glossary file"):
        load_glossaries([tmp_path / "nope.tsv"])
    path = write(tmp_path / "g.txt", "\ufeffsource\ttarget\nUBND\tPC\n", "utf-16-le")
    assert load_glossaries([path]).terms[0].source == "UBND"


def test_cli_bad_glossary_is_one_error_line(tmp_path: Path, cli: object) -> None:
    from argos_fixture import run_cli

    path = write(tmp_path / "g.tsv", "source\ttarget\nUBND\tPC\tx\n")
    result = run_cli("terms", "list", str(path))
    assert result.exit_code == 2
    assert (
        result.stderr.startswith(f"Error: {path}:2: 3 columns") and result.stderr.count("\n") == 1
    )


@pytest.mark.parametrize("mt", ["--no-mt", "--if-no-model=no-mt"])
def test_run_refuses_a_bad_glossary_without_the_model_too(
    tmp_path: Path, cli: object, mt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With nothing sent to the model the glossary is not needed, but the user named it: a
    # broken one must fail this run (and write nothing), not the first run that has a model.
    from argos_fixture import run_cli

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.vi.txt", "UBND tỉnh đã họp.\n")
    path = write(tmp_path / "g.tsv", "source\ttarget\nUBND\n")
    result = run_cli("run", mt, "--glossary", str(path), "--output-dir", "out", "a.vi.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}:2: 1 columns")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_default_glossary_lookup(tmp_path: Path) -> None:
    (tmp_path / "locales").mkdir()
    write(tmp_path / "locales" / "glossary.csv", "source,target\nA,B\n")
    write(tmp_path / "glossary.tsv", "source\ttarget\nA\tB\n")
    assert default_glossary_paths([tmp_path / "locales", tmp_path, tmp_path]) == [
        tmp_path / "locales" / "glossary.csv",
        tmp_path / "glossary.tsv",
    ]
    assert default_glossary_paths([tmp_path / "missing"]) == []


# ---------------------------------------------------------------------------------------
# TBX

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en">
 <text><body>
  <termEntry id="t1">
   <descrip type="definition">provincial department</descrip>
   <langSet xml:lang="vi"><tig><term>Sở Thông tin và Truyền thông</term>
     <termNote type="partOfSpeech">noun</termNote></tig></langSet>
   <langSet xml:lang="en-GB">
    <tig><term>DIC</term></tig>
    <tig><term>Department of Information and Communications</term>
     <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>Information Office</term>
     <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
   </langSet>
  </termEntry>
  <termEntry id="t2">
   <langSet xml:lang="vi"><tig><term>Hue-S</term></tig></langSet>
   <langSet xml:lang="en"><tig><term>Hue-S</term></tig></langSet>
  </termEntry>
  <termEntry id="t3"><langSet xml:lang="vi"><tig><term>CĐS</term></tig></langSet></termEntry>
 </body></text>
</martif>
"""

TBX3 = """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body><conceptEntry id="c1">
  <langSec xml:lang="vi"><termSec><term>UBND</term></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>People's Committee</term></termSec></langSec>
 </conceptEntry></body></text>
</tbx>
"""


def test_tbx_basic_import(tmp_path: Path) -> None:
    glossary = load_glossaries([write(tmp_path / "t.tbx", TBX), write(tmp_path / "u.tbx", TBX3)])
    terms = {t.source: t for t in glossary.terms}
    assert terms[SO].targets == (DEPARTMENT, "DIC")  # preferred first, deprecated left out
    assert terms[SO].pos == "noun" and terms[SO].note == "provincial department"
    assert terms["Hue-S"].dnt
    assert terms["UBND"].targets == ("People's Committee",)
    assert glossary.skipped == (f"{tmp_path / 't.tbx'}:21",)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><m>&b;</m>',
            "DOCTYPE with an internal subset",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE m SYSTEM "x.dtd"><m>&ext;</m>',
            "undeclared entity",
        ),
        ("<martif><text><body><termEntry></body></martif>", "not well-formed"),
        ("<martif/>", "no vi→en term entries"),
        (
            '<?xml version="1.0" encoding="rot13"?><martif/>',
            "names an encoding that cannot be read",
        ),
        ('<?xml version="1.0" encoding="bogus"?><martif/>', "unknown encoding: bogus"),
    ],
)
def test_tbx_refuses_entities_and_bad_xml(tmp_path: Path, text: str, what: str) -> None:
    path = write(tmp_path / "t.tbx", text)
    with pytest.raises(UserError) as caught:
        load_glossaries([path])
    assert caught.value.message.startswith(f"{path}") and what in caught.value.message


# ---------------------------------------------------------------------------------------
# Matching


def test_two_spaces_and_other_whitespace() -> None:
    # A run of spaces inside a term matches; other whitespace (an em space) collapses into a
    # space only in a text searched again for its run of spaces after a term's first words.
    m = matcher(Term("A B", ("ab",)), Term("Huế", ("Hue",)))
    assert found(m, "A  B, Huế  Huế") == [("A  B", "A B"), ("Huế", "Huế"), ("Huế", "Huế")]
    assert found(m, "A\u2003B  x") == []
    assert found(m, "A\u2003B A  B") == [("A\u2003B", "A B"), ("A  B", "A B")]
    assert found(m, "x  A\u2003B Huế") == [("Huế", "Huế")]


def test_whole_syllables_only() -> None:
    m = matcher(Term("Huế", ("Hue",)), Term("thông", ("x",)), Term("Hue-S", ("Hue-S",), dnt=True))
    assert found(m, "Huế, Huếế, xHuế, Huế-S, Hue-S và Hue-Smart; truyền thông, thôngtin") == [
        ("Huế", "Huế"),
        ("Hue-S", "Hue-S"),
        ("thông", "thông"),
    ]


def test_nfd_input_and_old_tone_placement() -> None:
    m = matcher(Term(SO, (DEPARTMENT,)), Term("hoà bình", ("peace",)))
    text = unicodedata.normalize("NFD", f"{SO} vì hòa bình")
    assert found(m, text) == [(SO, SO), ("hòa bình", "hoà bình")]


def test_spacing_must_match() -> None:
    m = matcher(Term("TT&TT", ("ICT",)), Term("Thừa Thiên Huế", ("Thua Thien Hue",)))
    assert found(m, "Sở TT&TT, TT & TT, Thừa  Thiên\nHuế") == [
        ("TT&TT", "TT&TT"),
        ("Thừa  Thiên\nHuế", "Thừa Thiên Huế"),
    ]


def test_case_rules() -> None:
    m = matcher(
        Term("UBND", ("People's Committee",)),
        Term("chuyển đổi số", ("digital transformation",)),
        Term("Sở", ("Department",), case="sensitive"),
        Term("sở", ("office",), case="insensitive"),
    )
    text = "Chuyển đổi số ở ubnd và UBND; Sở, sở, SỞ"
    assert [(s, m.find(text)[i].term.targets[0]) for i, (s, _) in enumerate(found(m, text))] == [
        ("Chuyển đổi số", "digital transformation"),
        ("UBND", "People's Committee"),
        ("Sở", "Department"),
        ("sở", "office"),
        ("SỞ", "office"),
    ]


def test_longest_match_wins_and_overlaps_are_deterministic() -> None:
    m = matcher(
        Term("Sở", ("Department",), case="sensitive"),
        Term("Thông tin", ("Information",)),
        Term(SO, (DEPARTMENT,)),
        Term("A B", ("ab",)),
        Term("B C D", ("bcd",)),
    )
    assert found(m, f"{SO} và Sở Thông tin") == [
        (SO, SO),
        ("Sở", "Sở"),
        ("Thông tin", "Thông tin"),
    ]
    # The longer overlapping match wins even when it starts later.
    assert found(m, "A B C D") == [("B C D", "B C D")]
    assert found(m, "A B C") == [("A B", "A B")]


def test_no_terms_no_matches() -> None:
    assert TermMatcher(()).find("bất cứ gì") == []
    assert not Glossary()


@given(st.lists(st.sampled_from(["Sở", "Thông", "tin", "và", "Huế", "-", "S", " ", "UBND"])))
def test_matches_never_overlap_and_are_whole_terms(pieces: list[str]) -> None:
    m = matcher(
        Term("Sở", ("D",)), Term("Thông tin", ("I",)), Term("Huế", ("H",)), Term("UBND", ("P",))
    )
    text = "".join(pieces)
    matches = m.find(text)
    for left, right in itertools.pairwise(matches):
        assert left.end <= right.start
    for match in matches:
        assert (
            " ".join(text[match.start : match.end].split()).casefold()
            == match.term.source.casefold()
        )
        assert match.start == 0 or not text[match.start - 1].isalnum()
        assert match.end == len(text) or not text[match.end].isalnum()


def test_target_present_whole_words_and_case() -> None:
    term = Term(SO, (DEPARTMENT, "DIC"))
    assert target_present(term, f"The {DEPARTMENT.lower()} said")
    assert target_present(term, "DIC said")
    assert not target_present(term, "DICE said")
    dnt = Term("Hue-S", ("Hue-S",), dnt=True)
    assert target_present(dnt, "the Hue-S app") and not target_present(dnt, "the hue-s app")


@given(
    st.lists(
        st.lists(
            st.sampled_from(["Sở", "Thông tin", "Huế", "hòa", "bình", " ", "  ", "\t", "-", "ế"])
        ).map("".join),
        max_size=6,
    )
)
def test_one_pass_over_many_texts_equals_one_text_at_a_time(texts: list[str]) -> None:
    m = matcher(
        Term("Sở", ("D",)), Term("Thông tin", ("I",)), Term("Huế", ("H",)), Term("hoà bình", ("P",))
    )
    assert [list(found) for found in m.find_many(texts)] == [m.find(text) for text in texts]


def test_many_texts_with_nfd_and_nul() -> None:
    m = matcher(Term("Huế", ("Hue",)))
    texts = [unicodedata.normalize("NFD", "ở Huế"), "a\x00Huế", "Huế"]
    assert [[(x.start, x.end) for x in found] for found in m.find_many(texts)] == [
        [(2, 5)],
        [(2, 5)],
        [(0, 3)],
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aế  \t\n\r\xa0\u2009\u3000\u2028\x85\x1c\u200b|=")))
def test_a_cell_is_squeezed_as_by_split_and_join(text: str) -> None:
    assert squeezed(text) == " ".join(text.split())
    assert squeezed(f"{text}x{text}") == " ".join(f"{text}x{text}".split())
