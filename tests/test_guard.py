"""Masking around the model: an engine double that mangles placeholders in known ways (what
happens around the model), and the real fixture engine (gibberish, so only structure)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from gnu_tools import assert_gnu_clean

from translate.engine import Engine
from translate.glossary import Glossary, Row, merge
from translate.guard import RETRY_ALTERNATIVES, Guard, GuardedEngine
from translate.protect import OPEN, Span
from translate.translation import Alternative, Translation

SO = "Sở Thông tin và Truyền thông"
DEPARTMENT = "Department of Information and Communications"
URL = "https://hue.gov.vn/cds"
SENTENCE = f"{SO} công bố kế hoạch tại {URL}."


def glossary(*pairs: tuple[str, str]) -> Glossary:
    rows = [
        Row(source, (target,), target == source, "auto", "", "", f"g.tsv:{n}")
        for n, (source, target) in enumerate(pairs, 2)
    ]
    return Glossary(merge(rows), tuple(rows))


GLOSSARY = glossary((SO, DEPARTMENT), ("Hue-S", "Hue-S"))


class Double:
    """Stands in for the model: masked input goes through ``mangle``; unmasked input gets
    ``plain(sentence)`` as its n-best list (best first)."""

    provenance = "double test 1"

    def __init__(
        self,
        mangle: Callable[[str], str],
        plain: Callable[[str], list[str]] = lambda s: [s],
    ) -> None:
        self.mangle = mangle
        self.plain = plain
        self.calls = 0
        self.requests: list[tuple[list[str], int | None]] = []

    def translate(
        self,
        sentences: Sequence[str],
        progress: Callable[[int], None] | None = None,
        on_batch: Callable[[list[Translation]], None] | None = None,
        alternatives: int | None = None,
    ) -> list[Translation]:
        self.calls += 1
        self.requests.append((list(sentences), alternatives))
        results = []
        for sentence in sentences:
            texts = [self.mangle(sentence)] if OPEN in sentence else self.plain(sentence)
            texts = (texts * (1 + (alternatives or 0)))[: 1 + (alternatives or 0)]
            alts = tuple(Alternative(t, -1.0 - i / 10) for i, t in enumerate(texts[1:]))
            results.append(Translation(sentence, texts[0], -0.5, alts))
        if on_batch is not None:
            on_batch(list({r.source: r for r in results}.values()))
        return results


def english(masked: str) -> str:
    """A well-behaved model: Vietnamese words become `w`, placeholders are copied."""
    return re.sub(r"[^\s⟦⟧\d.]+", "w", masked)


def run(double: Double, sentences: list[str], guard: Guard | None = None) -> list[Translation]:
    engine = GuardedEngine(double, guard or Guard(GLOSSARY))
    results = engine.translate(sentences)
    assert [r.source for r in results] == sentences
    return results


def test_placeholders_carried_through_are_restored() -> None:
    double = Double(english)
    (result,) = run(double, [SENTENCE])
    assert double.calls == 1
    assert double.requests[0][0] == ["⟦1⟧ công bố kế hoạch tại ⟦2⟧."]
    assert result.text == f"{DEPARTMENT} w w w w w {URL}."
    assert result.score == -0.5 and not result.notes


def test_nothing_to_protect_goes_through_unchanged() -> None:
    double = Double(english, plain=lambda s: ["plain"])
    assert run(double, ["Không có gì.", ""])[0].text == "plain"
    assert double.requests == [(["Không có gì.", ""], None)]


@pytest.mark.parametrize(
    "mangle",
    [
        pytest.param(lambda s: english(s).replace("⟦1⟧", ""), id="dropped"),
        pytest.param(lambda s: english(s).replace("⟦2⟧", "⟦2⟧ ⟦2⟧"), id="duplicated"),
        pytest.param(lambda s: english(s).replace("⟦1⟧", "⟦1"), id="mangled"),
    ],
)
def test_broken_placeholder_retries_unmasked_and_flags(mangle: Callable[[str], str]) -> None:
    double = Double(mangle, plain=lambda s: [f"gibberish {URL}.", "gibberish"])
    (result,) = run(double, [SENTENCE])
    assert double.calls == 2
    assert double.requests[1] == ([SENTENCE], RETRY_ALTERNATIVES)
    assert result.text == f"gibberish {URL}."  # keeps the URL: meets more than the other
    assert len(result.notes) == 1
    note = result.notes[0]
    assert f"term '{SO}' not translated as '{DEPARTMENT}'" in note
    assert "translated again without placeholders" in note and "url" not in note
    assert OPEN not in result.text


def test_fallback_picks_the_hypothesis_meeting_most_requirements() -> None:
    plain = [f"bad {URL}", "worse", f"The {DEPARTMENT} said {URL}."]
    double = Double(lambda s: "", plain=lambda s: plain)
    (result,) = run(double, [SENTENCE])
    assert result.text == plain[2] and result.score == -1.1 and not result.notes
    # The other hypotheses of the same decoding stay alternatives, best score first.
    assert [a.text for a in result.alternatives] == []  # none were asked for
    engine = GuardedEngine(Double(lambda s: "", plain=lambda s: plain), Guard(GLOSSARY), 2)
    (again,) = engine.translate([SENTENCE])
    assert [a.text for a in again.alternatives] == [plain[0], plain[1]]


def test_spaced_placeholders_are_repaired_without_retry() -> None:
    double = Double(lambda s: english(s).replace("⟦1⟧", "⟦ 1 ⟧"))
    (result,) = run(double, [SENTENCE])
    assert double.calls == 1 and result.text.startswith(DEPARTMENT) and not result.notes


def test_reordered_terms_are_fine_reordered_markup_is_not() -> None:
    swap = Double(lambda s: "⟦2⟧ w ⟦1⟧")
    (result,) = run(swap, [SENTENCE])
    assert result.text == f"{URL} w {DEPARTMENT}" and swap.calls == 1

    def markup(text: str) -> list[Span]:
        return [
            Span(m.start(), m.end(), "markup", m.group(), ordered=True, group=m.group(1))
            for m in re.finditer(r"</?(\d+)>", text)
        ]

    guard = Guard(GLOSSARY, extra_spans=markup)
    double = Double(lambda s: "⟦2⟧w⟦1⟧ w", plain=lambda s: ["w <1>w</1>"])
    (result,) = run(double, ["<1>Huế</1> đẹp"], guard)
    assert double.calls == 2 and result.text == "w <1>w</1>" and not result.notes


def test_masked_alternatives_are_restored_or_left_out() -> None:
    engine = GuardedEngine(Double(english), Guard(GLOSSARY))
    (result,) = engine.translate([SENTENCE], alternatives=1)
    assert [a.text for a in result.alternatives] == [result.text]

    class HalfBroken(Double):
        def translate(self, *args: Any, **kwargs: Any) -> list[Translation]:
            results = super().translate(*args, **kwargs)
            return [
                dataclasses.replace(r, alternatives=(Alternative("⟦1⟧ ⟦1⟧", -2.0),))
                for r in results
            ]

    (kept,) = GuardedEngine(HalfBroken(english), Guard(GLOSSARY)).translate(
        [SENTENCE], alternatives=1
    )
    assert kept.text.startswith(DEPARTMENT) and kept.alternatives == ()


def test_batches_are_reported_restored_and_retries_after_the_retry() -> None:
    """What the run journal records: the original sentences with restored translations."""
    batches: list[list[Translation]] = []
    double = Double(lambda s: english(s) if "kế hoạch" in s else "", plain=lambda s: ["plain"])
    other = f"Xem {URL} ngay."
    results = GuardedEngine(double, Guard(GLOSSARY)).translate(
        [SENTENCE, other, "Không có gì."], on_batch=batches.append
    )
    assert [[t.source for t in batch] for batch in batches] == [
        [SENTENCE, "Không có gì."],
        [other],  # its placeholder was dropped: reported once retried
    ]
    assert batches[0][0] == results[0] and batches[1][0] == results[1]
    assert results[1].notes and OPEN not in results[0].text


def test_duplicate_sentences_are_masked_once() -> None:
    double = Double(english)
    results = run(double, [SENTENCE, SENTENCE, f"Xem {URL}", "Xem https://other.vn"])
    assert results[0] == results[1]
    assert results[2].text.endswith(URL) and results[3].text.endswith("https://other.vn")


def test_real_engine_keeps_alignment_and_never_leaks_placeholders(installed_package: Any) -> None:
    engine = Engine(installed_package)
    guarded = GuardedEngine(engine, Guard(GLOSSARY))
    sentences = [
        SENTENCE,
        "Ứng dụng Hue-S có hơn 900.000 tài khoản, xem hue-s.vn hoặc gửi thư tới cds@hue.gov.vn.",
        "Không có thuật ngữ nào ở đây.",
        SENTENCE,
    ]
    results = guarded.translate(sentences)
    assert [r.source for r in results] == sentences
    assert engine.calls in (1, 2) and guarded.retried <= 2
    assert results[0] == results[3]
    for result, sentence in zip(results, sentences, strict=True):
        assert OPEN not in result.text and "⟧" not in result.text
        requirements = Guard(GLOSSARY).requirements(sentence)
        missing = [r for r in requirements if not r.met(result.text)]
        # Whatever the gibberish model did, a requirement is met or flagged.
        assert bool(missing) == bool(result.notes)
        assert result.score <= 0


def test_cli_run_with_glossary_and_check(
    tmp_path: Path, installed_package: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argos_fixture import run_cli

    from translate.pofile import parse, serialize

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1699773960")
    Path("a.vi.txt").write_text(f"{SENTENCE}\nỨng dụng Hue-S rất tốt.\n", encoding="utf-8")
    Path("locales").mkdir()
    Path("locales/glossary.tsv").write_text(
        f"source\ttarget\n{SO}\t{DEPARTMENT}\nHue-S\t=\n", encoding="utf-8"
    )
    result = run_cli("run", "a.vi.txt")  # the project default glossary is used
    assert result.exit_code == 0, result.stderr
    po = Path("locales/en/a.po")
    _gnu_clean(po)
    entries = {m.msgid: m for m in parse(po.read_text(encoding="utf-8")).messages}
    entry = entries[SENTENCE]
    flagged = [c for c in entry.comments if c.startswith("mt-check:")]
    # The project glossary reached the model: its term is in the msgstr or flagged.
    assert DEPARTMENT in entry.msgstr or any(SO in line for line in flagged)
    assert URL in entry.msgstr or any(URL in line for line in flagged)
    # A reviewer accepts a translation that lost the term and altered the URL.
    catalogue = parse(po.read_text(encoding="utf-8"))
    reviewed = dataclasses.replace(
        entry, msgstr="The office published its plan at https://hue.gov.vn/cd.", fuzzy=False
    )
    messages = tuple(reviewed if m.msgid == SENTENCE else m for m in catalogue.messages)
    po.write_text(serialize(dataclasses.replace(catalogue, messages=messages)), encoding="utf-8")
    check = run_cli("check", "locales", "--no-msgfmt")
    assert check.exit_code == 1, check.stdout + check.stderr
    assert "glossary: 'Sở Thông tin và Truyền thông' must be translated as" in check.stdout
    assert f"'{URL}'" in check.stdout  # reported once, by the url check
    assert check.stdout.count(URL) == 1
    only = run_cli("check", "locales", "--no-msgfmt", "--only", "protected")
    assert only.exit_code == 1 and f"protected: url '{URL}' of the msgid" in only.stdout
    stats = run_cli("stats", "locales")
    assert stats.exit_code == 0 and "glossary terms: " in stats.stdout


def _gnu_clean(path: Path) -> None:
    import shutil

    if not (shutil.which("msgfmt") and shutil.which("msgcat")):
        return
    assert_gnu_clean(path)


def test_protected_check_sees_a_url_made_longer() -> None:
    from translate.compliance import protected_messages
    from translate.qa.checks import Pair

    url = "https://hue-s.vn/gioi-thieu"
    source = f"Xem {url} để biết thêm."
    for altered in (f"See {url}/ for more.", f"See {url}-en for more."):
        (message,) = protected_messages(Pair(source, altered), reported_by=())
        assert f"url '{url}'" in message
    assert protected_messages(Pair(source, f"See {url}."), reported_by=()) == []


def test_markup_pairs_the_model_swaps_are_kept_without_retry() -> None:
    """The real markup spans (translate.formats.placeholders): a pair may move, as English
    word order asks; a closer before its opener still sends the sentence back unmasked."""
    from translate.formats.placeholders import SPAN_TRIGGERS, spans

    guard = Guard(GLOSSARY, extra_spans=spans, extra_triggers=SPAN_TRIGGERS)
    swap = Double(lambda s: "⟦3⟧w⟦4⟧ ⟦1⟧w w⟦2⟧.")
    (result,) = run(swap, ["<1>Sở Y tế</1> <2>Huế</2>."], guard)
    assert swap.calls == 1 and result.text == "<2>w</2> <1>w w</1>." and not result.notes
    broken = Double(lambda s: "⟦2⟧w⟦1⟧ ⟦3⟧w⟦4⟧.", plain=lambda s: ["<1>w</1> <2>w</2>."])
    (result,) = run(broken, ["<1>Sở Y tế</1> <2>Huế</2>."], guard)
    assert broken.calls == 2 and result.text == "<1>w</1> <2>w</2>."
