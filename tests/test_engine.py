"""The batched engine on the tiny random fixture package: structure, never wording."""

from __future__ import annotations

import dataclasses
import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translate.engine import Engine, EngineOptions
from translate.errors import UserError
from translate.translation import Translation

SEED = (
    Path(__file__).resolve().parent.parent / "seeds" / "hue-digital-transformation-week-2023.vi.txt"
)


def seed_sentences(limit: int = 12) -> list[str]:
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line][:limit]


@pytest.fixture(scope="module")
def engine(installed_package: Any) -> Engine:
    return Engine(installed_package, EngineOptions(alternatives=2, compute_type="float32"))


def assert_well_formed(result: Translation, alternatives: int) -> None:
    assert len(result.alternatives) == alternatives
    scores = [alternative.score for alternative in result.alternatives]
    assert all(math.isfinite(score) and score <= 0 for score in [result.score, *scores])
    assert scores == sorted(scores, reverse=True)


def test_one_result_per_input_in_order(engine: Engine) -> None:
    sentences = seed_sentences()
    results = engine.translate(sentences)
    assert [r.source for r in results] == sentences
    for result in results:
        assert_well_formed(result, alternatives=2)
    # Different sources give different outputs on this fixture: order really is checked.
    assert len({r.text for r in results}) > 1


def test_duplicates_are_translated_once(installed_package: Any) -> None:
    engine = Engine(installed_package, EngineOptions())
    a, b = seed_sentences(2)
    finished: list[int] = []
    results = engine.translate([a, b, a, a, b], progress=finished.append)
    assert engine.sentences_translated == 2
    assert engine.calls == 1
    assert results[0] == results[2] == results[3]
    assert results[1] == results[4]
    assert sum(finished) == 5


def test_empty_input_loads_nothing(installed_package: Any) -> None:
    engine = Engine(installed_package, EngineOptions(device="cuda"))
    assert engine.translate([]) == []
    assert engine.calls == 0
    assert not engine.loaded


def test_blank_sentences_do_not_reach_the_model(installed_package: Any) -> None:
    engine = Engine(installed_package, EngineOptions())
    results = engine.translate(["", "  "])
    assert [(r.source, r.text) for r in results] == [("", ""), ("  ", "")]
    assert engine.calls == 0 and not engine.loaded


def test_batch_results_equal_one_at_a_time(engine: Engine) -> None:
    sentences = seed_sentences(20)
    batch = engine.translate(sentences)
    for sentence, together in zip(sentences, batch, strict=True):
        (alone,) = engine.translate([sentence])
        assert alone.text == together.text
        assert [a.text for a in alone.alternatives] == [a.text for a in together.alternatives]
        assert alone.score == pytest.approx(together.score, abs=1e-4)


def test_small_batches_equal_one_big_batch(installed_package: Any) -> None:
    sentences = seed_sentences(10)
    options = EngineOptions(compute_type="float32")
    big = Engine(installed_package, options).translate(sentences)
    small = Engine(installed_package, dataclasses.replace(options, max_batch_tokens=16)).translate(
        sentences
    )
    assert [r.text for r in big] == [r.text for r in small]


@pytest.mark.parametrize("alternatives", [0, 1, 3])
def test_n_best_count(installed_package: Any, alternatives: int) -> None:
    engine = Engine(installed_package, EngineOptions(alternatives=alternatives, beam_size=2))
    for result in engine.translate(seed_sentences(3)):
        assert_well_formed(result, alternatives)


def test_decoding_cap_bounds_output_length(installed_package: Any) -> None:
    options = EngineOptions(max_length_ratio=0.01, max_length_extra=1, max_length_cap=2)
    assert options.decoding_cap(100) == 2
    engine = Engine(installed_package, options)
    tokenizer_words = [len(r.text.split()) for r in engine.translate(seed_sentences(6))]
    assert max(tokenizer_words) <= 2


def test_decoding_cap_is_the_same_within_a_length_bucket() -> None:
    options = EngineOptions()
    caps = {options.decoding_cap(n) for n in range(1, 9)}
    assert len(caps) == 1
    assert options.decoding_cap(9) > options.decoding_cap(8)
    assert options.decoding_cap(10_000) == options.max_length_cap


def test_cuda_missing_is_a_clear_error(installed_package: Any) -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("a CUDA device is present")
    engine = Engine(installed_package, EngineOptions(device="cuda"))
    with pytest.raises(UserError, match="cuda"):
        engine.translate(["Xin chào."])


