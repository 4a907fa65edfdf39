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

RECORDED = Path(__file__).parent / "recorded"


def button(fields: dict[str, object]) -> dict[str, object]:
    return {"type": "inline_keyboard", "payload": {"buttons": [[fields]]}}


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
    spec.check_request("POST", "/messages", {"user_id": "42"}, {"text": "Ж", "format": None})


def test_what_max_answers_may_carry_fields_newer_than_the_schema(spec: MaxApiSpec) -> None:
    """Only what the bot sends is closed: a button of a received keyboard may say more."""
    update = json.loads((RECORDED / "update.message_created.json").read_text())["updates"][0]
    update["message"]["body"]["attachments"] = [
        button({"type": "callback", "text": "Да", "payload": "yes", "intent": "positive"})
    ]
    spec.check("Update", update)


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
            "attachments/0: ",
        ),
        (
            {"user_id": "42"},
            {"attachments": [button({"type": "callback", "text": "Да", "payload": "x", "c": 1})]},
            "buttons/0/0: Additional properties are not allowed ('c' was unexpected)",
        ),
        (
            {"user_id": "42"},
            {"attachments": [button({"type": "link", "text": "Сайт", "payload": "x"})]},
            "buttons/0/0: 'url' is a required property",
        ),
        ({"user_id": "42"}, [{"text": "Привет"}], "is not of type 'object'"),
        ({"user_id": "99999999999999999999"}, {"text": "Привет"}, "is not a 'int64'"),
        ({"user_id": "٣"}, {"text": "Привет"}, "is not of type 'integer'"),
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
    # /chats/{chatId} and /chats/{chatLink} match alike: the parameter's type chooses
    assert spec.operation("GET", "/chats/-5")[0].name == "getChat"
    assert spec.operation("GET", "/chats/school_7")[0].name == "getChatByLink"
    polling = spec.check_request(
        "GET", "/updates", {"timeout": "30", "marker": "17", "types": "message_created"}, None
    )
    assert polling.query == {"timeout": 30, "marker": 17, "types": ["message_created"]}
    assert spec.check_request("GET", "/updates", {"marker": "null"}, None).query == {"marker": None}


def test_the_fakes_own_answers_are_checked(spec: MaxApiSpec) -> None:
    operation, _ = spec.operation("POST", "/answers")
    spec.check_response(operation, 200, {"success": True})
    with pytest.raises(SchemaMismatch):
        spec.check_response(operation, 200, {"success": "да"})
    with pytest.raises(SchemaMismatch):
        spec.check_response(operation, 418, {})
