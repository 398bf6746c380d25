"""Problems found in content files, reported as ``file: location: message``."""

from __future__ import annotations

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


class ContentError(Exception):
    """Raised when a content file cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(cls, file: str, location: str, message: str) -> ContentError:
        """Build an error holding one problem."""
        return cls([Problem(file, location, message)])
