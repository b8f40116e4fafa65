"""Help-desk exports: valid files, each help desk's own placeholders."""

from __future__ import annotations

import csv
import html
import io
import json
import re

from shop_policy.outputs.exports import HELP_DESK_VARIABLES
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


HOSTILE = render_case(CASES["hostile"])
# The hostile policy's return address has a line of help-desk syntax typed by the seller.
TYPED = "[[buyer_name]] {{ticket.requester.name}} {%customer.firstName%} {#c#}"
OPENS = re.compile(r"\{[{%#]")


def _without_own_variables(text: str, desk: str) -> str:
    for variable in HELP_DESK_VARIABLES[desk].values():
        text = text.replace(variable, "")
    return text


def test_zendesk_maps_only_its_own_placeholders() -> None:
    data = json.loads(HOSTILE["snippets/en/exports/zendesk-macros.json"])
    for macro in data["macros"]:
        for action in macro["actions"]:
            assert not OPENS.search(_without_own_variables(action["value"], "zendesk")), (
                macro["title"], action["value"])
    macro = next(m for m in data["macros"] if m["title"].endswith("(change of mind)"))
    body = macro["actions"][1]["value"]
    assert body.count("{{ticket.requester.first_name}}") == 1, "the greeting only"
    assert body.count("{{current_user.first_name}}") == 1, "the signature only"
    shown = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert TYPED in shown, "the seller's line reads as typed"
    assert "{{ 7*7 }}" in shown


def test_gorgias_maps_only_its_own_placeholders() -> None:
    macros = json.loads(HOSTILE["snippets/en/exports/gorgias-macros.json"])
    for macro in macros:
        arguments = macro["actions"][0]["arguments"]
        for value in arguments.values():
            assert not OPENS.search(_without_own_variables(value, "gorgias")), value
    macro = next(m for m in macros if m["external_id"] == "shop-policy:en:return-accepted")
    text = macro["actions"][0]["arguments"]["body_text"]
    assert text.count("{{ticket.customer.firstname}}") == 1
    assert text.count("{{current_user.firstname}}") == 1
    # A word joiner (invisible) after a brace that would open a tag: it reads as typed.
    assert TYPED in text.replace("\u2060", "")
    shown = html.unescape(macro["actions"][0]["arguments"]["body_html"])
    assert TYPED in shown


def test_csv_and_snippets_keep_the_sellers_text_exactly() -> None:
    body = HOSTILE["snippets/en/replies/return-accepted.txt"]
    assert f"  {TYPED}\n" in body
    assert body.startswith("Hi [[buyer_name]],")
    rows = list(csv.DictReader(io.StringIO(HOSTILE["snippets/en/exports/replies.csv"],
                                           newline="")))
    assert next(r for r in rows if r["id"] == "return-accepted")["body"] == body


def test_arabic_html_reads_right_to_left_in_every_export() -> None:
    """Each paragraph says rtl, so an address or signature line aligns with the rest;
    a placeholder and a link keep their own direction inside it."""
    files = render_case(CASES["example"])
    snippet = files["snippets/ar/replies/return-accepted.html"]
    assert snippet.startswith('<p dir="rtl">مرحبًا <bdi>[[buyer_name]]</bdi>،</p>')
    assert '" dir="ltr">https://fernandkiln.example/policies/ar/policy/v3/#returns</a>' in \
        snippet
    zendesk = json.loads(files["snippets/ar/exports/zendesk-macros.json"])["macros"][0]
    html = zendesk["actions"][1]["value"]
    assert html.startswith('<p dir="rtl">') and "<bdi>{{ticket.requester.first_name}}</bdi>" \
        in html
    gorgias = json.loads(files["snippets/ar/exports/gorgias-macros.json"])[0]
    assert gorgias["actions"][0]["arguments"]["body_html"].startswith('<p dir="rtl">')
    english = files["snippets/en/replies/return-accepted.html"]
    assert "dir=" not in english and "<bdi>" not in english
