"""The law's floor, per market: what a consumer there is owed whatever the policy says.

One table, each fact with the article or section it rests on. The policy lint reads it
(`checks/policy_lint.py`), and so will the statutory texts, so the two cannot disagree.
It is a checklist of the main rules for small online shops, not legal advice: each
source is there to be read. Collected in the reference notes on the consumer-law floor;
the periods are the ones a buyer meets, where member states may give more.
"""

from __future__ import annotations

from dataclasses import dataclass

from shop_policy.rules.regions import EEA, EU


@dataclass(frozen=True)
class Withdrawal:
    """A right to withdraw from (cancel) a distance sale without giving a reason."""

    days: int  # the period
    starts: str  # what it counts from: "delivery" (the buyer takes physical possession)
    refund_days: int  # the trader refunds within this many days...
    refund_from: str  # ...of: "notice" (being told), or "goods_back" (goods or proof)
    withhold_until_goods: bool  # the trader may wait for the goods or proof of sending
    same_means: bool  # refunded by the same means of payment, not credit
    includes_delivery: bool  # the standard delivery charge is refunded too
    condition: str  # what handling costs the buyer: "deduction" for diminished value
    extended_months: int  # the period grows by this much when the buyer was not told
    exceptions: frozenset[str]  # the goods (policy categories) the law exempts
    source: str


@dataclass(frozen=True)
class Guarantee:
    """What the seller owes for goods that are faulty or not as described."""

    years: int | None  # how long the seller is liable (None: a reasonable time)
    presumed_months: int | None  # a fault showing within this is presumed at delivery
    reject_days: int | None  # a short-term right to reject, for a refund
    source: str
    # What `years` counts: "liable" (a fault that shows within them) or "claim" (how
    # long after delivery a claim can be brought, where the law sets no period itself).
    years_count: str = "liable"


@dataclass(frozen=True)
class CountryNote:
    """Where one country of a market goes beyond the market's floor."""

    country: str  # ISO 3166-1 code, or a part of one ("GB-SCT")
    note: str  # what differs, for the seller
    source: str
    guarantee_years: int | None = None  # the seller is liable for faults this long
    lifetime: bool = False  # liable as long as such goods can be expected to last
    claim_years: int | None = None  # a claim can be brought this long after delivery


@dataclass(frozen=True)
class Floor:
    """One market's statutory floor."""

    code: str
    name: str
    countries: tuple[str, ...]
    withdrawal: Withdrawal | None
    guarantee: Guarantee | None
    duties: tuple[tuple[str, str], ...]  # (what the buyer must be told, source)
    notes: tuple[CountryNote, ...] = ()

    def notes_for(self, sells_to: list[str]) -> list[CountryNote]:
        """The notes of the countries a shop selling to `sells_to` reaches."""
        whole = "WORLD" in sells_to or self.code in sells_to or \
            (self.code == "EU" and "EEA" in sells_to)
        return [n for n in self.notes if whole or n.country.split("-")[0] in sells_to]

    @property
    def longer_guarantees(self) -> tuple[CountryNote, ...]:
        return tuple(n for n in self.notes if n.guarantee_years or n.lifetime)


# Goods a withdrawal right does not cover, as the policy names them.
_EXEMPT = frozenset({"custom_made", "personalised", "perishable", "hygiene"})

