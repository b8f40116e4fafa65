"""The reply library: one template per situation a seller meets, rendered per locale.

Per-order details the seller fills in are placeholders in one syntax, `[[name]]`, so
they stand out in the text and map onto each help desk's own placeholders. Every
policy fact is already filled in.

A reply keeps its subject and body as parts: text, a placeholder's name, text, and so
on. Only those placeholders are the reply's own; a "[[buyer_name]]" the seller typed
into the shop's name is text, and no export maps it onto a help desk's variable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from jinja2 import Environment

from shop_policy.read.model import Policy
from shop_policy.text.claims import grants_for
from shop_policy.text.facts import Facts
from shop_policy.text.labels import N_
from shop_policy.text.layout import one_line, text_to_html, tidy
from shop_policy.text.placeholders import PLACEHOLDERS, Parts, join, split, token
from shop_policy.text.translations import right_to_left

if TYPE_CHECKING:
    from shop_policy.outputs.kinds import Context, Files


@dataclass(frozen=True)
class ReplySpec:
    """A situation: its stable id, template, and when the policy rules it out."""

    id: str
    template: str
    ruled_out: Callable[[Policy], str | None]
    marketplace: str | None = None
    group: str = "problem"


@dataclass(frozen=True)
class Reply:
    id: str
    locale: str
    title: str
    when: str
    subject_parts: Parts
    body_parts: Parts
    note: str

    @property
    def group(self) -> str:
        return SPEC_BY_ID[self.id].group

    @cached_property
    def subject(self) -> str:
        return join(self.subject_parts)

    @cached_property
    def body(self) -> str:
        return join(self.body_parts)

    @cached_property
    def html(self) -> str:
        return text_to_html(self.body, rtl=right_to_left(self.locale))


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
    return None if policy.offers_store_credit else N_(
        "The policy offers store credit in no case.")


def _needs_goodwill(policy: Policy) -> str | None:
    if not policy.returns.accepted:
        return _needs_returns(policy)
    return None if policy.refunds.partial_refunds or policy.offers_store_credit else N_(
        "The policy offers neither partial refunds nor store credit.")


def _needs_partial_refunds(policy: Policy) -> str | None:
    return None if policy.refunds.partial_refunds else N_(
        "The policy does not offer partial refunds.")


def _sells_on(marketplace: str) -> Callable[[Policy], str | None]:
    def check(policy: Policy) -> str | None:
        return None if marketplace in policy.shop.marketplaces else N_(
            "The shop does not sell on this marketplace.")
    return check


def _needs_grant(claim: str, reason: str) -> Callable[[Policy], str | None]:
    def check(policy: Policy) -> str | None:
        return None if claim in grants_for(policy) else reason
    return check


def _needs_made_to_order(policy: Policy) -> str | None:
    """A personalised or custom-made item the shop will not take back, and no right to
    cancel until dispatch (which would let the buyer cancel it while it is made)."""
    made = {item.category for item in policy.returns.non_returnable} & {
        "personalised", "custom_made"}
    if not made:
        return N_("The policy lists no personalised or custom-made items.")
    if policy.cancellation.allowed and policy.cancellation.until == "dispatch":
        return N_("The policy lets buyers cancel any order until it is dispatched.")
    return None


def _says_who_pays_duties(policy: Policy) -> str | None:
    return None if policy.shop.import_duties else N_(
        "The policy does not say who pays import duties.")


_needs_refunds = _needs_grant("refund", N_("The policy refunds money in no case."))
_needs_exchanges = _needs_grant("return.exchange", N_(
    "The policy does not offer exchanges for a change of mind."))

# The situations, grouped as the toolkit shows them, each group in the order a seller
# meets its replies while handling a case.
GROUPS = {
    "cancel": N_("Cancelling an order"),
    "return": N_("Returns and refunds"),
    "problem": N_("Problems with an order"),
    "dispute": N_("Disputes and difficult conversations"),
    "after": N_("After the sale"),
}
SPECS: tuple[ReplySpec, ...] = (
    ReplySpec("cancel-ask-reason", "cancel-ask-reason", _needs_cancellation, group="cancel"),
    ReplySpec("cancel-accepted", "cancel-accepted", _needs_cancellation, group="cancel"),
    ReplySpec("custom-order-started", "custom-order-started", _needs_made_to_order,
              group="cancel"),
    ReplySpec("ask-reason-after-dispatch", "ask-reason-after-dispatch", _never,
              group="cancel"),
    ReplySpec("cancel-too-late", "cancel-too-late", _never, group="cancel"),
    ReplySpec("dispatch-delay", "dispatch-delay", _never, group="cancel"),
    ReplySpec("return-accepted", "return-accepted", _needs_returns, group="return"),
    ReplySpec("exchange", "exchange", _needs_exchanges, group="return"),
    ReplySpec("return-declined", "return-declined", _never, group="return"),
    ReplySpec("return-condition-not-met", "return-condition-not-met", _needs_conditions,
              group="return"),
    ReplySpec("return-unannounced", "return-unannounced", _never, group="return"),
    ReplySpec("return-received", "return-received", _needs_returns, group="return"),
    ReplySpec("return-arrived-damaged", "return-arrived-damaged", _needs_returns,
              group="return"),
    ReplySpec("refund-issued", "refund-issued", _needs_refunds, group="return"),
    ReplySpec("where-is-refund", "where-is-refund", _needs_refunds, group="return"),
    ReplySpec("damaged-item", "damaged-item", _never, group="problem"),
    ReplySpec("not-as-described", "not-as-described", _never, group="problem"),
    ReplySpec("missing-item", "missing-item", _never, group="problem"),
    ReplySpec("not-received", "not-received", _never, group="problem"),
    ReplySpec("lost-parcel", "lost-parcel", _never, group="problem"),
    ReplySpec("wrong-address", "wrong-address", _never, group="problem"),
    ReplySpec("customs-duties", "customs-duties", _says_who_pays_duties, group="problem"),
    ReplySpec("offer-store-credit", "offer-store-credit", _needs_store_credit,
              group="problem"),
    ReplySpec("offer-partial-refund", "offer-partial-refund", _needs_partial_refunds,
              group="problem"),
    ReplySpec("goodwill-after-window", "goodwill-after-window", _needs_goodwill,
              group="problem"),
    ReplySpec("goodwill-exception", "goodwill-exception", _never, group="problem"),
    ReplySpec("escalation-etsy", "escalation", _sells_on("etsy"), "etsy", "dispute"),
    ReplySpec("escalation-ebay", "escalation", _sells_on("ebay"), "ebay", "dispute"),
    ReplySpec("escalation-amazon", "escalation", _sells_on("amazon"), "amazon", "dispute"),
    ReplySpec("chargeback", "chargeback", _never, group="dispute"),
    ReplySpec("bad-review-threat", "bad-review-threat", _never, group="dispute"),
    ReplySpec("closing", "closing", _never, group="dispute"),
    ReplySpec("follow-up", "follow-up", _never, group="after"),
)
SPEC_BY_ID = {spec.id: spec for spec in SPECS}


def available(policy: Policy) -> list[ReplySpec]:
    return [spec for spec in SPECS if spec.ruled_out(policy) is None]


def ruled_out(policy: Policy) -> list[tuple[ReplySpec, str]]:
    """The replies this policy does not need, each with the (untranslated) reason."""
    return [(spec, reason) for spec in SPECS if (reason := spec.ruled_out(policy))]


def render_reply(env: Environment, spec: ReplySpec, policy: Policy, facts: Facts,
                 values: Mapping[str, str] | None = None, *,
                 aside_facts: Facts | None = None) -> Reply:
    """Render one reply. `values` fills placeholders the caller knows (the advisor does).
    The parts around the body (title, subject, the seller's note) read `aside_facts`
    when given, so that the facts the body itself uses can be told apart."""
    ph = {name: (values or {}).get(name) or token(name) for name in PLACEHOLDERS}
    template = env.get_template(f"replies/{spec.template}.txt.j2")
    variables = {"p": policy, "f": facts, "ph": ph, "marketplace": spec.marketplace,
                 "c": policy.cancellation, "r": policy.returns, "rf": policy.refunds,
                 "d": policy.damaged_items}
    context = template.new_context(variables | {"f": aside_facts or facts})

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


def reply_title(env: Environment, spec: ReplySpec, policy: Policy, facts: Facts) -> str:
    """The title of a reply, also of one the policy rules out (whose body may need
    what the policy does not have)."""
    template = env.get_template(f"replies/{spec.template}.txt.j2")
    context = template.new_context({"p": policy, "f": facts, "r": policy.returns,
                                    "c": policy.cancellation, "marketplace": spec.marketplace})
    return join(split(one_line("".join(template.blocks["title"](context)))))


def render_replies(env: Environment, policy: Policy, facts: Facts) -> list[Reply]:
    return [render_reply(env, spec, policy, facts) for spec in available(policy)]


def files(ctx: Context) -> Files:
    """Each reply the policy needs, as plain text and as simple HTML, ready to copy."""
    for spec in available(ctx.policy):
        reply = ctx.reply(spec)
        yield f"{ctx.locale}/replies/{reply.id}.txt", reply.body
        yield f"{ctx.locale}/replies/{reply.id}.html", reply.html
