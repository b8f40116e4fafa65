"""Help-desk exports of the reply library, each in the product's own placeholder syntax.

Zendesk macros (JSON as the Macros API takes it), Gorgias macros (JSON as the Macros API
takes it) and a plain CSV. Placeholders a help desk can fill itself are mapped to its
own variables; the rest stay visible as [[name]] for the agent to fill in.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from generator.replies import MARKER, Reply, text_to_html

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


def map_placeholders(text: str, desk: str) -> str:
    variables = HELP_DESK_VARIABLES[desk]
    return MARKER.sub(lambda m: variables.get(m.group(1), m.group(0)), text)


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def zendesk(replies: Iterable[Reply], shop: str) -> str:
    macros = []
    for reply in replies:
        body = map_placeholders(reply.body, "zendesk")
        macros.append({
            "title": f"{shop}::{reply.locale}::{reply.title}",
            "description": reply.when,
            "active": True,
            "actions": [
                {"field": "subject", "value": map_placeholders(reply.subject, "zendesk")},
                {"field": "comment_value_html", "value": text_to_html(body)},
            ],
        })
    return _json({"macros": macros})


def gorgias(replies: Iterable[Reply]) -> str:
    macros = []
    for reply in replies:
        body = map_placeholders(reply.body, "gorgias")
        macros.append({
            "external_id": f"shop-policy:{reply.locale}:{reply.id}",
            "name": reply.title,
            "language": reply.locale.split("_")[0],
            "actions": [{
                "name": "setResponseText",
                "title": "Add response text",
                "type": "user",
                "arguments": {"body_text": body, "body_html": text_to_html(body)},
            }],
        })
    return _json(macros)


def csv_table(replies: Iterable[Reply]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "locale", "title", "subject", "body"])
    for reply in replies:
        writer.writerow([reply.id, reply.locale, reply.title, reply.subject, reply.body])
    return out.getvalue()
