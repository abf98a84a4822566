"""``@record`` behaves like the ``@dataclass(slots=True)`` it replaces."""

from __future__ import annotations

import pickle

import pytest

from newscli import inspect
from newscli.model import Metadata
from newscli.record import factory, record


@record
class Point:
    """A test record."""

    x: int
    y: int = 0
    tags: list[str] = factory(list)

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


def test_init_defaults_and_factories():
    p = Point(3)
    assert (p.x, p.y, p.tags) == (3, 0, [])
    assert Point(1, 2, ["a"]).tags == ["a"]
    assert Point(x=-1, y=2).norm() == 3
    assert Point(1).tags is not Point(1).tags  # a new list for each instance
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, z=2)  # type: ignore[call-arg]


def test_factory_defaults_have_the_declared_type():
    """Compiled modules check a class-body default against its annotation: ``factory(list)``
    must be a list there, and every instance still gets a plain list of its own."""
    assert isinstance(factory(list), list)
    assert isinstance(factory(dict), dict)
    assert isinstance(factory(set), set)

    @record
    class Bag:
        items: list[int] = factory(list)
        seen: set[str] = factory(set)

    a, b = Bag(), Bag()
    a.items.append(1)
    assert (type(a.items), type(b.seen), b.items) == (list, set, [])


def test_slots_eq_repr_hash_match():
    p = Point(1, 2)
    with pytest.raises(AttributeError):
        p.z = 1  # type: ignore[attr-defined]
    assert p == Point(1, 2) and p != Point(1, 3) and p != (1, 2)
    assert repr(p) == "Point(x=1, y=2, tags=[])"
    with pytest.raises(TypeError):
        hash(p)
    match p:
        case Point(1, y):
            assert y == 2
        case _:
            pytest.fail("positional pattern did not match")
    assert Point.__doc__ == "A test record." and Point.__name__ == "Point"


def test_field_without_default_after_a_default_is_refused():
    with pytest.raises(TypeError):

        @record
        class Bad:
            a: int = 0
            b: int


def test_model_records_pickle_for_worker_processes():
    m = Metadata(title="T", authors=["A"])
    assert pickle.loads(pickle.dumps(m)) == m
    assert Metadata().authors is not Metadata().authors
    assert Metadata().counts is not Metadata().counts


def test_a_whole_article_pickles_compares_and_prints():
    """The model's records are plain classes (compiled to structs): each must still pickle,
    compare field by field and show its fields, as the dataclasses they replaced did."""
    text = (
        'date 2020-04-27\n\nLONDON, April 27 (Reuters) - Mr. Smith said "We will win" on '
        "Monday, according to the BBC.\n"
    )
    art = inspect(text)
    assert art.quotes and art.entities and art.timeline and art.metadata.dateline
    back = pickle.loads(pickle.dumps(art))
    assert back == art and back.to_dict() == art.to_dict()
    assert back.quotes[0] is not art.quotes[0]
    other = inspect(text.replace("Smith", "Jones"))
    assert other != art and other.quotes != art.quotes
    assert repr(art.timeline[0]).startswith("Timex(start=")
    assert "text='Monday'" in repr(art.timeline)
