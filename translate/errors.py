"""The one exception type for failures a user can cause or fix."""

from __future__ import annotations

EXIT_FINDINGS = 1
EXIT_USAGE = 2


class UserError(Exception):
    """A failure with a message for the user and the exit code the CLI should return.

    The CLI prints ``Error: <message>`` without a traceback (unless ``--debug``).
    Messages name the file or package concerned and, where there is one, the remedy.
    """

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message
