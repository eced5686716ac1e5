"""A real SMTP server for the native tests (issue #16), started by `cargo xtask test`.

Listens on 127.0.0.1 at the port given as the first argument, requires AUTH (user `aftercare`,
password `test-secret`, over plain text since it is loopback only), and writes every message
it accepts into the Maildir given as the second argument, as the tests read it. Runs until
killed.
"""

import logging
import mailbox
import sys
import time
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = b"aftercare", b"test-secret"


class Handler:
    def __init__(self, path):
        self.box = mailbox.Maildir(path, create=True)

    async def handle_DATA(self, server, session, envelope):
        self.box.add(envelope.original_content)
        return "250 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (
        auth_data.login == USER and auth_data.password == PASSWORD
    )
    # handled=False: aiosmtpd answers the client itself (235, or 535 on a failure).
    return AuthResult(success=ok, handled=False)


def main():
    # AUTH over plain text is what this loopback-only test server is for: say nothing of it.
    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    port, path = int(sys.argv[1]), sys.argv[2]
    controller = Controller(
        Handler(path),
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    print(f"listening on 127.0.0.1:{port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
