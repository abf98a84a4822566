"""``@record``: the part of ``@dataclass(slots=True)`` this project uses, at a tenth of the cost.

A dataclass writes its ``__init__``, ``__repr__`` and ``__eq__`` as source text and compiles
each of them, then rebuilds the class for ``__slots__``: about 1 ms per class. Some thirty
classes are defined on the way to the first article, so that alone was a quarter of the
start-up budget. Here one ``__init__`` is compiled per class and ``__repr__``/``__eq__`` are
shared methods that walk the slots.

Supported: annotated fields in order, plain defaults, ``factory(callable)`` for mutable
defaults, inheritance from ``object`` only. Not supported (use ``dataclasses`` for those):
frozen classes, ``InitVar``, ``ClassVar``-annotated fields, keyword-only fields, hashing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

if sys.version_info >= (3, 11):  # tells type checkers and mypyc that @record makes an __init__
    from typing import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Callable[[T], T]:
        return lambda f: f


T = TypeVar("T")


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


# ``factory(list)`` (and dict, set) stands in the class body as an empty instance of a marked
# subclass rather than as a ``_Factory``: compiled modules check a field's default against its
# declared type, and a marked empty list is a list. ``record`` turns it back into a factory.
_FRESH: dict[Any, type] = {
    make: type(f"_fresh_{make.__name__}", (make,), {}) for make in (list, dict, set)
}
_FRESH_TYPES = frozenset(_FRESH.values())


def factory(make: Callable[[], T]) -> T:
    """A default built anew for every instance (``factory(list)``), like ``default_factory``."""
    fresh = _FRESH.get(make)
    if fresh is not None:
        return fresh()  # type: ignore[no-any-return]
    return _Factory(make)  # type: ignore[return-value]


def _repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
    return f"{type(self).__qualname__}({fields})"


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented  # type: ignore[no-any-return]
    return all(getattr(self, n) == getattr(other, n) for n in self.__slots__)


@dataclass_transform()
def record(cls: type[T]) -> type[T]:
    """Turn an annotated class into a slotted record with ``__init__``, ``__repr__``, ``__eq__``."""
    names = list(vars(cls).get("__annotations__", {}))  # own fields only, in order
    body = {k: v for k, v in cls.__dict__.items() if k not in names}
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    params: list[str] = []
    lines: list[str] = []
    env: dict[str, Any] = {}
    for name in names:
        default = cls.__dict__.get(name, _MISSING)
        if type(default) in _FRESH_TYPES:
            default = _Factory(type(default).__mro__[1])
        if isinstance(default, _Factory):
            env[f"_f_{name}"] = default.make
            params.append(f"{name}=_NOTHING")
            lines.append(f" self.{name} = _f_{name}() if {name} is _NOTHING else {name}")
            continue
        if default is _MISSING:
            if any("=" in p for p in params):
                raise TypeError(f"{cls.__name__}.{name}: field without default after a default")
            params.append(name)
        else:
            env[f"_d_{name}"] = default
            params.append(f"{name}=_d_{name}")
        lines.append(f" self.{name} = {name}")
    env["_NOTHING"] = _MISSING
    # defined inside a function so that defaults and factories are closure cells, not globals
    src = (
        f"def _make({', '.join(env)}):\n"
        f" def __init__(self, {', '.join(params)}):\n"
        + ("\n".join(f" {line}" for line in lines) or "  pass")
        + "\n return __init__\n"
    )
    scope: dict[str, Any] = {}
    exec(compile(src, f"<record {cls.__qualname__}>", "exec"), scope)
    init = scope["_make"](**env)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    body.update(__slots__=tuple(names), __init__=init)
    body.setdefault("__repr__", _repr)
    body.setdefault("__eq__", _eq)
    body["__hash__"] = None  # mutable and compared by value, as a dataclass
    body["__match_args__"] = tuple(names)
    meta: Any = type(cls)
    new = meta(cls.__name__, cls.__bases__, body)
    new.__qualname__ = cls.__qualname__
    return new


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()
