"""Problems found in content files, reported as ``file: location: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    """How bad a problem is: errors make the item unusable, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem in one file.

    Attributes:
        file: the file's name as the user knows it.
        location: where in the file (a JSON path, an element id, a line).
        message: what is wrong, in words a content author understands.
        severity: whether the item can still be used.
    """

    file: str
    location: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.file}: {self.location}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        """Return whether the problem makes its item unusable."""
        return self.severity is Severity.ERROR

    def line(self) -> str:
        """Return the problem as ``file: location: severity: message`` (the validator's format)."""
        return f"{self.file}: {self.location}: {self.severity.value}: {self.message}"

    def as_dict(self) -> dict[str, str]:
        """Return the problem as plain values, for ``--json``."""
        return {
            "file": self.file,
            "location": self.location,
            "severity": self.severity.value,
            "message": self.message,
        }

    def in_file(self, file: str) -> Problem:
        """Return the same problem named for another file (a pack's path for it)."""
        return Problem(file, self.location, self.message, self.severity)


def has_errors(problems: Iterable[Problem]) -> bool:
    """Return whether any of the problems is an error."""
    return any(p.is_error for p in problems)


class ContentError(Exception):
    """Raised when a content file cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(cls, file: str, location: str, message: str) -> ContentError:
        """Build an error holding one problem."""
        return cls([Problem(file, location, message)])
