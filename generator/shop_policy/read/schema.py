"""The JSON Schema of the policy file, generated from the models."""

from __future__ import annotations

import json

from shop_policy.read.model import Policy

SCHEMA_ID = "https://shop-policy.example/schema/shop-policy.schema.json"


def schema() -> dict:
    data = Policy.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **data}


def schema_text() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
