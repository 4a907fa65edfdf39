"""The fault-injection harness: a loopback TCP proxy put between the bot and PostgreSQL or
Redis, which passes bytes both ways until told to stall (every connection, old and new, stops
moving bytes: a partition), to refuse (nothing listens: connections are refused) or to drop
every connection (what a restart of the server does), and to pass them again."""

from __future__ import annotations

import asyncio
import contextlib

HOST = "127.0.0.1"
CHUNK = 65_536


class FaultyProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._connections: set[asyncio.StreamWriter] = set()
        self._pipes: set[asyncio.Task[None]] = set()
        self.accepted = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, HOST, self.port or 0)
        self.port = int(self._server.sockets[0].getsockname()[1])

    def url_of(self, url: str, target_port: int) -> str:
        """`url` with the target's port replaced by the proxy's."""
        return url.replace(f"{self.target[0]}:{target_port}", f"{HOST}:{self.port}", 1)

    def stall(self) -> None:
        self._flowing.clear()

    async def refuse(self) -> None:
        """Stop listening and drop every connection: new ones are refused."""
        if self._server is not None:
            self._server.close()
            self._server = None
        await self.drop_all()

    async def restore(self) -> None:
        if self._server is None:
            await self.start()
        self._flowing.set()

    async def drop_all(self) -> None:
        for writer in list(self._connections):
            writer.transport.abort()
        self._connections.clear()
        for pipe in list(self._pipes):
            pipe.cancel()
        await asyncio.gather(*self._pipes, return_exceptions=True)

    async def stop(self) -> None:
        await self.refuse()

    async def _accept(
        self, client_reader: asyncio.StreamReader, client: asyncio.StreamWriter
    ) -> None:
        self.accepted += 1
        self._connections.add(client)
        try:
            await self._flowing.wait()
            server_reader, server = await asyncio.open_connection(*self.target)
        except (OSError, asyncio.CancelledError):
            client.transport.abort()
            return
        self._connections.add(server)
        for reader, writer in ((client_reader, server), (server_reader, client)):
            pipe = asyncio.create_task(self._pipe(reader, writer))
            self._pipes.add(pipe)
            pipe.add_done_callback(self._pipes.discard)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(CHUNK):
                await self._flowing.wait()  # stalled: the bytes wait here, the peer waits too
                writer.write(data)
                await writer.drain()
        except (OSError, asyncio.CancelledError):
            pass
        finally:
            self._connections.discard(writer)
            with contextlib.suppress(OSError, RuntimeError):
                writer.close()
