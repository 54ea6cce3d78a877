"""`translate models build`: Argos packages from OPUS-MT models (Marian releases, HF folders)."""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argos_fixture import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from opusmt_fixtures import (
    ENGLISH_TEXT,
    Tokenizers,
    decode_with,
    english_lines,
    make_tokenizers,
    marian_expected_text,
    marian_vocab_yml,
    vietnamese_lines,
    write_hf_marian,
    write_marian_release,
    zip_release,
)

from translate.errors import UserError
from translate.opusmt import (
    QUANTIZATIONS,
    TARGET_TOKENIZER_FILE,
    TARGET_TOKENIZER_KEY,
    build_metadata,
    build_package,
    check_package_version,
    package_folder_name,
    write_argosmodel,
)
from translate.opusmt_source import language_tokens, licence_from_texts, vocabulary_coverage

TOP = "translate-vi_en-1_0"
SENTENCES = vietnamese_lines()[:8]


@dataclass(frozen=True)
class Built:
    archive: Path
    folder: Path  # the archive extracted: <folder>/metadata.json, model/, ...


def _extract(archive: Path, destination: Path) -> Path:
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(destination)
    return destination / TOP


@pytest.fixture(scope="session")
def tokenizers() -> Tokenizers:
    return make_tokenizers()


@pytest.fixture(scope="session")
def marian_release(tokenizers: Tokenizers, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_marian_release(tmp_path_factory.mktemp("marian") / "opus-2020-01-20", tokenizers)


@pytest.fixture(scope="session")
def marian_built(marian_release: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    workdir = tmp_path_factory.mktemp("marian-built")
    archive = workdir / f"{TOP}.argosmodel"
    build_package(marian_release, archive, from_code="vi", to_code="en")
    return Built(archive=archive, folder=_extract(archive, workdir / "unzipped"))


@pytest.fixture(scope="session")
def hf_folder(tokenizers: Tokenizers, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("torch", reason="the opusmt extra (torch) is not installed")
    pytest.importorskip("transformers", reason="the opusmt extra (transformers) is not installed")
    return write_hf_marian(tmp_path_factory.mktemp("hf") / "opus-mt-vi-en", tokenizers)


@pytest.fixture(scope="session")
def hf_built(hf_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    workdir = tmp_path_factory.mktemp("hf-built")
    archive = workdir / f"{TOP}.argosmodel"
    build_package(hf_folder, archive, from_code="vi", to_code="en")
    return Built(archive=archive, folder=_extract(archive, workdir / "unzipped"))


@pytest.fixture
def packages_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh Argos packages folder for one test (the session's fixture package stays put)."""
    folder = tmp_path / "packages"
    folder.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


def _metadata(built: Built) -> dict[str, Any]:
    data = json.loads((built.folder / "metadata.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


# --------------------------------------------------------------------------------------------
# Pure rules


def test_licence_comes_from_the_model_card_front_matter() -> None:
    card = "---\nlanguage:\n- vi\nlicense: apache-2.0\ntags:\n- translation\n---\n# opus-mt\n"
    assert licence_from_texts(card, None) == "apache-2.0"


def test_licence_file_title_is_recognised_or_quoted() -> None:
    assert licence_from_texts(None, "\nAttribution 4.0 International\n\n=====\n") == "CC-BY-4.0"
    assert licence_from_texts(None, "MIT License\n\nCopyright (c) 2020") == "MIT"
    assert licence_from_texts(None, "Some Custom Terms v2\nMore text") == "Some Custom Terms v2"


def test_licence_line_in_readme_body_and_unknown() -> None:
    assert licence_from_texts("# model\n\n* license: CC-BY-4.0\n", None) == "CC-BY-4.0"
    card_body = "## Model Details\n- **Model Type:** Translation\n- **License:** CC-BY-4.0\n"
    assert licence_from_texts(card_body, None) == "CC-BY-4.0"
    assert licence_from_texts("# model\n\nNo word about terms.\n", None) == "unknown"
    assert licence_from_texts(None, None) == "unknown"
    assert licence_from_texts("", "  \n") == "unknown"


@given(st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()))
def test_licence_is_always_one_non_empty_line(readme: str | None, licence: str | None) -> None:
    found = licence_from_texts(readme, licence)
    assert found and found == found.strip() and "\n" not in found and "\r" not in found


def test_multi_target_language_tokens_are_found() -> None:
    vocabulary = ["</s>", ">>fra<<", "▁a", ">>pt_BR<<", ">>not a token<<", ">>"]
    assert language_tokens(vocabulary) == [">>fra<<", ">>pt_BR<<"]
    assert language_tokens(["</s>", "▁a"]) == []


def test_vocabulary_coverage_ignores_control_pieces() -> None:
    assert vocabulary_coverage(["<unk>", "<s>", "▁a", "b"], {"▁a"}) == 0.5
    assert vocabulary_coverage(["<unk>"], {"<unk>"}) == 0.0


@given(st.from_regex(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,31}", fullmatch=True))
def test_accepted_versions_give_one_safe_folder_name(version: str) -> None:
    assert check_package_version(version) == version
    name = package_folder_name("vi", "en", version)
    assert "/" not in name and "\\" not in name and name not in (".", "..")
    assert name.startswith("translate-vi_en-") and "." not in name


@pytest.mark.parametrize("version", ["", "../x", "1.0/..", " 1.0", "a" * 40, "1,0"])
def test_unsafe_versions_are_refused(version: str) -> None:
    with pytest.raises(UserError):
        check_package_version(version)


@settings(deadline=None)  # the first example imports the CTranslate2 converters (seconds)
@given(
    st.lists(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
            min_size=1,
            max_size=8,
        ).filter(lambda s: not s.startswith("\\x") and s.strip() == s),
        min_size=1,
        max_size=10,
        unique=True,
    )
)
def test_fixture_vocab_yml_reads_back_through_ctranslate2(tokens: list[str]) -> None:
    from ctranslate2.converters.marian import load_vocab

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "vocab.yml"
        path.write_text(marian_vocab_yml(tokens), encoding="utf-8")
        assert load_vocab(str(path)) == tokens


_NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_.-", min_size=1, max_size=8).filter(
    lambda name: name not in (".", "..")
)


@settings(deadline=None, max_examples=30)
@given(
    st.dictionaries(
        st.lists(_NAME, min_size=1, max_size=3).map(tuple), st.binary(max_size=64), max_size=6
    )
)
def test_written_archive_holds_exactly_the_folder(files: dict[tuple[str, ...], bytes]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / TOP
        folder.mkdir()
        written: dict[str, bytes] = {}
        for parts, data in files.items():
            path = folder.joinpath(*parts)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            except (FileExistsError, NotADirectoryError, IsADirectoryError):
                continue  # one generated name is a prefix folder of another: skip it
            written["/".join(parts)] = data
        archive = Path(scratch) / "out" / "p.argosmodel"
        write_argosmodel(folder, archive)
        with zipfile.ZipFile(archive) as zf:
            assert zf.testzip() is None
            names = zf.namelist()
            assert all(name.split("/")[0] == TOP for name in names)
            contents = {
                name[len(TOP) + 1 :]: zf.read(name) for name in names if not name.endswith("/")
            }
        on_disk = {
            path.relative_to(folder).as_posix(): path.read_bytes()
            for path in folder.rglob("*")
            if path.is_file()
        }
        assert contents == on_disk
        assert [p.name for p in archive.parent.iterdir()] == ["p.argosmodel"]


def test_metadata_is_complete() -> None:
    metadata = build_metadata(
        from_code="vi",
        to_code="en",
        package_version="1.2",
        with_target_tokenizer=True,
        source_name="Helsinki-NLP/opus-mt-vi-en",
        licence="CC-BY-4.0",
    )
    assert metadata["package_version"] == "1.2"
    assert metadata["argos_version"] and metadata["type"] == "translate"
    assert (metadata["from_code"], metadata["from_name"]) == ("vi", "Vietnamese")
    assert (metadata["to_code"], metadata["to_name"]) == ("en", "English")
    assert metadata["code"] == "translate-vi_en" and metadata["links"] == []
    assert metadata[TARGET_TOKENIZER_KEY] == TARGET_TOKENIZER_FILE
    without = build_metadata(
        from_code="vi",
        to_code="en",
        package_version="1.0",
        with_target_tokenizer=False,
        source_name="x",
        licence="unknown",
    )
    assert TARGET_TOKENIZER_KEY not in without


# --------------------------------------------------------------------------------------------
# Marian release → package


def test_marian_package_layout_and_metadata(marian_built: Built) -> None:
    from translate.models import validate_archive

    info = validate_archive(marian_built.archive, expected_pair=("vi", "en"))
    assert info.top == TOP
    with zipfile.ZipFile(marian_built.archive) as zf:
        names = set(zf.namelist())
    assert {
        f"{TOP}/{name}" for name in ("metadata.json", "README.md", "sentencepiece.model")
    } <= names
    assert {f"{TOP}/model/model.bin", f"{TOP}/model/config.json", f"{TOP}/target.spm"} <= names
    metadata = _metadata(marian_built)
    assert metadata["source_model"] == "opus-2020-01-20"
    assert metadata["source_licence"] == "CC-BY-4.0"
    assert metadata[TARGET_TOKENIZER_KEY] == "target.spm"
    readme = (marian_built.folder / "README.md").read_text(encoding="utf-8")
    assert "opus-2020-01-20" in readme and "CC-BY-4.0" in readme and "int8" in readme


def test_package_tokenizers_are_the_model_spm_files(
    marian_built: Built, marian_release: Path
) -> None:
    folder = marian_built.folder
    assert (folder / "sentencepiece.model").read_bytes() == (
        marian_release / "source.spm"
    ).read_bytes()
    assert (folder / "target.spm").read_bytes() == (marian_release / "target.spm").read_bytes()


def test_argostranslate_loads_the_package_and_its_tokenizer(marian_built: Built) -> None:
    from argostranslate.package import Package
    from argostranslate.tokenizer import SentencePieceTokenizer

    package = Package(marian_built.folder)
    assert (package.from_code, package.to_code) == ("vi", "en")
    assert (package.from_name, package.to_name) == ("Vietnamese", "English")
    assert package.package_version == "1.0"
    assert isinstance(package.tokenizer, SentencePieceTokenizer)
    pieces = package.tokenizer.encode(SENTENCES[0])
    assert pieces and "<unk>" not in pieces
    assert "".join(pieces).replace("▁", " ").strip() == SENTENCES[0].strip()
    assert "CC-BY-4.0" in (package.get_readme() or "")


def test_argostranslate_decoding_of_the_package_stays_readable(
    marian_built: Built, tokenizers: Tokenizers
) -> None:
    """argostranslate ignores target.spm; its own word-mark replacement saves the text."""
    from argostranslate.package import Package

    package = Package(marian_built.folder)
    decoded = package.tokenizer.decode(list(tokenizers.chain))
    assert decoded.strip() == marian_expected_text(tokenizers)


def test_model_output_decodes_only_with_the_target_tokenizer(
    marian_built: Built, tokenizers: Tokenizers
) -> None:
    """The fixture model always emits target pieces unknown to source.spm: a decoder that
    uses sentencepiece.model for the output leaves word marks in the text."""
    import ctranslate2
    import sentencepiece as spm

    folder = marian_built.folder
    encoder = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    decoder_file = folder / _metadata(marian_built)[TARGET_TOKENIZER_KEY]
    decoder = spm.SentencePieceProcessor(model_file=str(decoder_file))
    translator = ctranslate2.Translator(str(folder / "model"), device="cpu")
    batch = [encoder.encode(sentence, out_type=str) for sentence in SENTENCES]
    results = translator.translate_batch(batch, beam_size=4, max_decoding_length=20)
    expected = marian_expected_text(tokenizers)
    assert expected and "▁" not in expected
    for result in results:
        pieces = result.hypotheses[0]
        assert pieces == tokenizers.chain
        assert all(encoder.piece_to_id(p) == encoder.unk_id() for p in pieces)
        assert decoder.decode_pieces(pieces) == expected
        assert encoder.decode_pieces(pieces) != expected  # the wrong tokenizer garbles it


def test_english_round_trips_through_target_tokenizer_only(marian_built: Built) -> None:
    folder = marian_built.folder
    target = (folder / "target.spm").read_bytes()
    source = (folder / "sentencepiece.model").read_bytes()
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=target)
    for line in english_lines():
        pieces = processor.encode(line, out_type=str)
        assert decode_with(target, pieces) == line
    garbled = [
        line
        for line in english_lines()
        if decode_with(source, processor.encode(line, out_type=str)) != line
    ]
    assert len(garbled) >= len(english_lines()) // 2


def test_build_then_install_then_translate(
    marian_release: Path, tokenizers: Tokenizers, packages_dir: Path, tmp_path: Path
) -> None:
    """An engine that decodes with sentencepiece.model returns "▁withed▁than" here."""
    from translate.engine import Engine, EngineOptions
    from translate.models import list_installed

    output = tmp_path / "vi_en.argosmodel"
    result = run_cli(
        "models", "build", str(marian_release), "--from", "vi", "--to", "en",
        "-o", str(output), "--install",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert output.is_file() and str(output) in result.stdout
    assert "Installed translate-vi_en-1_0" in result.stdout
    installed = list_installed()
    assert [p.code for p in installed] == [TOP]
    assert installed[0].path.parent == packages_dir
    engine = Engine(installed[0], EngineOptions(beam_size=2))
    translations = engine.translate(SENTENCES)
    expected = marian_expected_text(tokenizers)
    assert [t.text for t in translations] == [expected] * len(SENTENCES)
    assert all(t.score <= 0 for t in translations)


def _mt_entries(po_path: Path) -> list[Any]:
    import polib

    catalogue = polib.pofile(str(po_path))
    return [entry for entry in catalogue if "mt: " in (entry.tcomment or "")]


@pytest.mark.parametrize("route", ["install", "model-file"])
def test_translate_run_with_a_built_package_writes_decoded_catalogue(
    marian_release: Path,
    tokenizers: Tokenizers,
    packages_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    route: str,
) -> None:
    """`translate run` end to end: every machine translation is the target-decoded chain."""
    import hashlib

    from opusmt_fixtures import SEED_TEXT

    monkeypatch.chdir(tmp_path)
    shutil.copyfile(SEED_TEXT, tmp_path / SEED_TEXT.name)
    archive = tmp_path / "vi_en.argosmodel"
    build = [
        "models",
        "build",
        str(marian_release),
        "--from",
        "vi",
        "--to",
        "en",
        "-o",
        str(archive),
    ]
    assert run_cli(*build, *(["--install"] if route == "install" else [])).exit_code == 0
    model = [] if route == "install" else ["--model", str(archive)]
    result = run_cli("run", "--output-dir", "locales", *model, SEED_TEXT.name)
    assert result.exit_code == 0, result.stderr
    stem = SEED_TEXT.name.removesuffix(".vi.txt")
    assert (tmp_path / "locales" / f"{stem}.pot").is_file()
    entries = _mt_entries(tmp_path / "locales" / "en" / f"{stem}.po")
    assert len(entries) >= 20
    expected = marian_expected_text(tokenizers)
    for entry in entries:
        assert entry.msgstr == expected
        assert entry.fuzzy
        comment = entry.tcomment.splitlines()[0]
        assert f"package={TOP} version=1.0" in comment
        digest = hashlib.sha1(expected.encode("utf-8")).hexdigest()[:8]
        assert comment.endswith(f"digest={digest}")


def test_install_without_output_keeps_no_archive(
    marian_release: Path, packages_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(
        "models", "build", str(marian_release), "--from", "vi", "--to", "en", "--install"
    )
    assert result.exit_code == 0, result.stderr
    assert (packages_dir / TOP / "model" / "model.bin").is_file()
    assert not list(tmp_path.glob("*.argosmodel"))
    again = run_cli(
        "models", "build", str(marian_release), "--from", "vi", "--to", "en", "--install"
    )
    assert again.exit_code == 2 and "already installed" in again.stderr
    replaced = run_cli(
        "models", "build", str(marian_release), "--from", "vi", "--to", "en", "--install", "--force"
    )
    assert replaced.exit_code == 0, replaced.stderr


def test_default_output_goes_to_the_current_folder(
    marian_release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(
        "models", "build", str(marian_release), "--from", "vi", "--to", "en",
        "--package-version", "2.1", "--quantization", "none",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    archive = tmp_path / "translate-vi_en-2_1.argosmodel"
    assert archive.is_file()
    assert [p.name for p in tmp_path.iterdir()] == [archive.name]  # no temporary files left
    with zipfile.ZipFile(archive) as zf:
        metadata = json.loads(zf.read("translate-vi_en-2_1/metadata.json"))
    assert metadata["package_version"] == "2.1"


def test_quantization_changes_the_stored_weights(
    marian_release: Path, marian_built: Built, tmp_path: Path
) -> None:
    assert set(QUANTIZATIONS) == {"int8", "int8_float32", "float16", "none"}
    full = tmp_path / "full.argosmodel"
    build_package(marian_release, full, from_code="vi", to_code="en", quantization="none")
    with zipfile.ZipFile(full) as zf:
        full_size = zf.getinfo(f"{TOP}/model/model.bin").file_size
    int8_size = (marian_built.folder / "model" / "model.bin").stat().st_size
    assert full_size > int8_size


def test_rebuilds_are_byte_identical_with_source_date_epoch(
    marian_release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build_package(marian_release, tmp_path / "a.argosmodel", from_code="vi", to_code="en")
    second = build_package(marian_release, tmp_path / "b.argosmodel", from_code="vi", to_code="en")
    assert first.archive.read_bytes() == second.archive.read_bytes()
    with zipfile.ZipFile(first.archive) as zf:
        assert {info.date_time for info in zf.infolist()} == {(2023, 11, 14, 22, 13, 20)}


@pytest.mark.parametrize("inner", [None, "opus-2020-01-20"])
def test_release_zip_builds_like_the_folder(
    marian_release: Path, marian_built: Built, tmp_path: Path, inner: str | None
) -> None:
    archive = zip_release(marian_release, tmp_path / "opus-2020-01-20.zip", inner=inner)
    output = tmp_path / "from-zip.argosmodel"
    built = build_package(archive, output, from_code="vi", to_code="en")
    assert built.source_name == "opus-2020-01-20.zip" and built.licence == "CC-BY-4.0"
    with zipfile.ZipFile(output) as zf:
        model_bin = zf.read(f"{TOP}/model/model.bin")
    assert model_bin == (marian_built.folder / "model" / "model.bin").read_bytes()


def test_existing_output_is_kept_without_force(marian_release: Path, tmp_path: Path) -> None:
    output = tmp_path / "keep.argosmodel"
    output.write_bytes(b"precious")
    args = ["models", "build", str(marian_release), "--from", "vi", "--to", "en", "-o", str(output)]
    refused = run_cli(*args)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert output.read_bytes() == b"precious"
    replaced = run_cli(*args, "--force")
    assert replaced.exit_code == 0, replaced.stderr
    assert zipfile.is_zipfile(output)


# --------------------------------------------------------------------------------------------
# Refusals: one clear message, exit 2, nothing written


def _copy_release(release: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    return copy


def _build_fails(source: Path, tmp_path: Path, *extra: str) -> str:
    output = tmp_path / "out" / "x.argosmodel"
    result = run_cli(
        "models", "build", str(source), "--from", "vi", "--to", "en", "-o", str(output), *extra
    )
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    assert not output.exists()
    if output.parent.exists():
        assert list(output.parent.iterdir()) == []
    return result.stderr


def test_missing_target_tokenizer_is_named(marian_release: Path, tmp_path: Path) -> None:
    copy = _copy_release(marian_release, tmp_path)
    (copy / "target.spm").unlink()
    assert "target.spm" in _build_fails(copy, tmp_path)


def test_tokenizer_from_another_model_is_refused(
    marian_release: Path, tokenizers: Tokenizers, tmp_path: Path
) -> None:
    from opusmt_fixtures import train_sentencepiece

    copy = _copy_release(marian_release, tmp_path)
    # A tokenizer of another script: none of its pieces is in the model vocabulary.
    lines = ["Съешь же ещё этих мягких французских булок, да выпей чаю."] * 5
    (copy / "target.spm").write_bytes(train_sentencepiece(lines, 40))
    assert "does not belong" in _build_fails(copy, tmp_path)


def test_multi_target_model_is_refused(
    marian_release: Path, tokenizers: Tokenizers, tmp_path: Path
) -> None:
    from opusmt_fixtures import MARIAN_VOCAB

    copy = _copy_release(marian_release, tmp_path)
    vocabulary = [*tokenizers.vocabulary[:-2], ">>eng<<", ">>fra<<"]
    (copy / MARIAN_VOCAB).write_text(marian_vocab_yml(vocabulary), encoding="utf-8")
    message = _build_fails(copy, tmp_path)
    assert "multi-target" in message and ">>fra<<" in message


def test_folder_without_a_model_lists_what_is_expected(tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    (empty / "notes.txt").write_text("hello", encoding="utf-8")
    message = _build_fails(empty, tmp_path)
    assert "decoder.yml" in message and "config.json" in message


def test_not_a_zip_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "model.zip"
    bogus.write_text(ENGLISH_TEXT, encoding="utf-8")
    assert "not a folder or a .zip" in _build_fails(bogus, tmp_path)


def test_unsafe_zip_entry_is_refused(marian_release: Path, tmp_path: Path) -> None:
    archive = zip_release(marian_release, tmp_path / "evil.zip")
    with zipfile.ZipFile(archive, "a") as zf:
        zf.writestr("../escaped.txt", "x")
    assert "refusing entry" in _build_fails(archive, tmp_path)
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_failed_conversion_leaves_nothing_behind(marian_release: Path, tmp_path: Path) -> None:
    import numpy as np
    from opusmt_fixtures import MARIAN_NPZ

    copy = _copy_release(marian_release, tmp_path)
    with np.load(copy / MARIAN_NPZ) as npz:
        weights = {key: npz[key] for key in npz.files if key != "decoder_l1_ffn_W2"}
    with (copy / MARIAN_NPZ).open("wb") as stream:
        np.savez(stream, **weights)  # type: ignore[arg-type]
    assert "cannot convert" in _build_fails(copy, tmp_path)


def test_bad_language_code_and_missing_source(marian_release: Path, tmp_path: Path) -> None:
    assert "ISO 639" in _build_fails(marian_release, tmp_path, "--to", "English")
    result = run_cli("models", "build", "--from", "vi", "--to", "en")
    assert result.exit_code == 2 and "DIR_OR_ZIP or --from-hub" in result.stderr


def test_from_hub_offline_fails_with_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("huggingface_hub", reason="the opusmt extra is not installed")
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    # The constants are read when huggingface_hub is imported, possibly before this test.
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.chdir(tmp_path)
    result = run_cli(
        "models", "build", "--from-hub", "Helsinki-NLP/opus-mt-vi-en", "--from", "vi", "--to", "en"
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot download")
    assert "HF_HUB_OFFLINE" in lines[0] and "git clone https://huggingface.co/" in lines[0]
    assert not list(tmp_path.glob("*.argosmodel"))


def test_from_hub_uses_a_populated_cache_offline(
    hf_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real snapshot_download path: a model already in the Hub cache builds offline."""
    import huggingface_hub.constants

    cache = tmp_path / "hf-cache"
    revision = "0123456789abcdef0123456789abcdef01234567"
    repo = cache / "models--Helsinki-NLP--opus-mt-vi-en"
    shutil.copytree(hf_folder, repo / "snapshots" / revision)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(revision, encoding="utf-8")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(cache))
    output = tmp_path / "hub.argosmodel"
    result = run_cli(
        "models", "build", "--from-hub", "Helsinki-NLP/opus-mt-vi-en",
        "--from", "vi", "--to", "en", "-o", str(output),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(output) as zf:
        metadata = json.loads(zf.read(f"{TOP}/metadata.json"))
    assert metadata["source_model"] == "Helsinki-NLP/opus-mt-vi-en"


def test_from_hub_rejects_a_malformed_id(tmp_path: Path) -> None:
    result = run_cli("models", "build", "--from-hub", "../etc", "--from", "vi", "--to", "en")
    assert result.exit_code == 2 and "model id" in result.stderr


# --------------------------------------------------------------------------------------------
# Hugging Face MarianMTModel folder → package (needs the opusmt extra)


def test_hf_package_layout_metadata_and_argos_loading(hf_built: Built, hf_folder: Path) -> None:
    from argostranslate.package import Package

    from translate.models import validate_archive

    validate_archive(hf_built.archive, expected_pair=("vi", "en"))
    metadata = _metadata(hf_built)
    assert metadata["source_model"] == "Helsinki-NLP/opus-mt-vi-en"
    assert metadata["source_licence"] == "apache-2.0"
    assert (hf_built.folder / "target.spm").read_bytes() == (hf_folder / "target.spm").read_bytes()
    package = Package(hf_built.folder)
    assert package.tokenizer.encode(SENTENCES[1])
    vocabulary = json.loads((hf_built.folder / "model" / "shared_vocabulary.json").read_text())
    assert "<pad>" not in vocabulary  # CTranslate2 drops the decoder-start pad token
    assert len(vocabulary) == len(json.loads((hf_folder / "vocab.json").read_text())) - 1


def test_hf_package_translates_through_the_engine(
    hf_built: Built, packages_dir: Path, tmp_path: Path
) -> None:
    from translate.engine import Engine, EngineOptions
    from translate.models import install_archive

    package = install_archive(hf_built.archive, expected_pair=("vi", "en"))
    translations = Engine(package, EngineOptions(beam_size=2)).translate(SENTENCES)
    assert len(translations) == len(SENTENCES)
    assert len({t.text for t in translations}) > 1  # the output depends on the input
    for sentence, translation in zip(SENTENCES, translations, strict=True):
        assert translation.source == sentence
        assert "▁" not in translation.text and translation.score <= 0


def test_missing_transformers_is_reported_with_the_extra(
    hf_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "transformers", None)
    message = _build_fails(hf_folder, tmp_path)
    assert "transformers" in message and "opusmt" in message


def test_build_checks_the_source_before_the_installed_package(
    cli: Any, empty_argos_home: Path, tmp_path: Path
) -> None:
    result = cli("models", "build", str(tmp_path / "missing"), "--from", "vi", "--to", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "no such folder or .zip" in result.stderr
    assert result.stderr.count("\n") == 1
