"""The JSON Schema of the disclosure model, generated from it and checked into the repository.

Regenerate with ``python -m yusuan.schema > src/yusuan/schema/disclosure.schema.json``; a test
fails when the checked-in file is out of date.
"""

from __future__ import annotations

import json
from importlib import resources


def generate() -> str:
    from yusuan.model import Disclosure

    schema = Disclosure.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/yusuan/yusuan/schema/disclosure.schema.json"
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load() -> dict:
    return json.loads(
        (resources.files("yusuan.schema") / "disclosure.schema.json").read_text(encoding="utf-8")
    )


if __name__ == "__main__":
    print(generate(), end="")
