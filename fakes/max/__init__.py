"""A strict local MAX Bot API for end-to-end tests and the sandbox: every call is checked
against MAX's official OpenAPI schema (`fakes/max/spec.py`)."""

from fakes.max.spec import MaxApiError, MaxApiSpec, SchemaMismatch, load_spec

__all__ = ["MaxApiError", "MaxApiSpec", "SchemaMismatch", "load_spec"]
