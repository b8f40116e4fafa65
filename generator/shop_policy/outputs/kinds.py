"""What every output kind shares: the context it renders from, and its entry in the
registry (`shop_policy.outputs.OUTPUTS`).

An output kind is a function from a Context to the files it writes, yielded one at a
time: `check` reads the facts each file used between two of them, so a file is
rendered just before it is yielded, never ahead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from jinja2 import Environment

from shop_policy.outputs.replies import Reply, ReplySpec, available, render_reply
from shop_policy.read.model import Policy
from shop_policy.text.facts import Facts
from shop_policy.text.render import render

Folder = Literal["site_src", "snippets", "site", "toolkit"]
FOLDERS: tuple[Folder, ...] = ("site_src", "snippets", "site", "toolkit")
Files = Iterator[tuple[str, str]]


class Recorder:
    """Facts that remember which of them were used since `used` was last cleared."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.used: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.used.add(name)
        return getattr(self.facts, name)


@dataclass
class Context:
    """One locale's rendering: the environment (already speaking the locale), the policy,
    its facts, and the site config every locale's config inherits (`base`, relative to
    site_src/, with `base_files` when that is the packaged default look). Replies and
    the email snippet are rendered once each and shared by the kinds that use them."""

    env: Environment
    policy: Policy
    facts: Facts
    base: str = "../mkdocs.yml"
    base_files: Mapping[str, str] = field(default_factory=dict)
    _replies: dict[str, Reply] = field(default_factory=dict)
    memo: dict[str, str] = field(default_factory=dict)  # texts two kinds share
    _email: dict[str, str] = field(default_factory=dict)

    @property
    def locale(self) -> str:
        return self.facts.locale

    def reply(self, spec: ReplySpec) -> Reply:
        if spec.id not in self._replies:
            aside = self.facts.facts if isinstance(self.facts, Recorder) else None
            self._replies[spec.id] = render_reply(self.env, spec, self.policy, self.facts,
                                                  aside_facts=aside)
        return self._replies[spec.id]

    @property
    def replies(self) -> list[Reply]:
        return [self.reply(spec) for spec in available(self.policy)]

    def email(self, name: str) -> str:
        """The order-confirmation snippet, `order-confirmation.html` or `.txt`."""
        if name not in self._email:
            self._email[name] = render(self.env, f"email/{name}.j2", p=self.policy,
                                       f=self.facts)
        return self._email[name]


@dataclass(frozen=True)
class Output:
    """One kind of output: the folder it writes into and the files it renders.

    `per_locale` kinds render once per locale; the others once, with the default
    locale's context. A `checked` kind is read by buyers: `check` proves that every
    fact it states is the policy's."""

    name: str
    folder: Folder
    files: Callable[[Context], Files]
    per_locale: bool = True
    checked: bool = False
