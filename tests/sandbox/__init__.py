"""Tests of the sandbox: `python -m sandbox` started as a user starts it, and its page driven in
a real headless Chromium. Both start the command through `start_sandbox` and read the address
it prints; it gives the sandbox a token of its own to call the local Bot API as the bot does."""

from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sandbox.__main__ import TOKEN_VARIABLE, new_token

ROOT = Path(__file__).resolve().parents[2]
ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)")
START_TIMEOUT = 90.0  # seconds; a loaded test machine imports aiogram slowly


@dataclass
class SandboxProcess:
    process: subprocess.Popen[str]
    line: str  # what it printed
    url: str
    port: int
    token: str  # the bot's, which the page never shows
    started_in: float  # seconds from the command to its address

    def stop(self, signum: int = signal.SIGINT, timeout: float = 30.0) -> int:
        """Send `signum` and wait for the exit; kill it (and fail) if it hangs."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"the sandbox did not stop within {timeout} s") from None


def start_sandbox(
    *arguments: str,
    env: dict[str, str] | None = None,
    stderr: IO[str] | None = None,
    command: tuple[str, ...] = (sys.executable, "-m", "sandbox"),
    cwd: Path = ROOT,
) -> SandboxProcess:
    """Run `python -m sandbox` (or another `command` that starts it) from the project's
    directory (or `cwd`); return once it printed its address (its standard error goes to
    `stderr`, or nowhere)."""
    token = new_token()
    started = time.monotonic()
    process = subprocess.Popen(
        [*command, *arguments],
        cwd=cwd,
        env={**(env if env is not None else os.environ), TOKEN_VARIABLE: token},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=stderr if stderr is not None else subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], START_TIMEOUT)
    line = process.stdout.readline() if ready else ""
    match = ADDRESS.search(line)
    if match is None:
        process.kill()
        process.wait()
        raise AssertionError(f"the sandbox printed no address in {START_TIMEOUT} s: {line!r}")
    return SandboxProcess(
        process=process,
        line=line,
        url=match.group(0),
        port=int(match.group(1)),
        token=token,
        started_in=time.monotonic() - started,
    )


def origin(url: str) -> str:
    """The origin of the page that `url` is on: "http://127.0.0.1:8081"."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def http(
    url: str,
    body: dict[str, Any] | None = None,
    timeout: float = 10.0,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """GET, or POST `body` as JSON from the page (with its Origin), or POST `data` with just
    these `headers`: the status, the headers and the body, errors included."""
    if body is not None:
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json", "Origin": origin(url), **(headers or {})}
    request = urllib.request.Request(  # noqa: S310 - the sandbox on 127.0.0.1
        url, data=data, headers=headers or {}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def http_json(url: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    status, _headers, content = http(url, body)
    return status, json.loads(content)
