"""The example policy with hostile text in every string field the model takes.

The fields are found by walking the policy model alongside the example's data, not
listed by hand: every string in the data, and every field the example leaves out. Each
gets the first hostile value the validator accepts there (a long text, a line, a short
one, an email or web address carrying a payload); a field that takes none of them (a
currency, a locale, a choice from a list) is left as it was and reported as skipped.
"""

from __future__ import annotations

import copy
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from shop_policy.errors import PolicyError
from shop_policy.read.load import load, loads
from shop_policy.read.model import Policy
from shop_policy.read.validate import validate
from tests.conftest import EXAMPLE

# Each payload calls alert() if it ever runs, links to evil.example if it ever links.
TEXT = """<script>alert('script')</script><img src=x onerror=alert('img')> &lt;b&gt; & Co
*a*{onmouseover=alert('attr')} {: onclick=alert('list') } [link](//evil.example) \
[js](javascript:alert('js')) ![i](https://evil.example/i.png) <https://evil.example/>

{{ 7*7 }} {% raw %}{% endraw %} {# c #} %(x)s %s {0} [[buyer_name]] \
{{ticket.requester.name}} {%customer.firstName%} | a | b |
| --- | --- |
```
a code fence that never closes
# a heading?
<div onclick="alert('div')">click</div> <!-- a comment <svg onload=alert('svg')>"""
LINE = "<img src=x onerror=alert(1)> *a*{onclick=alert(2)} [x](//evil.example) {{ 7*7 }} |"
SHORT = ("*a*{onclick=alert()}", "[x](//evil.example)", "<b onclick=alert(3)>",
         "{{7*7}}[[your_name]]", "{%raw%}|{#x#}")
EMAIL = ("*a*{onmouseover=alert`1`}@example.com", "{{ticket.requester.name}}@example.com")
SITE = "https://shop.example/*a*{onclick=alert(1)}/[x](//evil.example)/"
CANDIDATES = (TEXT, LINE, *SHORT, *EMAIL, SITE)
# The origin of SITE: the shop's own website, where the policy links to itself.
SHOP_ORIGIN = "https://shop.example"

Path_ = tuple[str | int, ...]
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class Hostile:
    data: dict[str, Any]
    covered: list[Path_] = field(default_factory=list)
    skipped: list[Path_] = field(default_factory=list)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def _strings(value: Any, path: Path_) -> Iterator[Path_]:
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def fields(model: type[BaseModel], data: dict, path: Path_ = ()) -> Iterator[Path_]:
    """Where a string can go: each string in `data`, each field `data` leaves out."""
    for name, info in model.model_fields.items():
        here, value, sub = (*path, name), data.get(name), _model_in(info.annotation)
        if name not in data:
            yield here
        elif sub is not None and isinstance(value, dict):
            yield from fields(sub, value, here)
        elif sub is not None and isinstance(value, list):
            for index, item in enumerate(value):
                yield from fields(sub, item, (*here, index))
        else:
            yield from _strings(value, here)


def _plain(value: Any) -> Any:
    """The loader's data as plain Python values (it keeps marks on them)."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return value


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


def _accepted(data: dict) -> bool:
    """Whether the policy file holding `data` passes validation (the model first: it
    refuses most values, and faster than reading the file back)."""
    try:
        Policy.model_validate(data)
        validate(loads(dump(data).encode("utf-8"), "hostile-everywhere.yaml"))
    except (ValidationError, PolicyError):
        return False
    return True


def _missing(data: dict, path: Path_) -> bool:
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    return path[-1] not in node


def _put(data: dict, path: Path_, value: Any) -> dict:
    changed = copy.deepcopy(data)
    node: Any = changed
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return changed


def _only(value: Any, locales: list[str], every: list[str]) -> Any:
    """`value` with its texts per locale cut down to `locales`."""
    if isinstance(value, dict):
        if value and set(value) <= set(every):
            return {key: item for key, item in value.items() if key in locales}
        return {key: _only(item, locales, every) for key, item in value.items()}
    if isinstance(value, list):
        return [_only(item, locales, every) for item in value]
    return value


def hostile_everywhere(locales: list[str] | None = None) -> Hostile:
    """The example (published in `locales` only, if given) with hostile text in every
    string field it can take."""
    data = _plain(load(EXAMPLE).data)
    if locales is not None:
        data = _only(data, locales, data["shop"]["locales"])
        data["shop"]["locales"] = locales
    result = Hostile(data)
    locales = data["shop"]["locales"]
    for path in list(fields(Policy, result.data)):
        forms: list[Any] = list(CANDIDATES)
        if _missing(result.data, path):  # a field the example leaves out: maybe one
            forms += [{locale: text for locale in locales} for text in CANDIDATES]  # per locale
        for value in forms:
            changed = _put(result.data, path, value)
            if _accepted(changed):
                result.data = changed
                result.covered += [path] if isinstance(value, str) else [
                    (*path, locale) for locale in value]
                break
        else:
            result.skipped.append(path)
    return result


def write(target: Path, locales: list[str] | None = None) -> Hostile:
    hostile = hostile_everywhere(locales)
    target.write_text(dump(hostile.data), encoding="utf-8")
    return hostile
