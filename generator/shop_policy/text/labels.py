"""Words for the policy's enumerated values, marked for translation with N_.

Templates look a value up here and pass the phrase through gettext, so translators see
each phrase once, in the catalog, next to every other text.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a phrase for extraction without translating it yet."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction; ngettext picks the form later."""
    return singular, plural


MARKETPLACES = {
    "own_shop": N_("our website"),
    "etsy": N_("Etsy"),
    "ebay": N_("eBay"),
    "amazon": N_("Amazon"),
}

CONDITIONS = {
    "unused": N_("unused"),
    "original_packaging": N_("in its original packaging"),
    "tags_attached": N_("with all tags still attached"),
    "proof_of_purchase": N_("sent with the order number or receipt"),
    "resellable": N_("in a condition we can sell again"),
}

NON_RETURNABLE = {
    "custom_made": N_("Items made to your order or measurements"),
    "personalised": N_("Personalised items, such as those with a name or message"),
    "perishable": N_("Perishable goods, such as food or fresh flowers"),
    "hygiene": N_("Hygiene items, such as earrings or cosmetics, once unsealed"),
    "sale_items": N_("Items bought in a sale marked final"),
    "gift_cards": N_("Gift cards"),
    "digital": N_("Digital downloads"),
}

CHANGE_OF_MIND = {
    "refund": N_("a refund to your original payment method"),
    "store_credit": N_("store credit to spend in our shop"),
    "exchange": N_("an exchange for another item"),
}

def by_market(eu: str, uk: str) -> dict[str, str]:
    """A sentence by where the shop's buyers have a right of withdrawal (text.render.
    withdrawal_where): the EU's words serve a shop selling to both."""
    return {"EU GB": eu, "EU": eu, "GB": uk}


# The right of withdrawal in a sentence, by where the shop sells: the EU and the UK,
# the EU alone, the UK alone (text.render.withdrawal_where).
WITHDRAWAL_FAQ = {
    "EU GB": N_("If you live in the EU or the UK, yes: you can withdraw within %(period)s of "
                "receiving the goods, without giving a reason, and you can use our "
                "withdrawal form to do it."),
    "EU": N_("If you live in the EU, yes: you can withdraw within %(period)s of receiving "
             "the goods, without giving a reason, and you can use our withdrawal form to do "
             "it."),
    "GB": N_("If you live in the UK, yes: you can cancel within %(period)s of receiving the "
             "goods, without giving a reason, and you can use our cancellation form to do "
             "it."),
}
WITHDRAWAL_EMAIL = {
    "EU GB": N_("If you live in the EU or the UK, you may withdraw within %(period)s of "
                "receiving your order; our policy explains how, with a withdrawal form."),
    "EU": N_("If you live in the EU, you may withdraw within %(period)s of receiving your "
             "order; our policy explains how, with a withdrawal form."),
    "GB": N_("If you live in the UK, you may cancel within %(period)s of receiving your "
             "order; our policy explains how, with a cancellation form."),
}
WITHDRAWAL_CONDITION = {
    "EU GB": N_("If you live in the EU or the UK and are still within the legal withdrawal "
                "period of %(period)s from receiving it, you can send it back all the same: "
                "we would only deduct for any loss in value from handling it more than "
                "needed to check it."),
    "EU": N_("If you live in the EU and are still within the legal withdrawal period of "
             "%(period)s from receiving it, you can send it back all the same: we would "
             "only deduct for any loss in value from handling it more than needed to check "
             "it."),
    "GB": N_("If you live in the UK and are still within the legal cancellation period of "
             "%(period)s from receiving it, you can send it back all the same: we would "
             "only deduct for any loss in value from handling it more than needed to check "
             "it."),
}

# The policy page's return conditions, for a buyer who uses the legal right.
CONDITION_DEDUCTION = by_market(N_("If you withdraw under the law (see [your legal "
                                   "rights](#withdrawal)), an item that does not meet these "
                                   "conditions is still taken back: we may only deduct for any "
                                   "loss in value from handling it more than needed to check it."),
                                N_("If you cancel under the law (see [your legal "
                                   "rights](#withdrawal)), an item that does not meet these "
                                   "conditions is still taken back: we may only deduct for any "
                                   "loss in value from handling it more than needed to check it."))
# What handling the goods costs a buyer who withdraws (art. 14(2); reg. 34(9)-(12)).
HANDLING = by_market(N_("You only pay for any loss in value caused by handling the goods more "
                        "than you need to see what they are, what they are like and how they "
                        "work. We never refuse a withdrawal because of the condition of the "
                        "goods."),
                     N_("You only pay for any loss in value caused by handling the goods more "
                        "than you need to see what they are, what they are like and how they "
                        "work. We never refuse a cancellation because of the condition of the "
                        "goods."))
