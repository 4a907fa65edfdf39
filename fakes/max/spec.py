"""MAX's official Bot API schema as the fake MAX API's oracle: `spec/schema.yaml` is the OpenAPI
3.0 document of `max-messenger/max-bot-api-client-go` (Apache-2.0, `spec/LICENSE-max-bot-api-
schema`), unchanged; `patched` applies here, at load, the fixes without which it validates
nothing (docs/max-research.md, section 9):

1. two typos: a response code written as a number, a number default written as a string;
2. a base with a discriminator (`Update`, `AttachmentRequest`, `Button`…) becomes a choice
   of its kinds, each kind with the base's fields and its own value of the discriminator, so
   that `Update` no longer refers to itself through its kinds and a payload is checked as the
   kind it says it is;
3. `required` lists that MAX's own answers and official clients do not keep
   (`NOT_REQUIRED`) are relaxed;
4. what the bot sends (request bodies and everything in them) is closed: a field the schema
   does not name, a misspelt one, is refused.

Query parameters arrive as strings and are decoded by their declared type."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openapi_schema_validator import OAS30Validator

SCHEMA_PATH = Path(__file__).parent / "spec" / "schema.yaml"
SOURCE = "max-messenger/max-bot-api-client-go@e36cb5151c59180f39b7dbfafae73877e3031481"
SCHEMAS = "#/components/schemas/"

# Fields the schema requires that MAX leaves out (of its answers: the official Go client's
# recorded answers and updates; of requests: what the official clients send).
NOT_REQUIRED: dict[str, frozenset[str]] = {
    "NewMessageBody": frozenset({"text", "attachments", "link"}),
    "MessageBody": frozenset({"attachments", "link"}),
    "Recipient": frozenset({"user_id"}),
    "User": frozenset({"username", "last_name"}),
}


class MaxApiError(Exception):
    """An error answer of the MAX API: its HTTP status and the body MAX sends,
    `{"code": …, "message": …}`."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message

    def body(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


def bad_payload(message: str) -> MaxApiError:
    return MaxApiError(400, "proto.payload", message)


class SchemaMismatch(AssertionError):
    """What the fake itself produced does not fit the schema: a bug of the fake."""


@dataclass(frozen=True)
class Operation:
    method: str
    template: str  # as the schema writes it: /messages/{messageId}
    pattern: re.Pattern[str]
    spec: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.spec.get("operationId", f"{self.method} {self.template}"))


@dataclass(frozen=True)
class Request:
    """A call that fits the schema, with its path and query parameters decoded."""

    operation: Operation
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any


