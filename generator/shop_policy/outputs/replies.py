"""The reply library: one template per situation a seller meets, rendered per locale.

Per-order details the seller fills in are placeholders in one syntax, `[[name]]`, so
they stand out in the text and map onto each help desk's own placeholders. Every
policy fact is already filled in.

A reply keeps its subject and body as parts: text, a placeholder's name, text, and so
on. Only those placeholders are the reply's own; a "[[buyer_name]]" the seller typed
into the shop's name is text, and no export maps it onto a help desk's variable.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from jinja2 import Environment

from shop_policy.read.model import Policy
from shop_policy.text.facts import Facts
from shop_policy.text.labels import N_

PLACEHOLDERS: dict[str, str] = {
    "buyer_name": N_("the buyer's first name"),
    "your_name": N_("your name"),
    "order_number": N_("the order number"),
    "order_date": N_("the date of the order"),
    "shipped_date": N_("the dispatch date"),
    "delivered_date": N_("the delivery date"),
    "amount": N_("an amount of money"),
    "tracking_number": N_("the tracking number"),
    "check_back_date": N_("a date a few days from now"),
    "offer": N_("what you offer, in a few words"),
}


def marker(name: str) -> str:
    return f"[[{name}]]"


# A placeholder the reply leaves open is rendered as NUL, its name, NUL. Text from a
# policy file or the command line never holds a NUL (the loader refuses one), so the
# edges tell the reply's own placeholders apart from anything the seller typed.
EDGE = "\x00"
Parts = tuple[str, ...]


def token(name: str) -> str:
    return f"{EDGE}{name}{EDGE}"


def split(text: str) -> Parts:
    """Text with placeholders as tokens, as parts: text, name, text, ..., text."""
    parts = tuple(text.split(EDGE))
    if len(parts) % 2 == 0 or any(name not in PLACEHOLDERS for name in parts[1::2]):
        raise ValueError(f"a NUL character in the text of a reply: {text!r}")
    return parts


def join(parts: Parts, fill: Callable[[str], str] = marker) -> str:
    """The parts as one text, each placeholder written by `fill` (as [[name]] unless told)."""
    return "".join(fill(part) if index % 2 else part for index, part in enumerate(parts))


@dataclass(frozen=True)
class ReplySpec:
    """A situation: its stable id, template, and when the policy rules it out."""

    id: str
    template: str
    ruled_out: Callable[[Policy], str | None]
    marketplace: str | None = None


@dataclass(frozen=True)
class Reply:
    id: str
    locale: str
    title: str
    when: str
    subject_parts: Parts
    body_parts: Parts
    note: str

    @cached_property
    def subject(self) -> str:
        return join(self.subject_parts)

    @cached_property
    def body(self) -> str:
        return join(self.body_parts)

    @cached_property
    def html(self) -> str:
        return text_to_html(self.body)


def _never(policy: Policy) -> str | None:
    return None


def _needs_cancellation(policy: Policy) -> str | None:
    return None if policy.cancellation.allowed else N_(
        "The policy does not allow cancellations.")


def _needs_returns(policy: Policy) -> str | None:
    return None if policy.returns.accepted else N_(
        "The policy does not accept returns for a change of mind.")


def _needs_conditions(policy: Policy) -> str | None:
    if not policy.returns.accepted:
        return _needs_returns(policy)
    return None if policy.returns.condition else N_(
        "The policy sets no condition for returned items.")


def _needs_store_credit(policy: Policy) -> str | None:
    return None if "store_credit" in policy.refunds.methods else N_(
        "Store credit is not among the policy's refund methods.")


def _needs_partial_refunds(policy: Policy) -> str | None:
    return None if policy.refunds.partial_refunds else N_(
        "The policy does not offer partial refunds.")


def _sells_on(marketplace: str) -> Callable[[Policy], str | None]:
    def check(policy: Policy) -> str | None:
        return None if marketplace in policy.shop.marketplaces else N_(
            "The shop does not sell on this marketplace.")
    return check


# In the order a seller meets them while handling a case.
SPECS: tuple[ReplySpec, ...] = (
    ReplySpec("cancel-ask-reason", "cancel-ask-reason", _needs_cancellation),
    ReplySpec("cancel-accepted", "cancel-accepted", _needs_cancellation),
    ReplySpec("cancel-too-late", "cancel-too-late", _never),
    ReplySpec("return-accepted", "return-accepted", _needs_returns),
    ReplySpec("return-declined", "return-declined", _never),
    ReplySpec("return-condition-not-met", "return-condition-not-met", _needs_conditions),
    ReplySpec("damaged-item", "damaged-item", _never),
    ReplySpec("not-as-described", "not-as-described", _never),
    ReplySpec("offer-store-credit", "offer-store-credit", _needs_store_credit),
    ReplySpec("offer-partial-refund", "offer-partial-refund", _needs_partial_refunds),
    ReplySpec("not-received", "not-received", _never),
    ReplySpec("escalation-etsy", "escalation", _sells_on("etsy"), "etsy"),
    ReplySpec("escalation-ebay", "escalation", _sells_on("ebay"), "ebay"),
    ReplySpec("escalation-amazon", "escalation", _sells_on("amazon"), "amazon"),
    ReplySpec("follow-up", "follow-up", _never),
)
SPEC_BY_ID = {spec.id: spec for spec in SPECS}


def available(policy: Policy) -> list[ReplySpec]:
    return [spec for spec in SPECS if spec.ruled_out(policy) is None]


def ruled_out(policy: Policy) -> list[tuple[ReplySpec, str]]:
    """The replies this policy does not need, each with the (untranslated) reason."""
    return [(spec, reason) for spec in SPECS if (reason := spec.ruled_out(policy))]


def render_reply(env: Environment, spec: ReplySpec, policy: Policy, facts: Facts,
                 values: Mapping[str, str] | None = None) -> Reply:
    """Render one reply. `values` fills placeholders the caller knows (the advisor does)."""
    ph = {name: (values or {}).get(name) or token(name) for name in PLACEHOLDERS}
    template = env.get_template(f"replies/{spec.template}.txt.j2")
    variables = {"p": policy, "f": facts, "ph": ph, "marketplace": spec.marketplace,
                 "c": policy.cancellation, "r": policy.returns, "rf": policy.refunds,
                 "d": policy.damaged_items}
    context = template.new_context(variables)

    def block(name: str) -> str:
        return "".join(template.blocks[name](context))

    body = re.sub(r"\n{3,}", "\n\n", template.render(variables)).strip() + "\n"
    return Reply(
        id=spec.id,
        locale=facts.locale,
        title=join(split(one_line(block("title")))),
        when=join(split(one_line(block("when")))),
        subject_parts=split(one_line(block("subject"))),
        body_parts=split(body),
        note=join(split(tidy(block("note")))),
    )


def render_replies(env: Environment, policy: Policy, facts: Facts) -> list[Reply]:
    return [render_reply(env, spec, policy, facts) for spec in available(policy)]


def one_line(text: str) -> str:
    return " ".join(text.split())


def tidy(text: Any) -> str:
    """Lay out rendered text: paragraphs split by blank lines, sentences joined.

    A line starting with "- " (a list item) or with two spaces (an address, a link, a
    quoted clause) keeps its own line; any other line joins the one before it.
    """
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", str(text).strip("\n")):
        lines: list[str] = []
        for raw in block.split("\n"):
            line = raw.rstrip()
            if not line.strip():
                continue
            hard = line.startswith(("- ", "  "))
            if lines and not hard and not lines[-1].startswith(("- ", "  ")):
                lines[-1] = f"{lines[-1]} {line.strip()}"
            else:
                lines.append(line if hard else line.strip())
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs) + "\n"


_URL = re.compile(r"https://[^\s<>\"\x00]+")


def _linkify(escaped: str) -> str:
    return _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)


def text_to_html(text: str) -> str:
    """The same reply as simple HTML for help desks with a rich-text editor (placeholder
    tokens pass through as they are)."""
    out = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        groups: list[tuple[bool, list[str]]] = []
        for line in lines:
            is_item = line.startswith("- ")
            if groups and groups[-1][0] == is_item:
                groups[-1][1].append(line)
            else:
                groups.append((is_item, [line]))
        for is_item, group in groups:
            if is_item:
                lis = "".join(f"<li>{_linkify(html.escape(item[2:], quote=False))}</li>"
                              for item in group)
                out.append(f"<ul>{lis}</ul>")
            else:
                body = "<br>\n".join(_linkify(html.escape(line.strip(), quote=False))
                                     for line in group)
                out.append(f"<p>{body}</p>")
    return "\n".join(out) + "\n"
