"""Help-desk exports of the reply library, each in the product's own placeholder syntax.

Zendesk macros (JSON as the Macros API takes it), Gorgias macros (JSON as the Macros API
takes it) and a plain CSV. Placeholders a help desk can fill itself are mapped to its
own variables; the rest stay visible as [[name]] for the agent to fill in.

Only the reply's own placeholders are mapped: everything else is text and stays inert.
Zendesk (Liquid) and Gorgias read `{{`, `{%` and `{#` in a macro as the start of a tag,
so a brace that would open one is written as `&#123;` in HTML, which shows the same,
and followed by an invisible word joiner in plain text. Only then do the help desk's
variables go in.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

from shop_policy.outputs.kinds import Context, Files
from shop_policy.outputs.replies import Reply
from shop_policy.text.layout import text_to_html
from shop_policy.text.placeholders import Parts, join, marker, split, token
from shop_policy.text.translations import right_to_left

HELP_DESK_VARIABLES: dict[str, dict[str, str]] = {
    "zendesk": {
        "buyer_name": "{{ticket.requester.first_name}}",
        "your_name": "{{current_user.first_name}}",
    },
    "gorgias": {
        "buyer_name": "{{ticket.customer.firstname}}",
        "your_name": "{{current_user.firstname}}",
    },
}

# A brace before another brace, a percent sign, a hash or a placeholder token.
_OPENS_TAG = re.compile(r"\{(?=[{%#\x00])")
WORD_JOINER = "\u2060"


def for_desk(parts: Parts, desk: str, *, as_html: bool = False, rtl: bool = False) -> str:
    """The parts as text (or as HTML, right to left where `rtl`) for `desk`: its own
    variables where it has one, [[name]] for the other placeholders, and nothing else it
    would read as a tag."""
    text = join(parts, token)  # the placeholders stay tokens until the text is inert
    if as_html:
        text = text_to_html(text, rtl=rtl).replace("{", "&#123;")
    else:
        text = _OPENS_TAG.sub("{" + WORD_JOINER, text)
    variables = HELP_DESK_VARIABLES[desk]
    return join(split(text), lambda name: variables.get(name, marker(name)))


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def zendesk(replies: Iterable[Reply], shop: str) -> str:
    macros = []
    for reply in replies:
        macros.append({
            "title": f"{shop}::{reply.locale}::{reply.title}",
            "description": reply.when,
            "active": True,
            "actions": [
                {"field": "subject", "value": for_desk(reply.subject_parts, "zendesk")},
                {"field": "comment_value_html",
                 "value": for_desk(reply.body_parts, "zendesk", as_html=True,
                                   rtl=right_to_left(reply.locale))},
            ],
        })
    return _json({"macros": macros})


def gorgias(replies: Iterable[Reply]) -> str:
    macros = []
    for reply in replies:
        macros.append({
            "external_id": f"shop-policy:{reply.locale}:{reply.id}",
            "name": reply.title,
            "language": reply.locale.split("_")[0],
            "actions": [{
                "name": "setResponseText",
                "title": "Add response text",
                "type": "user",
                "arguments": {"body_text": for_desk(reply.body_parts, "gorgias"),
                              "body_html": for_desk(reply.body_parts, "gorgias",
                                                    as_html=True,
                                                    rtl=right_to_left(reply.locale))},
            }],
        })
    return _json(macros)


def csv_table(replies: Iterable[Reply]) -> str:
    """Every reply exactly as its snippet file has it, for text expanders and imports."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "locale", "title", "subject", "body"])
    for reply in replies:
        writer.writerow([reply.id, reply.locale, reply.title, reply.subject, reply.body])
    return out.getvalue()


def files(ctx: Context) -> Files:
    """The locale's replies for Zendesk, Gorgias and any tool that reads CSV."""
    root = f"{ctx.locale}/exports"
    yield f"{root}/zendesk-macros.json", zendesk(ctx.replies, ctx.policy.shop.name)
    yield f"{root}/gorgias-macros.json", gorgias(ctx.replies)
    yield f"{root}/replies.csv", csv_table(ctx.replies)
