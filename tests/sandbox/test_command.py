"""`python -m sandbox` as a new user runs it: one line with the address, the page served within
seconds by the bot running against the local Bot API, nothing listening but that address, and
SIGINT or SIGTERM leaving nothing behind (no process, the port closed, the temporary database
removed) even while the page waits on a chat. And the page's JSON API, which checks its input
and answers only to the page itself."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.instances import free_port
from tests.sandbox import ROOT, SandboxProcess, http, http_json, origin, start_sandbox

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="проверка сокетов и процессов читает /proc (Linux)"
)
# The environment of someone who runs the bot for real: the sandbox must use none of it.
FOREIGN_SETTINGS = {
    "BOT_TOKEN": "not-a-token",
    "TELEGRAM_API_URL": "https://api.telegram.org",
    "DATABASE_URL": "postgresql+asyncpg://nobody@203.0.113.1/production",
    "REDIS_URL": "redis://203.0.113.1:6379/0",
    "BOT_MODE": "webhook",
    "LOG_FORMAT": "json",
}


def listening(pid: int) -> list[tuple[str, int]]:
    """The TCP addresses the process listens on (from /proc: its sockets in state LISTEN)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except FileNotFoundError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    found = []
    for table, width in (("tcp", 8), ("tcp6", 32)):
        lines = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state != "0A" or inode not in inodes:  # 0A: LISTEN
                continue
            address, port = local.split(":")
            if width == 8:
                host = ".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0))
            else:
                host = address  # any IPv6 socket would be a failure anyway
            found.append((host, int(port, 16)))
    return found


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for_greeting(sandbox: SandboxProcess, timeout: float = 60.0) -> int:
    """The bot answered the curator's /start: it runs and talks to the local Bot API."""
    _status, people = http_json(f"{sandbox.url}/sandbox/api/people")
    curator = next(p for p in people["people"] if p["role"] == "curator")["telegram_id"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _status, chat = http_json(f"{sandbox.url}/sandbox/api/chats/{curator}")
        if any(message["from_bot"] for message in chat["messages"]):
            return int(curator)
        time.sleep(0.2)
    raise AssertionError("the bot did not answer /start")


MODULE = (sys.executable, "-m", "sandbox")
README_COMMAND = ("bash", "scripts/run.sh")  # the README's first: no settings → the sandbox


@pytest.mark.parametrize(
    ("signum", "command"),
    [("SIGINT", MODULE), ("SIGTERM", MODULE), ("SIGINT", README_COMMAND)],
    ids=["module-SIGINT", "module-SIGTERM", "readme-command-SIGINT"],
)
def test_the_sandbox_serves_its_page_and_stops_leaving_nothing(
    signum: str,
    command: tuple[str, ...],
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    if command == README_COMMAND:
        if (ROOT / ".env").exists():
            pytest.skip(".env exists here: scripts/run.sh would start the real bot")
        # a new user has no settings at all
        env = {k: v for k, v in os.environ.items() if k not in FOREIGN_SETTINGS}
    else:
        env = {**os.environ, **FOREIGN_SETTINGS}  # the sandbox ignores the operator's settings
    env["TMPDIR"] = str(temporary)
    log = tmp_path_factory.mktemp("logs") / "stderr.txt"
    port = free_port()
    started = time.monotonic()
    with log.open("w") as stderr:
        sandbox = start_sandbox("--port", str(port), env=env, stderr=stderr, command=command)
        try:
            assert sandbox.url == f"http://127.0.0.1:{port}"
            status, headers, page = http(sandbox.url + "/")
            served_in = time.monotonic() - started
            assert status == 200, page
            assert headers["Content-Type"].startswith("text/html")
            assert "<title>Наставник — песочница</title>" in page.decode()
            for asset in ("/static/chat.css", "/static/chat.js"):
                assert http(sandbox.url + asset)[0] == 200
            curator = wait_for_greeting(sandbox)
            ready_in = time.monotonic() - started
            print(
                f"\n{signum}: address printed after {sandbox.started_in:.2f} s, page served "
                f"after {served_in:.2f} s, the bot answering after {ready_in:.2f} s"
            )
            assert served_in < 30

            pid = sandbox.process.pid
            assert listening(pid) == [("127.0.0.1", port)]  # the page and the Bot API only
            assert children(pid) == []  # everything runs in the one process
            (database_directory,) = temporary.iterdir()
            assert database_directory.name.startswith("nastavnik-sandbox-")

            # A page waiting on a chat does not hold the stop up.
            _status, chat = http_json(f"{sandbox.url}/sandbox/api/chats/{curator}")
            waiting = threading.Thread(
                target=http,
                args=(
                    f"{sandbox.url}/sandbox/api/chats/{curator}?after={chat['version']}&wait=25",
                ),
                kwargs={"timeout": 40},
            )
            waiting.start()
            time.sleep(0.3)
            stopping = time.monotonic()
            returncode = sandbox.stop(getattr(signal, signum))
            stopped_in = time.monotonic() - stopping
            waiting.join(5)
        finally:
            sandbox.stop(signal.SIGKILL)
    print(f"{signum}: stopped in {stopped_in:.2f} s")
    assert returncode == 0, log.read_text()
    assert stopped_in < 15
    assert not waiting.is_alive()
    assert not alive(pid)
    assert not port_open(port)
    assert list(temporary.iterdir()) == []  # the temporary database is gone
    assert sandbox.process.stdout is not None
    assert sandbox.process.stdout.read() == ""  # one line in all
    assert "Traceback" not in log.read_text()


def test_a_database_given_is_new_and_kept(tmp_path: Path) -> None:
    database = tmp_path / "demo" / "sandbox.db"
    sandbox = start_sandbox("--port", "0", "--database", str(database))
    try:
        wait_for_greeting(sandbox)
    finally:
        assert sandbox.stop(signal.SIGTERM) == 0
    with sqlite3.connect(database) as connection:
        (people,) = connection.execute("SELECT count(*) FROM people").fetchone()
    assert people >= 12

    again = start_sandbox_fails("--database", str(database))
    assert again.returncode == 2
    assert "уже есть" in again.stderr


def test_a_busy_port_is_one_clear_line() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = start_sandbox_fails("--port", str(busy.getsockname()[1]))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Не удалось запустить песочницу")
    assert result.stdout == ""


def start_sandbox_fails(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sandbox", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxProcess]:
    running = start_sandbox("--port", "0")
    yield running
    assert running.stop(signal.SIGINT) == 0


def test_reminders_arrive_live(sandbox: SandboxProcess) -> None:
    """The scheduler's reminders (due ones of the demo school: meetings, deadlines, digests)
    reach the chats while the page watches, after each person's greeting."""
    _status, people = http_json(f"{sandbox.url}/sandbox/api/people")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        for person in people["people"]:
            _status, chat = http_json(f"{sandbox.url}/sandbox/api/chats/{person['telegram_id']}")
            if sum(message["from_bot"] for message in chat["messages"]) >= 2:
                return
        time.sleep(0.5)
    raise AssertionError("no reminder reached any chat")


def upload(url: str, filename: str, content: bytes, content_type: str) -> tuple[int, Any]:
    """POST one file as the page's form does (multipart/form-data)."""
    boundary = "sandbox-test-boundary"
    body = (
        (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": origin(url)}
    request = urllib.request.Request(  # noqa: S310 - the sandbox on 127.0.0.1
        url, data=body, headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


BOT_API_PATH = re.compile(r"/bot\d+:")  # what would give the token away


def uploaded(chat_url: str, kind: str, file_name: str | None = None) -> dict[str, Any]:
    """The person's own newest message carrying this kind of file (and name)."""
    _status, chat = http_json(chat_url)
    for message in reversed(chat["messages"]):
        attached = message.get(kind)
        if not message["from_bot"] and attached and file_name in {None, attached.get("file_name")}:
            return dict(attached)
    raise AssertionError(f"no {kind} {file_name or ''} in the chat")


def test_the_page_api_checks_what_it_is_given(sandbox: SandboxProcess) -> None:
    api = f"{sandbox.url}/sandbox/api"
    status, people = http_json(f"{api}/people")
    assert status == 200
    roles = {person["role"] for person in people["people"]}
    assert roles == {"admin", "curator", "mentor", "mentee"}
    assert sandbox.token not in str(people)
    assert not BOT_API_PATH.search(str(people))
    status, guest = http_json(f"{api}/people", {})
    assert status == 201
    assert guest["role"] == "guest"
    chat_url = f"{api}/chats/{guest['telegram_id']}"

    assert http_json(f"{api}/chats/42") == (404, {"error": "Нет такого человека в песочнице."})
    assert http_json(f"{chat_url}/messages", {"text": "  "})[0] == 400
    assert http_json(f"{chat_url}/messages", {"text": "я" * 4097})[0] == 400
    assert http_json(f"{chat_url}/messages", {"words": "нет"})[0] == 400
    assert http_json(f"{chat_url}/press", {"message_id": 1, "callback_data": "forged"})[0] == 400
    assert http_json(f"{chat_url}?after=abc")[0] == 400
    assert http_json(f"{api}/files/file-999999")[0] == 404
    assert upload(f"{chat_url}/files", "пусто.txt", b"", "text/plain")[0] == 400

    # A chat nobody writes to: the long poll waits, then answers with the same version.
    status, chat = http_json(chat_url)
    assert (status, chat["messages"]) == (200, [])
    started = time.monotonic()
    status, same = http_json(f"{chat_url}?after={chat['version']}&wait=1")
    assert (status, same["version"]) == (200, chat["version"])
    assert 0.9 < time.monotonic() - started < 10
    assert sandbox.token not in str(chat)
    assert not BOT_API_PATH.search(str(chat))

    # Files are downloaded by their id with their own name; only images are shown inline.
    page = b"<script>alert(1)</script>"
    assert upload(f"{chat_url}/files", "список педагогов.html", page, "text/html")[0] == 200
    document = uploaded(chat_url, "document", "список педагогов.html")
    status, headers, content = http(f"{api}/files/{document['file_id']}?inline=1")
    assert (status, content) == (200, page)
    assert headers["Content-Disposition"] == (
        'attachment; filename="______ _________.html"; '
        "filename*=UTF-8''%D1%81%D0%BF%D0%B8%D1%81%D0%BE%D0%BA%20%D0%BF%D0%B5%D0%B4%D0%B0"
        "%D0%B3%D0%BE%D0%B3%D0%BE%D0%B2.html"
    )

    # A type with parameters is served as such; only inline=1 shows an image in the page.
    note = "Заметка урока".encode()
    assert upload(f"{chat_url}/files", "заметка.txt", note, "text/plain; charset=utf-8")[0] == 200
    png = b"\x89PNG\r\n\x1a\n" + bytes(24)
    assert upload(f"{chat_url}/files", "доска.png", png, "image/png")[0] == 200
    # the bot answers each upload when it gets to it: files are found by name, not by place
    note_id = uploaded(chat_url, "document", "заметка.txt")["file_id"]
    status, headers, content = http(f"{api}/files/{note_id}")
    assert (status, headers["Content-Type"], content) == (200, "text/plain; charset=utf-8", note)
    photo_id = uploaded(chat_url, "photo")["file_id"]
    for query, disposition in (
        ("?inline=1", "inline"),
        ("?inline=0", "attachment"),
        ("", "attachment"),
    ):
        status, headers, content = http(f"{api}/files/{photo_id}{query}")
        assert (status, headers["Content-Type"], content) == (200, "image/png", png)
        assert headers["Content-Disposition"].startswith(f"{disposition};"), query


def test_other_sites_cannot_drive_the_sandbox(sandbox: SandboxProcess) -> None:
    """CSRF and DNS rebinding: only the page on 127.0.0.1 or localhost may use the API, and the
    Bot API beside it answers to no other Host either."""
    api = f"{sandbox.url}/sandbox/api"
    _status, before = http_json(f"{api}/people")
    json_body = b'{"text": "hi"}'
    as_json = {"Content-Type": "application/json"}
    # no Origin, a foreign one, or a cross-site fetch
    assert http(f"{api}/people", data=b"{}", headers=as_json)[0] == 403
    for headers in (
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "http://evil.example", "Sec-Fetch-Site": "same-origin"},
    ):
        status, _headers, content = http(f"{api}/people", data=b"{}", headers=as_json | headers)
        assert status == 403, headers
        assert json.loads(content) == {"error": "Запрос пришёл не со страницы песочницы."}
    # a body a cross-site form could send without a preflight
    admin = before["people"][0]["telegram_id"]
    own = {"Origin": sandbox.url}
    for content_type in ("text/plain", "application/x-www-form-urlencoded"):
        status, _headers, content = http(
            f"{api}/chats/{admin}/messages",
            data=json_body,
            headers=own | {"Content-Type": content_type},
        )
        assert status == 415, content_type
        assert "application/json" in json.loads(content)["error"]
    status, _headers, _content = http(
        f"{api}/chats/{admin}/files", data=json_body, headers=own | as_json
    )
    assert status == 415
    _status, after = http_json(f"{api}/people")
    assert len(after["people"]) == len(before["people"])  # nobody was added
    _status, chat = http_json(f"{api}/chats/{admin}")
    assert all(message.get("text") != "hi" for message in chat["messages"])  # nor sent

    # DNS rebinding: another name for 127.0.0.1 reads nothing, not even the Bot API
    for path in ("/", "/static/chat.js", "/sandbox/api/people", f"/bot{sandbox.token}/getMe"):
        status, _headers, content = http(
            sandbox.url + path, headers={"Host": f"evil.example:{sandbox.port}"}
        )
        assert status == 403, path
        assert "127.0.0.1" in json.loads(content)["error"]
    status, _headers, content = http(
        f"{sandbox.url}/bot{sandbox.token}/setWebhook",
        data=b'{"url": "https://evil.example/"}',
        headers={"Host": f"evil.example:{sandbox.port}", **as_json},
    )
    assert status == 403

    # the page by either of its names, from itself (a browser sends one of these)
    localhost = f"localhost:{sandbox.port}"
    assert http(sandbox.url + "/", headers={"Host": localhost})[0] == 200
    same_site = {"Sec-Fetch-Site": "same-origin"} | as_json
    assert http(f"{api}/people", data=b"{}", headers=same_site)[0] == 201
    local_page = {"Host": localhost, "Origin": f"http://{localhost}"} | as_json
    assert http(f"{api}/people", data=b"{}", headers=local_page)[0] == 201
    # and the bot's own calls: its Host, no Origin
    status, _headers, content = http(
        f"{sandbox.url}/bot{sandbox.token}/getMe", data=b"{}", headers=as_json
    )
    assert status == 200
    assert json.loads(content)["result"]["is_bot"] is True


def test_the_installed_project_runs_the_sandbox(tmp_path: Path) -> None:
    """Installed as a package, with no checkout on the path (the tests are not installed): the
    sandbox runs on the project's own strict Bot API, `fakes.telegram`."""
    site, source = tmp_path / "site", tmp_path / "source"
    # built from a copy: a build leaves its files beside the sources
    ignored = shutil.ignore_patterns(".*", "data", "build", "*.egg-info", "tests", "artifacts")
    shutil.copytree(ROOT, source, ignore=ignored)
    install = ["install", "-q", "--no-deps", "--target", str(site), str(source)]
    subprocess.run([sys.executable, "-m", "pip", *install], check=True, timeout=600)
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = "import sandbox, fakes.telegram; print(sandbox.__file__); import tests"
    found = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert found.stdout.startswith(str(site)), found.stdout
    assert "No module named 'tests'" in found.stderr, found.stderr
    sandbox = start_sandbox("--port", "0", env=env, cwd=tmp_path)
    try:
        status, people = http_json(f"{sandbox.url}/sandbox/api/people")
        assert status == 200 and people["people"]
        wait_for_greeting(sandbox)
    finally:
        assert sandbox.stop() == 0
