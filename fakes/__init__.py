"""Strict local stand-ins for the messengers' Bot API servers, checked against their official
specifications: the end-to-end tests, the sandbox and the benchmarks run the real bot against
them, with simulated users who send messages and press buttons."""
