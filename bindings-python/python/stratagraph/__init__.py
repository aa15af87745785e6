"""stratagraph: public-sector strategies and delivery plans as a typed graph.

A :class:`Strategy` holds priorities, strategic actions, numbered actions,
outcomes, challenges, partners, deadlines and the typed edges between them,
under stable ids such as ``"action:10.1.1"``. Load one from canonical JSON,
check it, and write it back byte for byte:

>>> import stratagraph
>>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
...   "nodes": [{"id": "outcome:1", "kind": "outcome", "number": "1",
...              "text": "People are safe."}]}''')
>>> [d.code for d in s.validate()]
['outcome_without_contribution']
>>> stratagraph.Strategy.from_json(s.to_json()) == s
True

Every error is a :class:`StratagraphError` with a stable ``.code``; each kind
has its own subclass, which is also the built-in exception you would expect
(``JsonError`` is a ``ValueError`` with ``.line`` and ``.column``,
``UnknownNodeError`` a ``KeyError``, ``StratagraphIOError`` an ``OSError``).

Parsers turn the text of published documents into one :class:`ParseResult`:
the strategy or the progress report, the diagnostics, and every line that did
not fit. ``parse_delivery_plan`` reads a delivery plan, ``parse_strategy`` a
strategy's narrative web page, ``parse_progress_report`` a board's progress
report (into the result's ``report``), and ``parse_document`` whichever
``detect_document_kind`` tells. Queries and analyses answer with a
:class:`Table` (``to_pylist``, ``to_pydict``, ``to_pandas``).

The work is done by the Rust crate ``stratagraph``; this package only converts
types and errors, and releases the GIL while the core works.
"""

# Every public name is the native module's (its __all__, which the stub declares
# and stubtest checks), so the list is written once, in the stub.
from stratagraph._stratagraph import *  # noqa: F403
from stratagraph._stratagraph import __all__ as __all__
