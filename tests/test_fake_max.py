"""The fake MAX API's oracle (`fakes/max/spec.py`): MAX's official schema, patched, accepts
what MAX sends (the official Go client's recorded answers and updates) and refuses what MAX
refuses: a misspelt or unknown field, a wrong type, an update that is not the kind it says, a
missing parameter, an unknown path or method."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from fakes.max.spec import SCHEMA_PATH, MaxApiError, MaxApiSpec, SchemaMismatch, load_spec

RECORDED = Path(__file__).parent / "fixtures" / "max"
KEYBOARD = {
    "type": "inline_keyboard",
    "payload": {"buttons": [[{"type": "callback", "text": "Да", "payload": "yes"}]]},
}


@pytest.fixture(scope="module")
def spec() -> MaxApiSpec:
    return load_spec()


@pytest.mark.parametrize(
    ("recorded", "schema"),
    [
        ("update.message_created.json", "UpdateList"),
        ("update.message_callback.json", "UpdateList"),
        ("update.bot_started.json", "UpdateList"),
        ("update.bot_stopped.json", "UpdateList"),
        ("botInfo.ok.json", "BotInfo"),
        ("error.attachment.not.ready.json", "Error"),
    ],
)
def test_what_max_sends_fits_the_patched_schema(spec: MaxApiSpec, recorded: str, schema: str):
    spec.check(schema, json.loads((RECORDED / recorded).read_text(encoding="utf-8")))


def test_the_schema_as_published_does_not_validate_an_update() -> None:
    """Why the patch exists: `Update` refers to itself through its kinds."""
    from openapi_schema_validator import OAS30Validator

    document = yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))
    update = json.loads((RECORDED / "update.bot_started.json").read_text())["updates"][0]
    validator = OAS30Validator(
        {"$ref": "#/components/schemas/Update", "components": document["components"]}
    )
    with pytest.raises(RecursionError):
        validator.validate(update)


def test_an_update_is_checked_as_the_kind_it_says(spec: MaxApiSpec) -> None:
    update = json.loads((RECORDED / "update.message_created.json").read_text())["updates"][0]
    spec.check("Update", update)
    with pytest.raises(SchemaMismatch):
        spec.check("Update", {**update, "update_type": "message_callback"})
    with pytest.raises(SchemaMismatch):
        spec.check("Update", {**update, "update_type": "no_such_kind"})
    without_message = {key: value for key, value in update.items() if key != "message"}
    with pytest.raises(SchemaMismatch):
        spec.check("Update", without_message)


def test_a_message_the_bot_sends(spec: MaxApiSpec) -> None:
    request = spec.check_request(
        "POST", "/messages", {"user_id": "42"}, {"text": "Привет", "attachments": [KEYBOARD]}
    )
    assert request.operation.name == "sendMessage"
    assert request.query == {"user_id": 42}
    spec.check_request("POST", "/messages", {"chat_id": "7"}, {"text": "Без кнопок"})


@pytest.mark.parametrize(
    ("query", "body", "refused"),
    [
        ({"user_id": "42"}, {"txt": "опечатка"}, "'txt' was unexpected"),
        ({"user_id": "42"}, {"text": 5}, "is not of type 'string'"),
        ({"user_id": "42"}, {"text": "я" * 4001}, "is too long"),
        ({"user_id": "сорок"}, {"text": "Привет"}, "parameter 'user_id'"),
        ({"user": "42"}, {"text": "Привет"}, "Unknown parameter 'user'"),
        ({"user_id": "42"}, None, "Request body is required"),
        (
            {"user_id": "42"},
            {"text": "Привет", "attachments": [{**KEYBOARD, "type": "keyboard"}]},
            "not valid under any of the given schemas",
        ),
        (
            {"user_id": "42"},
            {
                "attachments": [
                    {
                        "type": "inline_keyboard",
                        "payload": {"buttons": [[{"type": "callback", "txt": "Да"}]]},
                    }
                ]
            },
            "not valid under any of the given schemas",
        ),
    ],
)
def test_a_call_max_would_refuse(spec: MaxApiSpec, query, body, refused: str) -> None:
    with pytest.raises(MaxApiError) as error:
        spec.check_request("POST", "/messages", query, body)
    assert (error.value.status, error.value.code) == (400, "proto.payload")
    assert refused in error.value.message


def test_paths_methods_and_required_parameters(spec: MaxApiSpec) -> None:
    operation, path = spec.operation("GET", "/messages/mid.00ab")
    assert (operation.name, path) == ("getMessageById", {"messageId": "mid.00ab"})
    with pytest.raises(MaxApiError) as error:
        spec.check_request("PUT", "/messages", {}, {"text": "Правка"})
    assert "'message_id' is required" in error.value.message
    with pytest.raises(MaxApiError) as error:
        spec.operation("PATCH", "/messages")
    assert error.value.status == 405
    with pytest.raises(MaxApiError) as error:
        spec.operation("GET", "/sendMessage")
    assert error.value.status == 404
    polling = spec.check_request(
        "GET", "/updates", {"timeout": "30", "marker": "17", "types": "message_created"}, None
    )
    assert polling.query == {"timeout": 30, "marker": 17, "types": ["message_created"]}


def test_the_fakes_own_answers_are_checked(spec: MaxApiSpec) -> None:
    operation, _ = spec.operation("POST", "/answers")
    spec.check_response(operation, 200, {"success": True})
    with pytest.raises(SchemaMismatch):
        spec.check_response(operation, 200, {"success": "да"})
    with pytest.raises(SchemaMismatch):
        spec.check_response(operation, 418, {})
