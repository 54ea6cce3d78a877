"""Round 14's hostile pass on untrusted input: each test is a defect found by attacking the
CLI with generated files (see the commit that added it), kept so it stays fixed."""

from __future__ import annotations

from xml.sax.saxutils import escape

from translate.xliff import parse_xliff

_XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
    '<file original="a.po" source-language="vi" target-language="en" datatype="po"><body>'
    '<trans-unit id="1"><source>Ông <g id="1">Nguyễn</g> nói.</source>'
    "<target>{target}</target></trans-unit></body></file></xliff>"
)


def test_an_xliff_target_nested_thousands_deep_is_read_without_recursion() -> None:
    # The XML parser reads 20,000 nested <g> happily; the placeholder walk recursed and
    # ended in a RecursionError traceback (`translate import deep.xlf`).
    depth = 20_000
    target = '<g id="1">' * depth + escape("Mr <Nguyen>") + "</g>" * depth + " said."
    (file,) = parse_xliff(_XLIFF.format(target=target), "deep.xlf")
    (unit,) = file.units
    assert unit.target == "<1>" * depth + "Mr <Nguyen>" + "</1>" * depth + " said."


def test_inline_elements_read_as_before_text_tails_and_unknown_elements() -> None:
    target = (
        'A <g id="2">b <x id="3"/>c</g> d<bx id="4"/>e<ex id="4"/>'
        '<mrk mtype="seg">f <g id="x">g</g></mrk> h<x id="y">i</x>j'
    )
    (file,) = parse_xliff(_XLIFF.format(target=target), "a.xlf")
    assert file.units[0].target == "A <2>b <3/>c</2> d<4>e</4>f g hij"
    assert file.units[0].source == "Ông <1>Nguyễn</1> nói."