LAW: dict[str, Floor] = {
    "EU": Floor(
        "EU", "European Union and EEA", EEA,
        Withdrawal(days=14, starts="delivery", refund_days=14, refund_from="notice",
                   withhold_until_goods=True, same_means=True, includes_delivery=True,
                   condition="deduction", extended_months=12, exceptions=_EXEMPT,
                   source="Directive 2011/83/EU art. 9-14 (exceptions: art. 16)"),
        Guarantee(years=2, presumed_months=12, reject_days=None,
                  source="Directive (EU) 2019/771 art. 10-13"),
        (("the right of withdrawal, its period and how to use it, with the model form",
          "Directive 2011/83/EU art. 6(1)(h) and Annex I(B)"),
         ("who pays the return postage", "Directive 2011/83/EU art. 6(1)(i)"),
         ("that a legal guarantee of conformity exists", "Directive 2011/83/EU art. 6(1)(l)"),
         ("when the goods are delivered", "Directive 2011/83/EU art. 6(1)(g)")),
        (CountryNote("DE", "Germany has its own model withdrawal notice and form "
                     "(Muster-Widerrufsbelehrung, Muster-Widerrufsformular); the German "
                     "texts use their terms", "BGB §§ 312g, 355-357; EGBGB Art. 246a § 1(2), "
                     "Anlage 1 and 2"),
         CountryNote("IE", "the seller is liable for faults that show within 6 years",
                     "Consumer Rights Act 2022 (Ireland), s. 21", guarantee_years=6),
         CountryNote("ES", "the seller is liable for faults that show within 3 years",
                     "Real Decreto Legislativo 1/2007, art. 120, as amended by Real "
                     "Decreto-ley 7/2021", guarantee_years=3),
         CountryNote("PT", "the seller is liable for faults that show within 3 years",
                     "Decreto-Lei n.º 84/2021, art. 12", guarantee_years=3),
         CountryNote("SE", "a buyer may complain of a fault for 3 years after delivery",
                     "Konsumentköplag (2022:260)", guarantee_years=3),
         CountryNote("NL", "no fixed period: the seller is liable as long as such goods "
                     "can reasonably be expected to last", "Burgerlijk Wetboek, art. 7:17 "
                     "and 7:23", lifetime=True),
         CountryNote("FI", "no fixed period: the seller is liable as long as such goods "
                     "can reasonably be expected to last", "Kuluttajansuojalaki, ch. 5",
                     lifetime=True))),
    "GB": Floor(
        "GB", "United Kingdom", ("GB",),
        Withdrawal(days=14, starts="delivery", refund_days=14, refund_from="goods_back",
                   withhold_until_goods=True, same_means=True, includes_delivery=True,
                   condition="deduction", extended_months=12, exceptions=_EXEMPT,
                   source="Consumer Contracts Regulations 2013, reg. 28-35"),
        Guarantee(years=6, presumed_months=6, reject_days=30,
                  source="Consumer Rights Act 2015, s. 9-24; Limitation Act 1980, s. 5",
                  years_count="claim"),
        (("the right to cancel, its period and how to use it, with the model form",
          "Consumer Contracts Regulations 2013, reg. 13 and Sch. 2-3"),
         ("who pays the return postage", "Consumer Contracts Regulations 2013, Sch. 2(m)")),
        (CountryNote("GB-SCT", "in Scotland, a claim for a fault can be brought up to 5 "
                     "years after delivery, not 6", "Prescription and Limitation (Scotland) "
                     "Act 1973, s. 6", claim_years=5),)),
    "US": Floor(
        "US", "United States", ("US",), None, None,
        (("when the order ships, or within 30 days if no time is stated",
          "FTC Mail, Internet, or Telephone Order Merchandise Rule, 16 CFR 435"),),
        (CountryNote("US-CA", "a policy that gives no full refund, credit or exchange for "
                     "at least 7 days must be displayed conspicuously, or the buyer may "
                     "return the goods within 30 days", "California Civil Code section 1723"),
         )),
    "AU": Floor(
        "AU", "Australia", ("AU",), None,
        Guarantee(years=None, presumed_months=None, reject_days=None,
                  source="Australian Consumer Law, s. 51-64 and 259-263"),
        (("that the consumer guarantees apply: no sign or policy may suggest otherwise",
          "Australian Consumer Law, s. 29(1)(m) and s. 64"),)),
    "CA": Floor(
        "CA", "Canada", ("CA",), None, None,
        (("the provincial rules for internet sales",
          "Ontario Consumer Protection Act, 2002, s. 37-40; Quebec CPA s. 54.1 ff."),)),
}

# California is a state of the US: a shop that sells to the US sells there too.
_FLOOR_OF = {**{c: "EU" for c in EEA}, "EU": "EU", "EEA": "EU", "GB": "GB", "US": "US",
             "AU": "AU", "CA": "CA"}


def floors(sells_to: list[str]) -> list[Floor]:
    """The floors of every market a shop selling to `sells_to` reaches, in table order."""
    if "WORLD" in sells_to:
        return list(LAW.values())
    codes = {_FLOOR_OF[code] for code in sells_to if code in _FLOOR_OF}
    return [floor for code, floor in LAW.items() if code in codes]


def withdrawal_floors(sells_to: list[str]) -> list[Floor]:
    """The floors among them that give a right of withdrawal."""
    return [floor for floor in floors(sells_to) if floor.withdrawal is not None]


__all__ = ["EU", "LAW", "CountryNote", "Floor", "Guarantee", "Withdrawal", "floors",
           "withdrawal_floors"]
