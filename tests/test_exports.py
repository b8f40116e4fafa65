"""Help-desk exports: valid files, each help desk's own placeholders."""

from __future__ import annotations

import csv
import io
import json

from tests.golden import CASES, render_case

FILES = render_case(CASES["example"])
REPLIES = sorted(p for p in FILES if p.startswith("snippets/en/replies/")
                 and p.endswith(".txt"))


def test_zendesk_macros() -> None:
    data = json.loads(FILES["snippets/en/exports/zendesk-macros.json"])
    macros = data["macros"]
    assert len(macros) == len(REPLIES)
    first = macros[0]
    assert first["title"] == "Fern & Kiln::en::Ask why they want to cancel"
    assert first["active"] is True
    fields = [action["field"] for action in first["actions"]]
    assert fields == ["subject", "comment_value_html"]
    body = first["actions"][1]["value"]
    assert body.startswith("<p>Hi {{ticket.requester.first_name}},</p>")
    assert "{{current_user.first_name}}" in body
    assert "[[buyer_name]]" not in json.dumps(data)
    assert "[[order_number]]" in first["actions"][0]["value"], "unmapped stays visible"


def test_gorgias_macros() -> None:
    macros = json.loads(FILES["snippets/en/exports/gorgias-macros.json"])
    assert len(macros) == len(REPLIES)
    macro = next(m for m in macros if m["external_id"] == "shop-policy:en:return-accepted")
    assert macro["name"] == "Return accepted (change of mind)"
    assert macro["language"] == "en"
    action = macro["actions"][0]
    assert action["name"] == "setResponseText"
    assert action["arguments"]["body_text"].startswith("Hi {{ticket.customer.firstname}},")
    assert "{{current_user.firstname}}" in action["arguments"]["body_html"]
    assert "[[buyer_name]]" not in json.dumps(macros)


def test_csv_has_every_reply_exactly() -> None:
    rows = list(csv.DictReader(io.StringIO(FILES["snippets/en/exports/replies.csv"],
                                           newline="")))
    assert list(rows[0]) == ["id", "locale", "title", "subject", "body"]
    assert len(rows) == len(REPLIES)
    for row in rows:
        assert row["locale"] == "en"
        assert row["body"] == FILES[f"snippets/en/replies/{row['id']}.txt"]
