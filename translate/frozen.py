"""Building many small frozen objects fast (spans, masked sentences, glossary terms).

``collector_paused()``: the cyclic garbage collector off while a batch of acyclic objects is
built (its passes over the new objects cost a tenth of a large glossary search).
``collector_paused(keep=True)`` also moves what was built straight to the oldest generation,
so that no young collection walks it (see there).

The ``__init__`` that ``dataclasses`` generates for a frozen class sets each field through
``object.__setattr__``; filling the instance dict directly does the same three times faster,
which matters where a run builds one object per glossary match or row::

    @quick_init
    @dataclass(frozen=True)
    class Span: ...

Same signature, defaults and resulting object (equality, hashing, ``replace`` unchanged); only
plain defaults are supported (no ``default_factory``), and no ``__post_init__``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Iterator
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Replace a frozen dataclass's generated ``__init__`` (see the module doc)."""
    if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__}: quick_init needs no __post_init__ and no __slots__")
    fields = [f for f in dataclasses.fields(cls) if f.init]  # type: ignore[arg-type]
    defaults: dict[str, Any] = {}
    parameters: list[str] = []
    for field in fields:
        if field.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{field.name}: quick_init takes no default_factory")
        if field.default is dataclasses.MISSING:
            parameters.append(field.name)
        else:
            defaults[f"_default_{field.name}"] = field.default
            parameters.append(f"{field.name}=_default_{field.name}")
    body = "".join(f"    fields[{f.name!r}] = {f.name}\n" for f in fields) or "    pass\n"
    source = f"def __init__(self, {', '.join(parameters)}):\n    fields = self.__dict__\n{body}"
    namespace: dict[str, Any] = {}
    exec(source, defaults, namespace)  # built from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = getattr(cls.__init__, "__doc__", None)
    setattr(cls, "__init__", init)  # noqa: B010
    return cls


@contextlib.contextmanager
def collector_paused(*, keep: bool = False) -> Iterator[None]:
    """The cyclic garbage collector off for the block (as it was before, after it).

    ``keep``: the objects built in the block are kept as one result (a page read, its
    segments): they go to the oldest generation at the end (``gc.freeze`` then
    ``gc.unfreeze``, two list splices), instead of being walked by the first young collection
    after it and again when promoted (30-70 ms after reading a 1 MB page). Garbage cycles
    among them wait for the next full collection. Not done when something else froze
    objects (``gc.get_freeze_count()``): unfreezing would release them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
