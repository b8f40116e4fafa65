"""Which catalog serves a locale: its own, else its language's, else none."""

from __future__ import annotations

import pytest

from shop_policy.text.translations import catalog_for


@pytest.mark.parametrize(("locale", "catalog"), [
    ("de", "de"), ("de_AT", "de"), ("en_GB", "en"), ("zh_Hant_TW", None), ("sw", None),
    ("pt_BR", None),
])
def test_catalog_for(locale: str, catalog: str | None) -> None:
    assert catalog_for(locale) == catalog
