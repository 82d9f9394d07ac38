"""The project's exceptions; the CLI turns each into one clear line naming the document."""


class TapsyrmaError(Exception):
    """Base class of every error the project raises on purpose."""


class InputError(TapsyrmaError):
    """An input document cannot be read or used (unreadable, binary, bad encoding, ...)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
