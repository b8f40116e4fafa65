"""The shop's look on its policy site: a logo, two colours and, through shop.home, the
way back to the shop. Colours are read by coloraide (any CSS colour); the lint checks
that text stays readable on them (checks/policy_lint.py, BRAND-CONTRAST)."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, PrivateAttr

from shop_policy.read.base import Model
from shop_policy.read.values import _fail

# What a logo may be, by its file name's ending, and the type it is served as.
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
              ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif"}
LOGO_MAX_BYTES = 200_000  # it travels inside every page's style sheet
# What text needs against its background (WCAG 2.1, success criterion 1.4.3, AA).
READABLE = 4.5


def _check_colour(text: str) -> str:
    from coloraide import Color  # a tenth of a second to import: only for a brand

    try:
        colour = Color(text)
    except ValueError:
        raise _fail(f"'{text}' is not a colour; write it as on the web, such as "
                    "'#1b5e20' or 'rgb(27 94 32)'") from None
    return colour.convert("srgb").fit().to_string(hex=True)


Colour = Annotated[str, AfterValidator(_check_colour)]


class Brand(Model):
    """The shop's look on its policy site."""

    logo: str | None = Field(default=None, min_length=1, max_length=300, description=(
        "The shop's logo, shown in the header: an image file (svg, png, jpg, webp, gif; "
        "at most 200 kB), its path relative to the policy file."))
    primary: Colour | None = Field(default=None, description=(
        "The header's and buttons' colour, which white text sits on, as a CSS colour such "
        "as '#1b5e20'."))
    accent: Colour | None = Field(default=None, description=(
        "The colour of links under the pointer and of the focus ring, on white."))
    _logo_data: bytes | None = PrivateAttr(default=None)

    def logo_problem(self, policy_folder: Path) -> str | None:
        """What is wrong with the logo file, if anything; else reads it, once."""
        if self.logo is None:
            return None
        path = policy_folder / self.logo
        kind = LOGO_TYPES.get(path.suffix.lower())
        if kind is None:
            return (f"'{self.logo}' is not an image this site can show; give an svg, png, "
                    "jpg, webp or gif file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            return (f"'{self.logo}' cannot be read ({exc.strerror or exc}); give the path "
                    "of the logo file, relative to the policy file")
        if len(data) > LOGO_MAX_BYTES:
            return (f"'{self.logo}' is larger than {LOGO_MAX_BYTES // 1000} kB; make it "
                    "smaller (a header logo needs no more)")
        self._logo_data = data
        return None

    def unreadable(self) -> list[tuple[str, str, float, str]]:
        """(key, colour, contrast with white, what it is used for) for each colour that
        text on it, or in it on white, would be hard to read against."""
        from coloraide import Color

        found = []
        for key, use in (("primary", "the white text of the header and buttons on it, "
                          "and links in it on white"),
                         ("accent", "links under the pointer on white")):
            value = getattr(self, key)
            ratio = Color(value).contrast("white", method="wcag21") if value else READABLE
            if ratio < READABLE:
                found.append((key, value, ratio, use))
        return found

    @property
    def logo_url(self) -> str | None:
        """The logo as a data: URL, read by logo_problem."""
        if self.logo is None or self._logo_data is None:
            return None
        kind = LOGO_TYPES[Path(self.logo).suffix.lower()]
        return f"data:{kind};base64,{base64.b64encode(self._logo_data).decode('ascii')}"
