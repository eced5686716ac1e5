import ast
import re
import threading
import uuid

import schemathesis

VALID_KEY = re.compile(r"^[!-~]{1,255}$")


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    headers = case.headers or {}
    for name in list(headers):
        if name.lower() == "idempotency-key" and isinstance(headers[name], str) and VALID_KEY.match(headers[name]):
            headers[name] = str(uuid.uuid4())


# Schemathesis 4.32.5 scans response bodies for same-origin URLs to learn links, and its scan
# stops the whole run with "Invalid IPv6 URL" when a stored string starts with `http://[` but
# has no closing bracket (the fuzzer writes such a product URL: the API takes any http(s)
# URL without spaces). A string that is not a URL simply teaches no link.
from schemathesis.engine import observations as _observations

_same_origin_path = _observations._same_origin_path


def _tolerant_same_origin_path(value, origin):
    try:
        return _same_origin_path(value, origin)
    except ValueError:
        return None


_observations._same_origin_path = _tolerant_same_origin_path


# CPython 3.11 builds ASTs with interpreter-wide state, so two threads running `ast.parse` at
# once can fail with "SystemError: AST constructor recursion depth mismatch". Hypothesis parses
# a module's source to describe a lambda, and with `--workers 2` two operations with form or
# CSV bodies (whose coverage strategies carry lambdas) can do so together. One parse at a time.
_ast_parse = ast.parse
_ast_lock = threading.Lock()


def _serial_ast_parse(*args, **kwargs):
    with _ast_lock:
        return _ast_parse(*args, **kwargs)


ast.parse = _serial_ast_parse
