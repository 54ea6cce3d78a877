"""`translate terms list|check|extract`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from argos_fixture import run_cli

from translate.glossary import load_glossaries
from translate.termtools import extract_candidates

GLOSSARY = (
    "source\ttarget\tnote\tcase\n"
    "Sở Thông tin và Truyền thông\tDepartment of Information and Communications\t\t\n"
    "UBND\tPeople's Committee | PC\tacronym\t\n"
    "Hue-S\t=\tapp\t\n"
    "UBND\tPeople's Committee\t\t\n"
    "hue-s\tHue S app\t\t\n"
    "chuyển đổi số\tdigital transformation\t\tinsensitive\n"
    "Chuyển đổi số\tdigital transformation\t\tsensitive\n"
    "Bộ Y tế\t\t\t\n"
)


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "glossary.tsv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def test_list_round_trips(glossary: Path, tmp_path: Path) -> None:
    result = run_cli("terms", "list", str(glossary))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "source\ttarget\tnote\tcase\tpos"
    assert "UBND\tPeople's Committee | PC\tacronym\tauto\t" in result.stdout
    assert "Hue-S\t=\tapp" in result.stdout
    assert "1 glossary rows without a target" in result.stderr
    again = tmp_path / "again.tsv"
    again.write_text(result.stdout, encoding="utf-8")

    def pairs(path: Path) -> list[tuple[str, tuple[str, ...], bool]]:
        return [(t.source, t.targets, t.dnt) for t in load_glossaries([path]).terms]

    assert pairs(again) == pairs(glossary)
    as_json = run_cli("terms", "list", str(glossary), "--json")
    first = json.loads(as_json.stdout.splitlines()[0])
    assert first["origin"] == f"{glossary}:2" and first["sensitive"] is True


def test_check_reports_duplicates_conflicts_and_unused(glossary: Path, tmp_path: Path) -> None:
    source = tmp_path / "a.vi.txt"
    source.write_text("UBND tỉnh và Sở Thông tin và Truyền thông.\n", encoding="utf-8")
    result = run_cli("terms", "check", str(glossary), "--in", str(source))
    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert (
        f"{glossary}:5: duplicate: 'UBND' → 'People's Committee' is also at {glossary}:3" in lines
    )
    assert f"{glossary}:6: conflict: 'hue-s' is translated here but do-not-translate at " in (
        "\n".join(lines)
    )
    assert any(
        ":8: conflict: 'Chuyển đổi số' has case sensitive here but insensitive" in x for x in lines
    )
    assert f"{glossary}:9: no-target: the row has no target yet; it is ignored" in lines
    assert any("unused: 'Hue-S' never occurs" in line for line in lines)
    assert not any("unused: 'UBND'" in line for line in lines)
    assert lines[-1].endswith("findings in 6 terms")


def test_check_clean_glossary_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("source,target\nUBND,People's Committee\n", encoding="utf-8")
    result = run_cli("terms", "check", str(path))
    assert result.exit_code == 0
    assert result.stdout.strip() == "no findings in 1 terms; unused terms not checked (no --in)"
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target\n,x\n", encoding="utf-8")
    broken = run_cli("terms", "check", str(bad))
    assert broken.exit_code == 2 and broken.stderr.startswith(f"Error: {bad}:2: empty source")


MSGIDS = [
    "UBND tỉnh Thừa Thiên Huế chỉ đạo Sở TT&TT đẩy mạnh CĐS.",
    "Theo UBND tỉnh, CĐS là nhiệm vụ trọng tâm của Thừa Thiên Huế.",
    "Thừa Thiên Huế có hơn 900.000 tài khoản Hue-S, ông Trần Kiêm Hảo cho biết.",
    "Ông Trần Kiêm Hảo nói TT&TT và CĐS là ưu tiên.",
    "Hướng Đến tương lai.",  # a capitalised run at a sentence start, seen nowhere else
]


def test_extract_candidates(tmp_path: Path) -> None:
    found = {(c.text, c.kind): c.count for c in extract_candidates(MSGIDS)}
    assert found[("CĐS", "acronym")] == 3
    assert found[("UBND", "acronym")] == 2
    assert found[("TT&TT", "acronym")] == 2
    assert found[("Thừa Thiên Huế", "name")] == 3
    assert found[("Trần Kiêm Hảo", "name")] == 2
    assert ("Hướng Đến", "name") not in found
    known_file = tmp_path / "known.tsv"
    known_file.write_text("source\ttarget\nUBND\tPC\n", encoding="utf-8")
    known = load_glossaries([known_file])
    assert "UBND" not in {c.text for c in extract_candidates(MSGIDS, known=known)}


def test_extract_command_writes_a_fillable_tsv(tmp_path: Path) -> None:
    source = tmp_path / "a.vi.txt"
    source.write_text("\n".join(MSGIDS) + "\n", encoding="utf-8")
    output = tmp_path / "candidates.tsv"
    result = run_cli("terms", "extract", str(source), "-o", str(output))
    assert result.exit_code == 0, result.stderr
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "source\ttarget\tnote\tcount"
    assert lines[1] == "CĐS\t\tacronym\t3"
    # Loaded as a glossary before anyone fills it in: every row is skipped, nothing breaks.
    glossary = load_glossaries([output])
    assert not glossary.terms and len(glossary.skipped) == len(lines) - 1
