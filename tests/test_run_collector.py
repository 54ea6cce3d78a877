"""`translate run` builds its catalogue objects with the cyclic collector paused (speed) and
leaves it as it was, after a run that works and after one that fails."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from translate import catalog, catalog_header, pipeline
from translate.errors import UserError


def _watch(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, seen: list[bool]) -> None:
    original = getattr(module, name)

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, watched)


def test_the_merge_runs_with_the_collector_paused_and_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "news.vi.txt"
    source.write_text("Câu thứ nhất của bài.\n\nCâu thứ hai của bài.\n", encoding="utf-8")
    options = pipeline.RunOptions(use_mt=False)
    pipeline.run(["news.vi.txt"], options)
    seen: list[bool] = []
    for name in ("template_entries", "plan_update", "apply_update"):
        _watch(monkeypatch, catalog, name, seen)
    _watch(monkeypatch, catalog_header, "finish_template", seen)
    source.write_text("Câu thứ nhất của bài.\n\nCâu thứ ba của bài.\n", encoding="utf-8")
    assert gc.isenabled()
    pipeline.run(["news.vi.txt"], options)
    assert seen == [False] * 4 and gc.isenabled()
    assert "Câu thứ ba của bài." in Path("locales/en/news.po").read_text(encoding="utf-8")

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise UserError("stop")

    monkeypatch.setattr(catalog_header, "finish_catalogue", failing)
    source.write_text("Câu thứ tư của bài.\n", encoding="utf-8")
    with pytest.raises(UserError):
        pipeline.run(["news.vi.txt"], options)
    assert gc.isenabled()


def test_a_plain_text_source_is_segmented_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import translate.formats
    from translate.source import read_and_segment

    source = tmp_path / "news.vi.txt"
    source.write_text("Câu thứ nhất của bài.\n\nCâu thứ hai của bài.\n", encoding="utf-8")
    seen: list[bool] = []
    _watch(monkeypatch, translate.formats, "read_document", seen)
    assert gc.isenabled()
    document = read_and_segment(str(source)).document
    assert seen == [False]
    assert gc.isenabled()
    assert [segment.text for segment in document.segments] == [
        "Câu thứ nhất của bài.",
        "Câu thứ hai của bài.",
    ]
