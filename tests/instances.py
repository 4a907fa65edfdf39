"""Whole bot processes (`python -m bot`) for tests and benchmarks, and the round-robin load
balancer that several webhook instances sit behind, as they would behind nginx
(`webhook_cluster` starts both)."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import ClientConnectorError, ClientError, ClientSession, ClientTimeout, web

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class BotProcess:
    """`python -m bot` with these settings; in webhook mode it is ready when /healthz says so."""

    def __init__(
        self,
        settings: Mapping[str, str],
        workdir: Path,
        *,
        module: str = "bot",
        log: Path | None = None,
    ) -> None:
        self.settings = dict(settings)
        self.workdir = workdir
        self.module = module
        self.log = log
        self.port = int(self.settings.get("WEBHOOK_PORT", "0")) or None
        self.process: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    async def start(self, *, ready_within: float = 60.0) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), **self.settings}
        with contextlib.ExitStack() as files:
            stderr = files.enter_context(self.log.open("ab")) if self.log else None
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                self.module,
                cwd=self.workdir,
                env=env,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=stderr,
            )
        if self.port is None:
            return
        deadline = time.monotonic() + ready_within
        async with ClientSession(timeout=ClientTimeout(total=2)) as http:
            while True:
                if self.process.returncode is not None:
                    raise RuntimeError(f"the bot exited with {self.process.returncode}")
                try:
                    async with http.get(f"{self.url}/healthz") as response:
                        if response.status == 200:
                            return
                except (ClientError, OSError):
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"the bot on port {self.port} did not become healthy")
                await asyncio.sleep(0.1)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def kill(self) -> None:
        """SIGKILL: the process gets no chance to clean up."""
        assert self.process is not None
        self.process.kill()
        await self.process.wait()

    def cpu_seconds(self) -> float:
        """CPU time the process has used so far, user and system (Linux /proc)."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory_bytes(self, field: str = "VmHWM") -> int:
        """The process's memory from Linux /proc: peak resident (VmHWM) or now (VmRSS)."""
        assert self.process is not None
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith(f"{field}:"))
        return int(line.split()[1]) * 1024

    async def stop(self, timeout: float = 15.0) -> int | None:
        """SIGTERM, as an orchestrator stops it; SIGKILL if it does not exit in time. None if
        it was never started."""
        if self.process is None:
            return None
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), timeout)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        return int(self.process.returncode or 0)


class RoundRobin:
    """An HTTP reverse proxy sending each request to the next backend in turn (a backend that
    refuses the connection is skipped; one that fails later is not retried elsewhere, since it
    may have handled the update), passing status and body through."""

    def __init__(self, backends: list[str]) -> None:
        self.backends = backends
        self.forwarded: dict[str, int] = dict.fromkeys(backends, 0)
        self._turn = itertools.cycle(backends)
        self._runner: web.AppRunner | None = None
        self._http: ClientSession | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    async def start(self) -> None:
        self._http = ClientSession(timeout=ClientTimeout(total=60))
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, HOST, 0).start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._http is not None:
            await self._http.close()

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._http is not None
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in {"host"}}
        for _ in self.backends:
            backend = next(self._turn)
            try:
                async with self._http.request(
                    request.method, backend + request.path_qs, data=body, headers=headers
                ) as response:
                    self.forwarded[backend] += 1
                    return web.Response(
                        status=response.status,
                        body=await response.read(),
                        content_type=response.content_type,
                    )
            except ClientConnectorError:
                continue  # refused: the next one; any later failure may have been handled
        return web.Response(status=502, text="no backend answered")


@dataclass
class Cluster:
    balancer: RoundRobin
    instances: list[BotProcess]
    exit_codes: list[int | None] = field(default_factory=list)  # once stopped


@asynccontextmanager
async def webhook_cluster(
    settings: Mapping[str, str], workdir: Path, count: int, secret: str
) -> AsyncIterator[Cluster]:
    """`count` instances in webhook mode with these settings behind a round-robin balancer,
    each logging to its own file in `workdir`; stopped with SIGTERM at the end."""
    ports = [free_port() for _ in range(count)]
    balancer = RoundRobin([f"http://{HOST}:{port}" for port in ports])
    await balancer.start()
    webhook = {
        "BOT_MODE": "webhook",
        "WEBHOOK_URL": balancer.url,
        "WEBHOOK_SECRET": secret,
        "WEBHOOK_HOST": HOST,
    }
    instances = [
        BotProcess(
            {**settings, **webhook, "WEBHOOK_PORT": str(port)},
            workdir,
            log=workdir / f"bot-{port}.log",
        )
        for port in ports
    ]
    cluster = Cluster(balancer, instances)
    try:
        await asyncio.gather(*(instance.start() for instance in instances))
        yield cluster
    finally:
        cluster.exit_codes = list(await asyncio.gather(*(i.stop() for i in instances)))
        await balancer.stop()
