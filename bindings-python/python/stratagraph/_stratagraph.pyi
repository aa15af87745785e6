# Type stubs of the native module, checked against it by mypy.stubtest in the tests.

from collections.abc import Iterator, Sequence
from typing import Final, Literal, final

from typing_extensions import Self, TypeAlias

__all__ = [
    "JSON_SCHEMA",
    "DanglingEdgeError",
    "Diagnostic",
    "DuplicateIdError",
    "FormatError",
    "InternalError",
    "InvalidDateError",
    "JsonError",
    "ParseError",
    "ParseResult",
    "StratagraphError",
    "StratagraphIOError",
    "Strategy",
    "TextLine",
    "UnknownKindError",
    "UnknownNodeError",
    "UnsupportedError",
    "VersionError",
    "__version__",
    "diagnostics_to_json",
    "parse_strategy",
    "validate_json",
]

__version__: Final[str]
JSON_SCHEMA: Final[str]

# A JSON value as json.loads gives it: what node() / nodes() / edges() hold.
_JsonValue: TypeAlias = bool | int | float | str | list[_JsonValue] | dict[str, _JsonValue] | None
_Severity: TypeAlias = Literal["info", "warning", "error"]

@final
class Strategy:
    @classmethod
    def from_json(cls, text: str) -> Strategy: ...
    def to_json(self) -> str: ...
    def validate(self) -> list[Diagnostic]: ...
    def text_report(self, diagnostics: Sequence[Diagnostic] | None = None) -> str: ...
    @property
    def node_count(self) -> int: ...
    @property
    def edge_count(self) -> int: ...
    def node(self, id: str) -> dict[str, _JsonValue]: ...
    def nodes(self, kind: str | None = None) -> list[dict[str, _JsonValue]]: ...
    def edges(self, kind: str | None = None) -> list[dict[str, _JsonValue]]: ...
    def __len__(self) -> int: ...
    def __contains__(self, id: object, /) -> bool: ...
    def __getitem__(self, id: str, /) -> dict[str, _JsonValue]: ...
    def __iter__(self) -> Iterator[str]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __copy__(self) -> Self: ...
    def __deepcopy__(self, memo: object, /) -> Self: ...

@final
class Diagnostic:
    def __new__(
        cls,
        code: str,
        severity: _Severity,
        message: str,
        ids: Sequence[str] = ...,
        line: int | None = None,
        column: int | None = None,
    ) -> Self: ...
    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> _Severity: ...
    @property
    def ids(self) -> list[str]: ...
    @property
    def message(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def column(self) -> int | None: ...
    def to_dict(self) -> dict[str, str | list[str] | int | None]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class TextLine:
    def __new__(cls, line: int, text: str, start: int, end: int) -> Self: ...
    @property
    def line(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, str | int]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class ParseResult:
    @property
    def strategy(self) -> Strategy: ...
    @property
    def diagnostics(self) -> list[Diagnostic]: ...
    @property
    def unclassified(self) -> list[TextLine]: ...
    @property
    def skipped(self) -> list[TextLine]: ...
    @property
    def has_errors(self) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...

def _parse_result_from_state(state: str) -> ParseResult: ...
def parse_strategy(text: str) -> ParseResult: ...
def validate_json(text: str) -> list[Diagnostic]: ...
def diagnostics_to_json(diagnostics: Sequence[Diagnostic]) -> str: ...

class StratagraphError(Exception):
    code: str
    line: int | None
    column: int | None

class JsonError(StratagraphError, ValueError):
    line: int
    column: int

class FormatError(StratagraphError, ValueError):
    found: str

class VersionError(StratagraphError, ValueError):
    found: str
    supported: int

class DuplicateIdError(StratagraphError, ValueError):
    id: str

class DanglingEdgeError(StratagraphError, ValueError):
    source: str
    target: str
    kind: str
    missing: str

class UnknownNodeError(StratagraphError, KeyError):
    id: str

class UnknownKindError(StratagraphError, ValueError):
    what: str
    value: str

class InvalidDateError(StratagraphError, ValueError):
    value: str

class ParseError(StratagraphError, ValueError):
    line: int
    column: int
    what: str

class UnsupportedError(StratagraphError, ValueError): ...

class StratagraphIOError(StratagraphError, OSError):
    path: str

class InternalError(StratagraphError): ...