@pytest.mark.parametrize(
    "bad",
    [
        {"device": "tpu"},
        {"beam_size": 0},
        {"alternatives": -1},
        {"compute_type": "int3"},
        {"max_length_ratio": 0},
    ],
)
def test_bad_options_are_user_errors(bad: dict[str, Any]) -> None:
    with pytest.raises(UserError):
        EngineOptions(**bad)


def test_provenance_names_package_and_version(installed_package: Any) -> None:
    engine = Engine(installed_package)
    assert engine.provenance.split() == [
        "argos-ctranslate2",
        installed_package.code,
        installed_package.version,
    ]
    assert engine.package is installed_package


def test_target_prefix_is_forced_and_stripped(installed_package: Any, tmp_path: Path) -> None:
    from translate.models import load_package

    prefix = "__en__"
    folder = tmp_path / installed_package.code
    shutil.copytree(installed_package.path, folder)
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    (folder / "metadata.json").write_text(json.dumps({**metadata, "target_prefix": prefix}))
    # The prefix must be a target token: it replaces an ordinary piece in the vocabulary.
    vocabulary_file = folder / "model" / "shared_vocabulary.json"
    vocabulary = json.loads(vocabulary_file.read_text(encoding="utf-8"))
    vocabulary[-1] = prefix
    vocabulary_file.write_text(json.dumps(vocabulary), encoding="utf-8")
    package = load_package(folder)
    assert package.target_prefix == prefix
    options = EngineOptions(alternatives=1, max_length_cap=12)
    results = Engine(package, options).translate(seed_sentences(4))
    for result in results:
        assert prefix not in result.text
        assert all(prefix not in a.text for a in result.alternatives)
        assert_well_formed(result, alternatives=1)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.sampled_from([*seed_sentences(8), "", "x", "Huế 2023!"]),
        min_size=0,
        max_size=12,
    )
)
def test_alignment_property(engine: Engine, sentences: list[str]) -> None:
    results = engine.translate(sentences)
    assert [r.source for r in results] == sentences
    by_source: dict[str, Translation] = {}
    for result in results:
        assert by_source.setdefault(result.source, result) == result


def test_word_marks_never_reach_the_text(engine: Engine) -> None:
    # Unknown characters are copied from the source by replace_unknowns as raw pieces.
    results = engine.translate(["Huế 中文 ☃ 2023", *seed_sentences(6)])
    for result in results:
        assert "\u2581" not in result.text
        assert all("\u2581" not in a.text for a in result.alternatives)


def copy_with_metadata(package: Any, folder: Path, **extra: str) -> Path:
    shutil.copytree(package.path, folder)
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    (folder / "metadata.json").write_text(json.dumps({**metadata, **extra}), encoding="utf-8")
    return folder


def test_target_tokenizer_named_in_metadata(installed_package: Any, tmp_path: Path) -> None:
    from translate.models import load_package

    folder = copy_with_metadata(
        installed_package, tmp_path / "pkg", target_sentencepiece_model="target.spm"
    )
    shutil.copyfile(folder / "sentencepiece.model", folder / "target.spm")
    sentences = seed_sentences(4)
    options = EngineOptions(compute_type="float32")
    with_target = Engine(load_package(folder), options).translate(sentences)
    plain = Engine(installed_package, options).translate(sentences)
    assert [r.text for r in with_target] == [r.text for r in plain]
    (folder / "target.spm").unlink()
    with pytest.raises(UserError, match="target_sentencepiece_model"):
        Engine(load_package(folder), options).translate(sentences)


def test_target_tokenizer_outside_the_package_is_refused(
    installed_package: Any, tmp_path: Path
) -> None:
    from translate.models import load_package

    folder = copy_with_metadata(
        installed_package,
        tmp_path / "pkg",
        target_sentencepiece_model="../sentencepiece.model",
    )
    shutil.copyfile(folder / "sentencepiece.model", tmp_path / "sentencepiece.model")
    with pytest.raises(UserError, match="target_sentencepiece_model"):
        Engine(load_package(folder)).translate(["Xin chào."])


@pytest.mark.parametrize(("threads", "split"), [(1, (1, 1)), (2, (2, 1)), (3, (2, 1)), (8, (2, 4))])
def test_thread_budget_runs_two_batches_side_by_side(threads: int, split: tuple[int, int]) -> None:
    from translate.engine import split_threads

    assert split_threads(threads) == split
