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
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema.exceptions import ValidationError, best_match
from openapi_schema_validator import OAS30Validator, oas30_format_checker

SCHEMA_PATH = Path(__file__).parent / "spec" / "schema.yaml"
SOURCE = "max-messenger/max-bot-api-client-go@e36cb5151c59180f39b7dbfafae73877e3031481"
SCHEMAS = "#/components/schemas/"
REQUEST = "Request"  # the suffix of a closed copy: `NewMessageBodyRequest`

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
        self._validators: dict[str, OAS30Validator] = {}
        self.operations = [
            Operation(method.upper(), template, _path_pattern(template), operation)
            for template, methods in document["paths"].items()
            for method, operation in methods.items()
            if method in {"get", "post", "put", "patch", "delete"}
        ]

    def operation(self, method: str, path: str) -> tuple[Operation, dict[str, Any]]:
        """The operation of a method and path, and the path's parameters decoded (of two
        templates that match, `/chats/{chatId}` and `/chats/{chatLink}`, the one whose
        parameters fit); 404 when the path is not MAX's, 405 when it is but not with this
        method."""
        matched = False
        refused: MaxApiError | None = None
        for operation in self.operations:
            found = operation.pattern.fullmatch(path)
            if found is None:
                continue
            matched = True
            if operation.method != method.upper():
                continue
            try:
                return operation, self._parameters(operation, "path", found.groupdict())
            except MaxApiError as error:
                refused = refused or error
        if refused is not None:
            raise refused
        if matched:
            raise MaxApiError(405, "method.not.allowed", f"Method {method} is not allowed")
        raise MaxApiError(404, "not.found", f"Path {path} is not found")

    def check_request(
        self, method: str, path: str, query: Mapping[str, str], body: Any | None
    ) -> Request:
        """Decode and validate a call: its path and query parameters and its JSON body; a
        call that does not fit is refused as MAX refuses it (400 `proto.payload`)."""
        operation, path_parameters = self.operation(method, path)
        parameters = operation.spec.get("parameters", [])
        declared = {parameter["name"] for parameter in parameters if parameter["in"] == "query"}
        unknown = sorted(set(query) - declared)
        if unknown:
            raise bad_payload(f"Unknown parameter {unknown[0]!r} of {operation.name}")
        query_parameters = self._parameters(operation, "query", query)
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
        if not isinstance(body, dict | None):
            raise bad_payload("Body must be a JSON object")
        return Request(operation, path_parameters, query_parameters, body)

    def _parameters(
        self, operation: Operation, place: str, given: Mapping[str, str]
    ) -> dict[str, Any]:
        """The operation's path or query parameters, decoded and checked."""
        decoded: dict[str, Any] = {}
        for parameter in operation.spec.get("parameters", []):
            if parameter["in"] != place:
                continue
            name = parameter["name"]
            if name not in given:
                if parameter.get("required"):
                    raise bad_payload(f"Parameter {name!r} is required")
                continue
            value = _decode(given[name], parameter["schema"], self.components)
            self._refuse(parameter["schema"], value, f"parameter {name!r}")
            decoded[name] = value
        return decoded

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
        """What does not fit, the most telling first (inside a choice of kinds, the errors of
        the kind the value is closest to)."""
        if isinstance(schema, str):
            schema = {"$ref": SCHEMAS + schema}
        key = json.dumps(schema, sort_keys=True)
        validator = self._validators.get(key)
        if validator is None:
            validator = OAS30Validator(
                {**schema, "components": self.components}, format_checker=oas30_format_checker
            )
            self._validators[key] = validator
        found = list(validator.iter_errors(value))
        first = best_match(found)
        telling = [_of_its_kind(first)] if first is not None else []
        return [_described(error) for error in telling + found]

    def _refuse(self, schema: Mapping[str, Any], value: Any, what: str) -> None:
        errors = self.errors(schema, value)
        if errors:
            raise bad_payload(f"Invalid {what}: {errors[0]}")

    def _response(self, response: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in response:
            resolved: dict[str, Any] = self.components["responses"][response["$ref"].split("/")[-1]]
            return resolved
        return response


def _of_its_kind(error: ValidationError) -> ValidationError:
    """Inside a choice of kinds, the error of the kind the value says it is (the one branch
    whose discriminator it does not contradict), rather than "valid under none"."""
    while error.validator == "oneOf" and error.context:
        branches: dict[Any, list[ValidationError]] = defaultdict(list)
        for inner in error.context:
            branches[inner.schema_path[0]].append(inner)
        fitting = [
            errors
            for errors in branches.values()
            if not any(inner.validator == "enum" and len(inner.path) == 1 for inner in errors)
        ]
        if len(fitting) != 1:
            break
        error = best_match(fitting[0]) or fitting[0][0]
    return error


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
    if raw == "null" and schema.get("nullable"):
        return None
    if kind == "array":
        return [_decode(item, schema.get("items", {}), components) for item in raw.split(",")]
    if kind == "integer" and re.fullmatch(r"-?[0-9]+", raw):
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
    kinds: set[str] = set()
    for name in [name for name, schema in schemas.items() if _mapping(schema)]:
        _dispatch(schemas, name, kinds)
    for name, fields in NOT_REQUIRED.items():
        for part in _parts(schemas[name]):
            if "required" in part:
                part["required"] = [field for field in part["required"] if field not in fields]
                if not part["required"]:
                    del part["required"]
    _nullable_references(schemas)
    # What the bot sends is checked against closed copies (`<Name>Request`); MAX's answers,
    # which may carry fields newer than the schema, against the open originals.
    sent = _sent(document)
    for name in sent:
        schemas[name + REQUEST] = _renamed(copy.deepcopy(schemas[name]), sent)
    for name in sorted(sent):
        schemas[name + REQUEST] = _closed(schemas, schemas[name + REQUEST])
    for methods in document["paths"].values():
        for operation in methods.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                operation["requestBody"] = _renamed(operation["requestBody"], sent)
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


def _dispatch(schemas: dict[str, Any], name: str, kinds: set[str]) -> None:
    """A base with a discriminator becomes the choice of its kinds; the kinds take the base's
    fields from `<name>Base` and say which value of the discriminator is theirs (`kinds`: the
    kinds seen so far, none of which may have two bases)."""
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
        assert reference not in kinds, f"{reference} is a kind of two bases"
        kinds.add(reference)
        kind = schemas[reference.removeprefix(SCHEMAS)]
        parts = kind.setdefault("allOf", [])
        for part in parts:
            if part.get("$ref") == SCHEMAS + name:
                part["$ref"] = f"{SCHEMAS}{name}Base"
        parts.append({"properties": {field: {"type": "string", "enum": [value]}}})
        parts.append({"required": [field]})


def _nullable_references(schema: Any) -> None:
    """`nullable` beside an `allOf` of a reference (`format`, `link`…) lets null through,
    which OpenAPI 3.0 validators apply only beside a `type`."""
    if isinstance(schema, dict):
        for value in schema.values():
            _nullable_references(value)
        if schema.get("nullable") and "allOf" in schema and "type" not in schema:
            schema["anyOf"] = [{"allOf": schema.pop("allOf")}, {"enum": [None]}]
            del schema["nullable"]
    elif isinstance(schema, list):
        for value in schema:
            _nullable_references(value)


def _renamed(schema: Any, names: set[str]) -> Any:
    """The schema with its references to `names` turned to their `<Name>Request` copies."""
    if isinstance(schema, dict):
        reference = schema.get("$ref")
        if isinstance(reference, str) and reference.removeprefix(SCHEMAS) in names:
            return {**schema, "$ref": reference + REQUEST}
        return {key: _renamed(value, names) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_renamed(value, names) for value in schema]
    return schema


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
    merged.setdefault("type", "object")
    merged["additionalProperties"] = False
    return merged


@cache
def load_spec() -> MaxApiSpec:
    return MaxApiSpec()
