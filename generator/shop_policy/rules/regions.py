"""The regions a shop can sell to besides single countries, and the countries in each.

Facts of the world, not of the shop: the policy names a region (`sells_to: [EU]`), the
legal checks and the structured data need its member countries.
"""

from __future__ import annotations

REGIONS = {"EU": "European Union", "EEA": "European Economic Area", "WORLD": "worldwide"}
EU = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
      "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")
EEA = (*EU, "IS", "LI", "NO")
