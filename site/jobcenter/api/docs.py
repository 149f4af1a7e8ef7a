"""The documentation page's content, read from the OpenAPI document itself: every operation with
its parameters and answer, and every type with its fields. The page cannot drift from the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SCHEMA_PREFIX = "#/components/schemas/"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    description: str
    location: str = ""


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Field]
    answer: str
    example: str
    """A path to try as it is (none when the path needs an id)."""


@dataclass(frozen=True)
class DataType:
    name: str
    fields: list[Field]
    values: list[str]
    """An enumeration's values (its fields are none)."""


@dataclass(frozen=True)
class Reference:
    title: str
    version: str
    operations: list[Operation]
    types: list[DataType]


def type_name(schema: dict[str, Any]) -> str:
    """A short name for a schema: `Program`, `list of Session`, `string (date)`, `youth | senior`."""
    if "$ref" in schema:
        return schema["$ref"].removeprefix(SCHEMA_PREFIX)
    if "oneOf" in schema or "anyOf" in schema:
        return " | ".join(type_name(item) for item in schema.get("oneOf", schema.get("anyOf", [])))
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    if schema.get("type") == "array":
        return f"list of {type_name(schema.get('items', {}))}"
    kind = schema.get("type", "object")
    kind = " | ".join(kind) if isinstance(kind, list) else kind
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def _operation(path: str, method: str, spec: dict[str, Any]) -> Operation:
    parameters = [
        Field(name=item["name"], type=type_name(item.get("schema", {})), required=item.get("required", False),
              description=item.get("description", "") or item.get("schema", {}).get("description", ""), location=item["in"])
        for item in spec.get("parameters", [])
    ]
    ok: dict[str, Any] = spec.get("responses", {}).get("200", {}).get("content", {})
    answer = type_name(next(iter(ok.values())).get("schema", {})) if ok else ""
    return Operation(method=method.upper(), path=path, summary=spec.get("summary", ""), description=spec.get("description", ""),
                     parameters=parameters, answer=answer, example="" if "{" in path else path)


def _data_type(name: str, schema: dict[str, Any]) -> DataType:
    required = set(schema.get("required", []))
    fields = [
        Field(name=field, type=type_name(spec), required=field in required, description=spec.get("description", ""))
        for field, spec in schema.get("properties", {}).items()
    ]
    return DataType(name=name, fields=fields, values=[str(value) for value in schema.get("enum", [])])


def reference(document: dict[str, Any]) -> Reference:
    operations = [
        _operation(path, method, spec)
        for path, item in document.get("paths", {}).items()
        for method, spec in item.items() if method in {"get", "post", "put", "patch", "delete"}
    ]
    operations.sort(key=lambda operation: operation.path)
    types = [_data_type(name, schema) for name, schema in sorted(document.get("components", {}).get("schemas", {}).items())]
    info = document.get("info", {})
    return Reference(title=info.get("title", ""), version=info.get("version", ""), operations=operations, types=types)