class MaxApiSpec:
    def __init__(self, path: Path = SCHEMA_PATH) -> None:
        document = patched(yaml.safe_load(path.read_text(encoding="utf-8")))
        self.version: str = document["info"]["version"]
        self.components: dict[str, Any] = document["components"]
        self.operations = [
            Operation(method.upper(), template, _path_pattern(template), operation)
            for template, methods in document["paths"].items()
            for method, operation in methods.items()
            if method in {"get", "post", "put", "patch", "delete"}
        ]

    def operation(self, method: str, path: str) -> tuple[Operation, dict[str, str]]:
        """The operation of a method and path, and the path's parameters; 404 when the path
        is not MAX's, 405 when it is but not with this method."""
        matched = False
        for operation in self.operations:
            found = operation.pattern.fullmatch(path)
            if found is None:
                continue
            matched = True
            if operation.method == method.upper():
                return operation, found.groupdict()
        if matched:
            raise MaxApiError(405, "method.not.allowed", f"Method {method} is not allowed")
        raise MaxApiError(404, "not.found", f"Path {path} is not found")

    def check_request(
        self, method: str, path: str, query: Mapping[str, str], body: Any | None
    ) -> Request:
        """Decode and validate a call: its path and query parameters and its JSON body; a
        call that does not fit is refused as MAX refuses it (400 `proto.payload`)."""
        operation, raw_path = self.operation(method, path)
        parameters = operation.spec.get("parameters", [])
        declared = {parameter["name"] for parameter in parameters if parameter["in"] == "query"}
        unknown = sorted(set(query) - declared)
        if unknown:
            raise bad_payload(f"Unknown parameter {unknown[0]!r} of {operation.name}")
        decoded: dict[str, dict[str, Any]] = {"path": {}, "query": {}}
        for parameter in parameters:
            place, name = parameter["in"], parameter["name"]
            given = raw_path if place == "path" else query if place == "query" else None
            if given is None:
                continue
            if name not in given:
                if parameter.get("required"):
                    raise bad_payload(f"Parameter {name!r} is required")
                continue
            value = _decode(given[name], parameter["schema"], self.components)
            self._refuse(parameter["schema"], value, f"parameter {name!r}")
            decoded[place][name] = value
        content = operation.spec.get("requestBody", {}).get("content", {})
        schema = content.get("application/json", {}).get("schema")
        if schema is None:
            if body is not None:
                raise bad_payload(f"{operation.name} takes no body")
        elif body is None:
            if operation.spec["requestBody"].get("required"):
                raise bad_payload("Request body is required")
        else:
            self._refuse(schema, body, "body")
        return Request(operation, decoded["path"], decoded["query"], body)

    def check_response(self, operation: Operation, status: int, body: Any) -> None:
        """The fake's own answer fits what the schema declares for that status."""
        responses = operation.spec.get("responses", {})
        response = responses.get(str(status))
        if response is None:
            raise SchemaMismatch(f"{operation.name} declares no {status} answer")
        schema = self._response(response).get("content", {}).get("application/json", {})
        if "schema" in schema:
            self.check(schema["schema"], body, f"{operation.name} {status}")

    def check(self, schema: Mapping[str, Any] | str, value: Any, what: str = "") -> None:
        """`value` fits the schema (or the named component); else `SchemaMismatch`."""
        errors = self.errors(schema, value)
        if errors:
            raise SchemaMismatch(f"{what or schema}: {errors[0]}")

    def errors(self, schema: Mapping[str, Any] | str, value: Any) -> list[str]:
        if isinstance(schema, str):
            schema = {"$ref": SCHEMAS + schema}
        validator = _validator(json.dumps(schema, sort_keys=True), id(self.components), self)
        return [_described(error) for error in validator.iter_errors(value)]

    def _refuse(self, schema: Mapping[str, Any], value: Any, what: str) -> None:
        errors = self.errors(schema, value)
        if errors:
            raise bad_payload(f"Invalid {what}: {errors[0]}")

    def _response(self, response: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in response:
            resolved: dict[str, Any] = self.components["responses"][response["$ref"].split("/")[-1]]
            return resolved
        return response


@cache
def _validator(schema: str, _components: int, spec: MaxApiSpec) -> OAS30Validator:
    return OAS30Validator({**json.loads(schema), "components": spec.components})


def _described(error: Any) -> str:
    where = "/".join(str(part) for part in error.absolute_path)
    return f"{where}: {error.message}" if where else str(error.message)


def _path_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    pattern = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>[^/]+)"
        for index, part in enumerate(parts)
    )
    return re.compile(pattern)


def _decode(raw: str, schema: Mapping[str, Any], components: Mapping[str, Any]) -> Any:
    """A query or path value by its declared type; what does not decode is left a string for
    the validator to refuse."""
    if "$ref" in schema:
        schema = components["schemas"][schema["$ref"].removeprefix(SCHEMAS)]
    kind = schema.get("type")
    if kind == "array":
        return [_decode(item, schema.get("items", {}), components) for item in raw.split(",")]
    if raw == "null" and schema.get("nullable"):
        return None
    if kind == "integer" and re.fullmatch(r"-?\d+", raw):
        return int(raw)
    if kind == "boolean" and raw in {"true", "false"}:
        return raw == "true"
    return raw


# --- the fixes ----------------------------------------------------------------------------------