# The goods the law exempts (art. 16; reg. 28).
EXEMPT_NOTE = by_market(N_("The right of withdrawal does not apply to goods made to your own "
                           "specifications or clearly personalised, goods that spoil quickly, or "
                           "sealed goods that are not suitable for return for health or hygiene "
                           "reasons once unsealed."),
                        N_("The right to cancel does not apply to goods made to your own "
                           "specifications or clearly personalised, goods that spoil quickly, or "
                           "sealed goods that are not suitable for return for health or hygiene "
                           "reasons once unsealed."))
# Headings and titles that name the right: UK law speaks of cancelling.
FAQ_QUESTION = by_market(N_("Do I have a legal right to withdraw?"),
                         N_("Do I have a legal right to cancel?"))
RIGHT_TITLE = by_market(N_("Right of withdrawal"),
                        N_("Right to cancel"))
# The model form (Directive 2011/83/EU Annex I(B)); the UK's (Consumer Contracts
# Regulations 2013, Sch. 3 Part B) speaks of cancelling, as UK law does.
FORM_TITLE = by_market(N_("Withdrawal form"),
                       N_("Cancellation form"))
FORM_LINK = by_market(N_("Withdrawal form: %(url)s"),
                      N_("Cancellation form: %(url)s"))
FORM_INTRO = by_market(N_("Fill in and send this form only if you want to withdraw from your "
                          "purchase. An email with the same details is just as good."),
                       N_("Fill in and send this form only if you want to cancel your purchase. "
                          "An email with the same details is just as good."))
FORM_NOTICE = by_market(N_("I hereby give notice that I withdraw from my contract of sale of the "
                           "following goods:"),
                        N_("I hereby give notice that I cancel my contract of sale of the "
                           "following goods:"))

# Each public page's description, for search engines and link previews.
DESCRIPTIONS = {
    "index": N_("Cancelling an order, returning an item and getting your money back at "
                "%(shop)s: the key facts."),
    "policy": N_("How to cancel an order, return an item and get your money back at "
                 "%(shop)s."),
    "faq": N_("Short answers to the questions buyers ask %(shop)s about cancellations, "
              "returns and refunds."),
    "changes": N_("Every change to the policy of %(shop)s on cancellations, returns and "
                  "refunds, with its date."),
}

# The message "Start a return" opens: its subject, and the lines the buyer fills in.
RETURN_MAIL = (N_("Return request"),
               (N_("Order number:"), N_("What you are sending back:"),
                N_("Reason (you do not have to give one):"), N_("Your full name:")))

# "Can I still return it?": the policy page's checker, which runs in the buyer's
# browser. {end} is a date the browser fills in, in the page's language.
CHECKER = {
    "title": N_("Can I still return it?"),
    "intro": N_("Enter the day your order arrived and why you want to send it back, and "
                "see until when you can. What you enter stays in your browser."),
    "delivery": N_("The day it arrived"),
    "dispatch": N_("The day we dispatched it"),
    "reason": N_("Why you want to send it back"),
    "change_of_mind": N_("I changed my mind"),
    "damaged_in_transit": N_("It arrived damaged"),
    "faulty": N_("It is faulty"),
    "not_as_described": N_("It is not as described"),
    "check": N_("Check"),
    "return.open": N_("Yes: you can send it back until {end}."),
    "return.last_day": N_("Yes, but today is the last day to send it back: {end}."),
    "return.closed": N_("No: the time to send it back for a change of mind ended on {end}."),
    "report.open": N_("Yes: tell us by {end} and we put it right."),
    "report.last_day": N_("Yes, but today is the last day to tell us: {end}."),
    "report.closed": N_("The time to report it ended on {end}. Write to us all the same: "
                        "your legal rights for faulty goods still apply."),
    "report.closed_plain": N_("The time to report it ended on {end}. Write to us all the "
                              "same, and we will see what we can do."),
    "future": N_("That day has not come yet; enter the day it arrived."),
    "write": N_("Write to us"),
    "zone": N_("Each day ends at midnight, %(zone)s."),
}

EVIDENCE = {
    "photos_of_item": N_("photos of the item, showing the problem"),
    "photos_of_packaging": N_("photos of the packaging it arrived in"),
    "photo_of_shipping_label": N_("a photo of the shipping label"),
    "order_number": N_("your order number"),
    "description_of_fault": N_("a short description of what is wrong"),
}

REMEDIES = {
    "replacement": N_("a replacement"),
    "refund": N_("a full refund"),
    "partial_refund": N_("a partial refund if you would like to keep the item"),
    "repair": N_("a free repair"),
    "store_credit": N_("store credit"),
}
