"""Claims: every sentence of a template that promises something names what it relies on,
and is rendered only where the policy grants it.

In a template:

    {% claim "return.refund" %}
    {% trans days=f.refund_days %}... we will refund you within {{ days }}.{% endtrans %}
    {% endclaim %}

renders its body only when the policy grants `return.refund` (several names: all of
them). `check` then reads every rendered text in every locale for the sentences of
every claim block (as that locale's catalog words them) and fails where one appears
without its grant: a promise copied out of its block, or a translation that turned an
ordinary sentence into one. The names a policy grants are `grants_for(policy)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from jinja2 import Environment, TemplateSyntaxError, nodes
from jinja2.ext import Extension
from jinja2.parser import Parser

from shop_policy.read.model import FAULT_REASONS, Policy

# Every claim a template may make, and what it promises. `grants_for` says which hold.
CLAIMS = {
    "cancel": "an order can be cancelled",
    "return": "a change of mind can be returned",
    "return.refund": "a change-of-mind return is refunded in money",
    "return.store_credit": "a change-of-mind return can be taken as store credit",
    "return.exchange": "a change-of-mind return can be exchanged",
    "return.free_postage": "the shop pays the postage of a change-of-mind return",
    "return.flat_fee": "the shop sends a label for a flat fee on a change-of-mind return",
    "fault.replacement": "a faulty item is replaced",
    "fault.refund": "a faulty item is refunded in full",
    "fault.partial_refund": "a faulty item can be kept with part of the money back",
    "fault.repair": "a faulty item is repaired",
    "fault.store_credit": "a faulty item can be settled with store credit",
    "fault.free_postage": "the shop pays the postage of a faulty item's return",
    "not_received.replacement": "a parcel that never arrives is replaced",
    "not_received.refund": "a parcel that never arrives is refunded",
    "not_received.store_credit": "a parcel that never arrives is settled with store credit",
    "store_credit": "store credit is offered in some case",
    "refund": "money is refunded in some case",
    "partial_refund": "a partial refund is offered",
    "refund.delivery": "a refund includes the original delivery charge",
    "duties.paid": "the shop pays import duties and taxes on its orders",
    "delay.cancel": "an order that cannot be dispatched in the time stated can be cancelled "
                    "for a full refund (the law's floor: the FTC Mail Order Rule in the "
                    "US, 2011/83/EU art. 18, the UK Consumer Rights Act s. 28)",
}


def grants_for(policy: Policy) -> frozenset[str]:
    """The claims `policy` grants: what any text may promise under it."""
    returns, faults = policy.returns, policy.damaged_items
    granted = {f"fault.{remedy}" for reason in FAULT_REASONS
               for remedy in faults.remedies_for(reason)}
    granted.add("delay.cancel")  # whatever the policy says, the law's floor
    if policy.shop.import_duties == "seller":
        granted.add("duties.paid")
    granted |= {f"not_received.{r}" for r in faults.remedies_for("not_received")}
    if policy.cancellation.allowed:
        granted.add("cancel")
    if returns.accepted and returns.shipping.change_of_mind is not None:
        granted |= {"return", *(f"return.{option}" for option in returns.change_of_mind)}
        payer = returns.shipping.change_of_mind.payer
        granted |= {"return.free_postage"} if payer == "seller" else set()
        granted |= {"return.flat_fee"} if payer == "flat_fee" else set()
    if returns.shipping.damaged_or_not_as_described.payer == "seller":
        granted.add("fault.free_postage")
    if policy.offers_store_credit:
        granted.add("store_credit")
    if policy.refunds.partial_refunds:
        granted.add("partial_refund")
    if granted & {"cancel", "return.refund", "fault.refund", "fault.partial_refund",
                  "partial_refund", "not_received.refund"}:
        granted.add("refund")
    if "refund" in granted and policy.refunds.includes_original_shipping:
        granted.add("refund.delivery")
    return frozenset(granted)


class ClaimExtension(Extension):
    """The `{% claim "name", ... %}...{% endclaim %}` block. It reads what the policy the
    template renders (its `p`) grants."""

    tags: ClassVar[set[str]] = {"claim"}

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        names = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            names.append(parser.parse_expression())
        for name in names:
            if not (isinstance(name, nodes.Const) and name.value in CLAIMS):
                raise TemplateSyntaxError(f"a claim names one of {', '.join(CLAIMS)}",
                                          lineno, parser.name, parser.filename)
        body = parser.parse_statements(("name:endclaim",), drop_needle=True)
        call = self.call_method("_render", [nodes.List(names), nodes.Name("p", "load")])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    @staticmethod
    def _render(names: list[str], policy: Policy, caller: Any) -> str:
        return caller() if set(names) <= _granted(policy) else ""


# The grants of each policy a run renders (a run renders a few, each many times).
_GRANTED: dict[int, tuple[Policy, frozenset[str]]] = {}
_MOST_POLICIES = 64


def _granted(policy: Policy) -> frozenset[str]:
    if id(policy) not in _GRANTED:
        if len(_GRANTED) >= _MOST_POLICIES:  # a long `serve` reads a new policy each save
            _GRANTED.clear()
        _GRANTED[id(policy)] = (policy, grants_for(policy))
    return _GRANTED[id(policy)][1]


@dataclass(frozen=True)
class Promise:
    """One sentence of a claim block: its message id, and the claims it needs."""

    msgid: str
    claims: frozenset[str]
    template: str
    line: int


def promises(env: Environment) -> list[Promise]:
    """Every message of every claim block in the templates `env` loads, with the claims
    of all the blocks around it."""
    found: list[Promise] = []
    for name in env.list_templates(extensions=["j2"]):
        source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        found.extend(Promise(msgid, claims, name, line)
                     for msgid, claims, line in _messages(env.parse(source, name),
                                                          frozenset()))
    return found


def _claim_names(node: nodes.Node) -> frozenset[str]:
    if not isinstance(node, nodes.CallBlock):
        return frozenset()
    call = node.call
    if not (isinstance(call.node, nodes.ExtensionAttribute)
            and call.node.identifier.endswith("ClaimExtension")):
        return frozenset()
    listed = call.args[0]
    assert isinstance(listed, nodes.List)
    return frozenset(item.value for item in listed.items if isinstance(item, nodes.Const))


def _messages(node: nodes.Node, claims: frozenset[str]
              ) -> Iterator[tuple[str, frozenset[str], int]]:
    """(msgid, claims around it, line) for each translated message under `node`."""
    claims = claims | _claim_names(node)
    if claims and isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) \
            and node.node.name in {"_", "gettext"} and node.args \
            and isinstance(node.args[0], nodes.Const):
        yield node.args[0].value, claims, node.lineno
    for child in node.iter_child_nodes():
        yield from _messages(child, claims)