def patched(document: dict[str, Any]) -> dict[str, Any]:
    """The schema with the fixes of this module's docstring, in a copy."""
    document = copy.deepcopy(document)
    _fix_typos(document)
    schemas = document["components"]["schemas"]
    for name in [name for name, schema in schemas.items() if _mapping(schema)]:
        _dispatch(schemas, name)
    for name, fields in NOT_REQUIRED.items():
        for part in _parts(schemas[name]):
            if "required" in part:
                part["required"] = [field for field in part["required"] if field not in fields]
                if not part["required"]:
                    del part["required"]
    for name in sorted(_sent(document)):
        schemas[name] = _closed(schemas, schemas[name])
    return document


def _fix_typos(document: dict[str, Any]) -> None:
    for methods in document["paths"].values():
        for operation in methods.values():
            if not isinstance(operation, dict):
                continue
            if "responses" in operation:
                operation["responses"] = {
                    str(code): answer for code, answer in operation["responses"].items()
                }
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if schema.get("type") == "integer" and isinstance(schema.get("default"), str):
                    schema["default"] = int(schema["default"])


def _mapping(schema: Mapping[str, Any]) -> dict[str, str]:
    mapping: dict[str, str] = schema.get("discriminator", {}).get("mapping", {})
    return mapping


def _dispatch(schemas: dict[str, Any], name: str) -> None:
    """A base with a discriminator becomes the choice of its kinds; the kinds take the base's
    fields from `<name>Base` and say which value of the discriminator is theirs."""
    base = schemas[name]
    field = base["discriminator"]["propertyName"]
    mapping = _mapping(base)
    schemas[f"{name}Base"] = {
        key: value for key, value in base.items() if key in {"type", "properties", "required"}
    }
    schemas[name] = {
        "description": base.get("description", name),
        "oneOf": [{"$ref": reference} for reference in mapping.values()],
    }
    for value, reference in mapping.items():
        kind = schemas[reference.removeprefix(SCHEMAS)]
        parts = kind.setdefault("allOf", [])
        for part in parts:
            if part.get("$ref") == SCHEMAS + name:
                part["$ref"] = f"{SCHEMAS}{name}Base"
        parts.append({"properties": {field: {"type": "string", "enum": [value]}}})
        parts.append({"required": [field]})


def _parts(schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield schema
    for part in schema.get("allOf", []):
        if "$ref" not in part:
            yield part


def _references(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        if isinstance(schema.get("$ref"), str):
            yield schema["$ref"].removeprefix(SCHEMAS)
        for value in schema.values():
            yield from _references(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _references(value)


def _sent(document: dict[str, Any]) -> set[str]:
    """The components a request body may contain."""
    schemas = document["components"]["schemas"]
    waiting = [
        reference
        for methods in document["paths"].values()
        for operation in methods.values()
        if isinstance(operation, dict)
        for reference in _references(operation.get("requestBody", {}))
    ]
    seen: set[str] = set()
    while waiting:
        name = waiting.pop()
        if name not in seen:
            seen.add(name)
            waiting.extend(_references(schemas[name]))
    return seen


def _closed(schemas: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """An object schema that refuses fields it does not name: its `allOf` parts merged into
    one (closing each part apart would refuse the other parts' fields)."""
    if "oneOf" in schema or ("properties" not in schema and "allOf" not in schema):
        return schema
    merged = {key: value for key, value in schema.items() if key != "allOf"}
    properties = dict(schema.get("properties", {}))
    required = list(schema.get("required", []))
    for part in schema.get("allOf", []):
        if "$ref" in part:
            part = _closed(schemas, schemas[part["$ref"].removeprefix(SCHEMAS)])
        for key, value in part.get("properties", {}).items():
            properties[key] = {**properties.get(key, {}), **value}
        required += [field for field in part.get("required", []) if field not in required]
        merged.update({key: value for key, value in part.items() if key in {"type"}})
    merged["properties"] = properties
    if required:
        merged["required"] = required
    merged["additionalProperties"] = False
    return merged


@cache
def load_spec() -> MaxApiSpec:
    return MaxApiSpec()
