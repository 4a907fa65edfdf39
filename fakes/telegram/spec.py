"""Validation of every call against the official Bot API spec (`spec/bot-api-10.1.json`, MIT):
the method must exist, required parameters be present, no unknown parameter be sent, and each
value have one of the declared types (objects checked field by field, recursively).

Form-encoded values arrive as strings; they are decoded here by the declared type (numbers,
booleans, JSON-serialised objects and arrays) so handlers see typed values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fakes.telegram.errors import ApiError, bad_request

SPEC_PATH = Path(__file__).parent / "spec" / "bot-api-10.1.json"


@dataclass(frozen=True)
class Upload:
    """A file sent in a multipart request."""

    filename: str
    content: bytes
    content_type: str


class _Mismatch(Exception):
    pass


class BotApiSpec:
    def __init__(self, path: Path = SPEC_PATH) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.version: str = data["version"]
        self.methods: dict[str, dict[str, Any]] = data["methods"]
        self.types: dict[str, dict[str, Any]] = data["types"]
        self._method_names = {name.lower(): name for name in self.methods}

    def method_name(self, requested: str) -> str | None:
        """Telegram method names are case-insensitive."""
        return self._method_names.get(requested.lower())

    def check_call(
        self, method: str, raw: dict[str, Any], uploads: dict[str, Upload]
    ) -> dict[str, Any]:
        """Decode and validate the parameters of a call; raise `ApiError` 400 when wrong."""
        fields = {field["name"]: field for field in self.methods[method].get("fields", [])}
        unknown = sorted(set(raw) - set(fields) - set(uploads))
        if unknown:
            raise bad_request(f"unknown parameter {unknown[0]!r} for method {method}")
        params: dict[str, Any] = {}
        for name, field in fields.items():
            if name not in raw:
                if field["required"]:
                    raise bad_request(f"parameter {name!r} is required")
                continue
            try:
                params[name] = self._decode(raw[name], field["types"], uploads, name)
            except _Mismatch as error:
                raise bad_request(f"wrong type of parameter {name!r}: {error}") from None
        return params

    def _decode(self, value: Any, types: list[str], uploads: dict[str, Upload], where: str) -> Any:
        problems: list[str] = []
        # Try the more specific types first: "123" is an Integer before it is a String.
        for declared in sorted(types, key=lambda item: item == "String"):
            try:
                return self._as_type(value, declared, uploads, where)
            except _Mismatch as error:
                problems.append(str(error))
        raise _Mismatch("; ".join(problems))

    def _as_type(self, value: Any, declared: str, uploads: dict[str, Upload], where: str) -> Any:
        if declared.startswith("Array of "):
            if isinstance(value, str):
                value = _json(value, where)
            if not isinstance(value, list):
                raise _Mismatch(f"{where}: expected an array")
            inner = declared.removeprefix("Array of ")
            return [
                self._as_type(item, inner, uploads, f"{where}[{index}]")
                for index, item in enumerate(value)
            ]
        if declared == "Integer":
            if isinstance(value, bool):
                raise _Mismatch(f"{where}: expected an integer")
            if isinstance(value, int):
                return value
            if isinstance(value, str) and value.lstrip("-").isdigit():
                return int(value)
            raise _Mismatch(f"{where}: expected an integer")
        if declared == "Float":
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
            try:
                return float(value)
            except (TypeError, ValueError):
                raise _Mismatch(f"{where}: expected a number") from None
        if declared == "Boolean":
            if isinstance(value, bool):
                return value
            if value in ("true", "True", "1"):
                return True
            if value in ("false", "False", "0"):
                return False
            raise _Mismatch(f"{where}: expected a boolean")
        if declared == "String":
            if isinstance(value, str):
                return value
            raise _Mismatch(f"{where}: expected a string")
        if declared == "InputFile":
            if isinstance(value, Upload):
                return value
            if isinstance(value, str) and value.startswith("attach://"):
                upload = uploads.get(value.removeprefix("attach://"))
                if upload is None:
                    raise _Mismatch(f"{where}: attached file not found")
                return upload
            raise _Mismatch(f"{where}: expected a file")
        return self._as_object(value, declared, uploads, where)

    def _as_object(
        self, value: Any, declared: str, uploads: dict[str, Upload], where: str
    ) -> dict[str, Any]:
        spec = self.types.get(declared)
        if spec is None:
            raise _Mismatch(f"{where}: unknown type {declared}")
        if isinstance(value, str):
            value = _json(value, where)
        if not isinstance(value, dict):
            raise _Mismatch(f"{where}: expected {declared}")
        if "subtypes" in spec:
            problems = []
            for subtype in spec["subtypes"]:
                try:
                    return self._as_object(value, subtype, uploads, where)
                except _Mismatch as error:
                    problems.append(str(error))
            raise _Mismatch(f"{where}: matches no kind of {declared} ({'; '.join(problems)})")
        fields = {field["name"]: field for field in spec.get("fields", [])}
        unknown = sorted(set(value) - set(fields))
        if unknown:
            raise _Mismatch(f"{where}: unknown field {unknown[0]!r} of {declared}")
        result: dict[str, Any] = {}
        for name, field in fields.items():
            if name not in value:
                if field["required"]:
                    raise _Mismatch(f"{where}: field {name!r} of {declared} is required")
                continue
            result[name] = self._decode(value[name], field["types"], uploads, f"{where}.{name}")
        _check_constant_type(declared, spec, result, where)
        return result


def _check_constant_type(
    declared: str, spec: dict[str, Any], value: dict[str, Any], where: str
) -> None:
    """Kinds of an abstract type are told apart by `type` ("must be chat", "always …")."""
    for field in spec.get("fields", []):
        if field["name"] != "type":
            continue
        text = str(field.get("description", ""))
        for marker in ("must be ", "always "):
            if marker in text:
                expected = text.split(marker, 1)[1].split()[0].strip('“”".,')
                if value.get("type") != expected:
                    raise _Mismatch(f"{where}: type of {declared} must be {expected!r}")


def _json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise _Mismatch(f"{where}: not valid JSON") from None


@cache
def load_spec() -> BotApiSpec:
    return BotApiSpec()


__all__ = ["ApiError", "BotApiSpec", "Upload", "load_spec"]
