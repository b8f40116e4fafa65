"""The base every model of the policy file's schema shares: unknown keys refused, values
frozen once validated, text trimmed."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
