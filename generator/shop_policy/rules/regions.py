"""The regions a shop can sell to besides single countries, and the countries in each.

Facts of the world, not of the shop: the policy names a region (`sells_to: [EU]`), the
legal checks and the structured data need its member countries.
"""

from __future__ import annotations

REGIONS = {"EU": "European Union", "EEA": "European Economic Area", "WORLD": "worldwide"}
EU = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
      "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")
EEA = (*EU, "IS", "LI", "NO")


def countries(codes: list[str]) -> list[str]:
    """ISO 3166-1 codes the policy applies to: regions expanded, the world left out."""
    found: list[str] = []
    for code in codes:
        members = EU if code == "EU" else EEA if code == "EEA" else () if code == "WORLD" \
            else (code,)
        found += [c for c in members if c not in found]
    return found
