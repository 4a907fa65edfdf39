"""Every message template, its fields filled, is HTML that Telegram accepts (the strict fake's
parser is Telegram's rules), and no name is defined twice in a text module: a second definition
would silently replace the first for every screen that uses it."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import bot.texts
from fakes.telegram import ApiError, parse_html

MODULES = [
    importlib.import_module(f"bot.texts.{item.name}")
    for item in pkgutil.iter_modules(bot.texts.__path__)
]


def templates(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from templates(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from templates(item)


def filled(template: str) -> str:
    """The template with a word in each text field and a number in each numeric one."""
    values: dict[str, object] = {}
    for _, field, spec, _ in string.Formatter().parse(template):
        if field:
            numeric = bool(spec) and str(spec)[-1] in "dfgn%"
            values[field.split(".")[0].split("[")[0]] = 1 if numeric else "x"
    return template.format_map(values)


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_every_template_is_html_telegram_accepts(module: ModuleType) -> None:
    for name, value in vars(module).items():
        if name.startswith("_") or not name.isupper():
            continue
        for template in templates(value):
            try:
                parse_html(filled(template))
            except ApiError as error:  # pragma: no cover - the failure message
                raise AssertionError(f"{module.__name__}.{name}: {error}") from None


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_every_text_is_defined_once(module: ModuleType) -> None:
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    )
    assert [name for name, count in names.items() if count > 1] == []
