"""The dispute pack: what a marketplace or a payment provider asks for when a buyer opens
a case or a chargeback. The order's timeline, the clauses of the version in force on the
order date quoted in full with their links, and a checklist of what to attach."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from shop_policy.casework.advisor import Case
from shop_policy.read.model import Policy
from shop_policy.text.facts import Facts
from shop_policy.text.labels import N_

# The sections of the policy page each reason rests on, by their anchors.
SECTIONS = {
    "change_of_mind": ("cancellation", "returns", "refunds"),
    "damaged": ("damaged-items", "refunds"),
    "defective": ("damaged-items", "refunds"),
    "not_as_described": ("damaged-items", "refunds"),
    "not_received": ("cancellation", "refunds"),
    "late": ("cancellation", "refunds"),
}

ATTACH = {
    "conversation": N_("Your whole conversation with the buyer, with its dates."),
    "policy": N_("The link to the policy version above, and the clauses quoted here."),
    "postage": N_("Proof of postage and the full tracking history."),
    "delivery": N_("Proof of delivery, with its date."),
    "photos": N_("The buyer's photos of the item and its packaging, and your own."),
    "listing": N_("The listing as it was on the order date: its text and photos."),
    "return": N_("Proof that the return arrived, and of any refund or credit you issued."),
    "chargeback": N_("The payment provider's notice of the chargeback and its reference."),
}

# The words of the evidence pack and of the amounts.
WORDS = {
    "evidence": N_("Dispute evidence"), "timeline": N_("Timeline"),
    "policy": N_("The policy that applied"), "attach": N_("What to attach"),
    "version": N_("Version %(version)s of the policy, in force from %(date)s: %(url)s"),
    "paid": N_("The buyer paid %(paid)s; as store credit, with its bonus, that is "
               "%(credit)s."),
}

TIMELINE = {
    "order_date": N_("Ordered"),
    "shipped_date": N_("Dispatched"),
    "delivered_date": N_("Delivered"),
    "today": N_("Judged on"),
}


@dataclass(frozen=True)
class Clause:
    anchor: str
    title: str
    url: str
    text: str


@dataclass(frozen=True)
class Evidence:
    title: str
    timeline: list[tuple[str, str]]
    version: str
    clauses: list[Clause]
    attach: list[str]

    def as_dict(self) -> dict[str, object]:
        return {"title": self.title, "version": self.version,
                "timeline": [{"what": what, "date": day} for what, day in self.timeline],
                "clauses": [vars(c) for c in self.clauses], "attach": self.attach}

    def markdown(self, headings: dict[str, str]) -> str:
        lines = [f"# {self.title}", "", f"## {headings['timeline']}", ""]
        lines += [f"- {what}: {day}" for what, day in self.timeline]
        lines += ["", f"## {headings['policy']}", "", self.version]
        for clause in self.clauses:
            lines += ["", f"### {clause.title}", "", clause.url, ""]
            lines += [f"> {line}".rstrip() for line in clause.text.splitlines()]
        lines += ["", f"## {headings['attach']}", ""]
        lines += [f"- [ ] {item}" for item in self.attach]
        return "\n".join(lines) + "\n"


def sections(page: str, url: str) -> dict[str, tuple[str, str]]:
    """The level-2 sections of a rendered policy page, published at `url`, as text to
    quote: anchor -> (title, text)."""
    found = {}
    for match in re.finditer(r"^## (.+?) \{#([\w-]+)\}\n(.*?)(?=^## |\Z)", page,
                             flags=re.M | re.S):
        found[match.group(2)] = (_readable(match.group(1), url),
                                 _readable(match.group(3).strip(), url))
    return found


def _readable(markdown: str, url: str) -> str:
    """Markdown of the policy page as plain text to paste into a dispute form: no
    anchors or escapes, links written out."""
    text = re.sub(r"\s*\{#[\w-]+\}", "", markdown)
    text = re.sub(r"^#+ ", "", text, flags=re.M)
    text = re.sub(r"\[([^\]]*)\]\((?:mailto:[^)]*|#[^)]*)\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", lambda m: f"{m.group(1)} ({url}{m.group(2)})"
                  if "://" not in m.group(2) else f"{m.group(1)} ({m.group(2)})", text)
    text = re.sub(r"<br>", "\n", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    return html.unescape(text)


def checklist(case: Case, policy: Policy) -> list[str]:
    """The keys of ATTACH this case calls for, in order."""
    keys = ["conversation", "policy"]
    if case.shipped_date is not None:
        keys.append("postage")
    if case.delivered_date is not None:
        keys.append("delivery")
    if case.reason in ("damaged", "defective", "not_as_described"):
        keys.append("photos")
    if case.reason == "not_as_described":
        keys.append("listing")
    if case.reason == "change_of_mind" and policy.returns.accepted:
        keys.append("return")
    if case.chargeback:
        keys.append("chargeback")
    return keys


def evidence(case: Case, judged: Policy, facts: Facts, page: str, gettext: object
             ) -> Evidence:
    """The pack for `case`, judged by the version `judged` whose policy page (in the
    locale of `facts`) is `page`. `gettext` translates into that locale."""
    translate = gettext.gettext  # type: ignore[attr-defined]
    # Dates as ISO 8601: unambiguous for whoever reads the dispute, in any language.
    timeline = [(translate(TIMELINE[name]), day.isoformat())
                for name, day in (("order_date", case.order_date),
                                  ("shipped_date", case.shipped_date),
                                  ("delivered_date", case.delivered_date),
                                  ("today", case.today)) if day is not None]
    found = sections(page, facts.version_url)
    clauses = [Clause(anchor, found[anchor][0], f"{facts.version_url}#{anchor}",
                      found[anchor][1])
               for anchor in SECTIONS[case.reason] if anchor in found]
    version = translate(WORDS["version"]) % {"version": facts.version,
                                             "date": facts.effective_date,
                                             "url": facts.version_url}
    return Evidence(translate(WORDS["evidence"]), timeline, version, clauses,
                    [translate(ATTACH[key]) for key in checklist(case, judged)])
