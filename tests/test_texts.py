"""The texts module defines each name once: a second definition would silently replace the
first for every screen that uses it."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import bot.texts


def test_every_text_is_defined_once() -> None:
    tree = ast.parse(Path(bot.texts.__file__).read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    )
    assert [name for name, count in names.items() if count > 1] == []
