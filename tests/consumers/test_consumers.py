"""Real consumers of the export golden files (tests/golden/mini-plan.*).

Each test hands a golden file to the tool its users read it with and checks
that what comes out is the plan: networkx (GraphML, node-link), pandas (CSV,
XLSX), openpyxl (XLSX), Graphviz `dot` (DOT), librsvg `rsvg-convert` (SVG),
pyArchimate and the exchange format's documented structure (ArchiMate), and
headless Chromium (the HTML report).

Run:  python -m pytest tests/consumers/test_consumers.py
Needs the packages pinned in tests/consumers/requirements.txt and the Debian
packages graphviz, librsvg2-bin and chromium.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import openpyxl
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"


def golden(name: str) -> Path:
    path = GOLDEN / name
    assert path.exists(), (
        f"{path} is missing: run UPDATE_GOLDEN=1 cargo test -p stratagraph --test export"
    )
    return path


@pytest.fixture(scope="module")
def plan() -> dict:
    """The canonical JSON of the plan: what every export must agree with."""
    return json.loads(golden("mini-plan.json").read_text(encoding="utf-8"))


def expected_edges(plan: dict) -> set[tuple[str, str, str]]:
    return {(e["source"], e["target"], e["kind"]) for e in plan["edges"]}


# --- networkx ---------------------------------------------------------------


def test_networkx_reads_graphml_with_attributes(plan: dict) -> None:
    g = nx.read_graphml(golden("mini-plan.graphml"))
    assert g.is_directed()
    assert list(g.nodes) == [n["id"] for n in plan["nodes"]]
    assert {(u, v, d["kind"]) for u, v, d in g.edges(data=True)} == expected_edges(plan)
    for n in plan["nodes"]:
        data = g.nodes[n["id"]]
        assert data["kind"] == n["kind"]
        assert data.get("label", "") == n.get("label", "")
        assert data.get("text") == n.get("text")
        assert data.get("number") == n.get("number")
    p = g.nodes["priority:1"]
    # Typed keys come back typed.
    assert p["weight"] == 2
    assert isinstance(p["weight"], int)
    assert p["share"] == 0.5
    assert isinstance(p["share"], float)
    assert p["flagship"] is True
    assert p["tags"] == "prevention"
    a = g.nodes["action:1.1.1"]
    assert a["deadline_end"] == "2023-11-30"
    assert a["deadline_phrase"] == "By November 2023"
    assert a["span_line"] == 7
    assert isinstance(a["span_line"], int)
    assert g.nodes["partner:cosla"]["expansion"] == "Convention of Scottish Local Authorities"
    assert g.edges["action:1.1.1", "partner:cosla"]["joint"] is True
    assert g.edges["action:1.1.1", "partner:cosla"]["kind"] == "led_by"


def test_networkx_reads_node_link(plan: dict) -> None:
    data = json.loads(golden("mini-plan.node-link.json").read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="edges")
    assert g.is_directed()
    assert not g.is_multigraph()
    assert list(g.nodes) == [n["id"] for n in plan["nodes"]]
    assert {(u, v, d["kind"]) for u, v, d in g.edges(data=True)} == expected_edges(plan)
    assert g.nodes["priority:1"]["weight"] == 2
    assert g.nodes["priority:1"]["tags"] == ["prevention"]
    assert g.nodes["action:1.1.2"]["deadline"] == {
        "start": "2023-04-01",
        "end": "2024-03-31",
        "phrase": "Over 2023/24",
    }
    assert g.edges["action:1.1.1", "partner:cosla"]["joint"] is True
    # And networkx writes it back the same way.
    again = nx.node_link_data(g, edges="edges")
    assert again["nodes"] == data["nodes"]


# --- pandas and openpyxl ------------------------------------------------------


def read_csv(name: str) -> pd.DataFrame:
    return pd.read_csv(golden(name), dtype=str, keep_default_na=False)


def test_pandas_reads_the_csv_tables(plan: dict) -> None:
    nodes = read_csv("mini-plan.nodes.csv")
    assert list(nodes["id"]) == [n["id"] for n in plan["nodes"]]
    assert list(nodes["kind"]) == [n["kind"] for n in plan["nodes"]]
    assert list(nodes["text"]) == [n.get("text", "") for n in plan["nodes"]]
    attrs = nodes.set_index("id").loc["priority:1", "attrs"]
    assert json.loads(attrs) == {"weight": 2, "share": 0.5, "flagship": True}

    edges = read_csv("mini-plan.edges.csv")
    assert list(edges.columns) == ["source", "target", "kind", "attrs"]
    assert set(
        zip(edges["source"], edges["target"], edges["kind"], strict=False)
    ) == expected_edges(plan)

    actions = read_csv("mini-plan.actions.csv").set_index("id")
    assert list(actions.index) == ["action:1.1.1", "action:1.1.2"]
    first = actions.loc["action:1.1.1"]
    assert first["text"] == "By November 2023, launch a board for children and families."
    assert first["priority"] == "1"
    assert first["strategic_action"] == "1.1"
    assert first["leads"] == "Scottish Government; COSLA"
    assert first["deadline_end"] == "2023-11-30"
    second = actions.loc["action:1.1.2"]
    assert second["partners"] == "In Care Survivors Alliance"
    # the outcomes it counts for: its own (2) and its priority's (1); issue 13
    assert second["outcomes"] == "1; 2"
    assert second["deadline_start"] == "2023-04-01"


def test_openpyxl_and_pandas_read_the_workbook(plan: dict) -> None:
    path = golden("mini-plan.xlsx")
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb.sheetnames == ["actions", "nodes", "edges"]
    rows = list(wb["nodes"].iter_rows(values_only=True))
    assert rows[0][:3] == ("id", "kind", "number")
    assert [r[0] for r in rows[1:]] == [n["id"] for n in plan["nodes"]]
    # Every cell is text: numbers like "1" and dates stay as written.
    assert all(isinstance(c, str) for r in rows for c in r if c is not None)
    sheets = pd.read_excel(path, sheet_name=None, dtype=str, keep_default_na=False)
    for table in ("actions", "nodes", "edges"):
        assert sheets[table].equals(read_csv(f"mini-plan.{table}.csv")), table


# --- Graphviz and librsvg -----------------------------------------------------


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed (Debian package: graphviz / librsvg2-bin)"
    return path


def test_graphviz_renders_the_dot(tmp_path: Path) -> None:
    out = subprocess.run(
        [tool("dot"), "-Tsvg", str(golden("mini-plan.dot"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == "", out.stderr
    svg = ET.fromstring(out.stdout)
    titles = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}title")]
    assert "priority:1" in titles
    assert "cluster_0" in titles


@pytest.mark.parametrize("name", ["mini-plan.svg", "mini-plan.partners.svg"])
def test_rsvg_renders_the_svg(name: str, tmp_path: Path) -> None:
    svg = ET.parse(golden(name)).getroot()
    assert svg.get("role") == "img"
    assert svg.get("aria-label")
    out = subprocess.run(
        [tool("rsvg-convert"), "-o", str(tmp_path / "out.png"), str(golden(name))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "out.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- Cytoscape.js and Kumu structure (the node test loads Cytoscape for real) ---


def test_cytoscape_and_kumu_json_structure(plan: dict) -> None:
    cy = json.loads(golden("mini-plan.cytoscape.json").read_text(encoding="utf-8"))
    ids = [n["data"]["id"] for n in cy["elements"]["nodes"]]
    assert ids == [n["id"] for n in plan["nodes"]]
    edge_ids = [e["data"]["id"] for e in cy["elements"]["edges"]]
    assert len(set(edge_ids)) == len(edge_ids) == len(plan["edges"])
    kumu = json.loads(golden("mini-plan.kumu.json").read_text(encoding="utf-8"))
    element_ids = {e["id"] for e in kumu["elements"]}
    connection_ids = {c["id"] for c in kumu["connections"]}
    # Kumu: ids unique across elements and connections; connections name element ids.
    assert not element_ids & connection_ids
    assert all(c["from"] in element_ids and c["to"] in element_ids for c in kumu["connections"])


# --- ArchiMate exchange format ------------------------------------------------

A = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
ELEMENT_TYPES = {
    "Grouping",
    "Goal",
    "Outcome",
    "CourseOfAction",
    "WorkPackage",
    "Assessment",
    "BusinessActor",
    "Stakeholder",
    "Constraint",
    "Principle",
    "Driver",
    "Requirement",
}
RELATIONSHIP_TYPES = {
    "Composition",
    "Aggregation",
    "Assignment",
    "Realization",
    "Serving",
    "Access",
    "Influence",
    "Triggering",
    "Flow",
    "Specialization",
    "Association",
}


def test_archimate_follows_the_exchange_format(plan: dict) -> None:
    root = ET.parse(golden("mini-plan.archimate.xml")).getroot()
    assert root.tag == f"{A}model"
    # The order the schema's sequence requires.
    order = [c.tag.removeprefix(A) for c in root]
    assert order == ["name", "documentation", "elements", "relationships", "propertyDefinitions"]
    identifiers = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers)), "identifiers are xs:ID: unique"
    assert all(NCNAME.match(i) for i in identifiers), "identifiers are xs:ID: NCNames"
    elements = root.find(f"{A}elements")
    assert elements is not None
    types = {e.get("identifier"): e.get(XSI_TYPE) for e in elements}
    assert len(types) == len(plan["nodes"])
    assert set(types.values()) <= ELEMENT_TYPES
    props = {
        p.get("identifier"): p.find(f"{A}name").text for p in root.iter(f"{A}propertyDefinition")
    }
    kinds = {}
    for e in elements:
        assert e.find(f"{A}name") is not None
        values = {
            props[p.get("propertyDefinitionRef")]: p.find(f"{A}value").text
            for p in e.iter(f"{A}property")
        }
        kinds[values["stratagraph:id"]] = values["stratagraph:kind"]
    assert kinds == {n["id"]: n["kind"] for n in plan["nodes"]}
    rels = root.find(f"{A}relationships")
    assert rels is not None
    assert len(rels) == len(plan["edges"])
    for r in rels:
        assert r.get(XSI_TYPE) in RELATIONSHIP_TYPES
        assert r.get("source") in types
        assert r.get("target") in types
    by_type = {(types[r.get("source")], r.get(XSI_TYPE), types[r.get("target")]) for r in rels}
    assert ("BusinessActor", "Assignment", "WorkPackage") in by_type
    assert ("WorkPackage", "Realization", "CourseOfAction") in by_type
    assert ("CourseOfAction", "Realization", "Goal") in by_type


def test_pyarchimate_reads_the_exchange_file_and_finds_no_invalid_relationship(plan: dict) -> None:
    from pyArchimate import Model

    model = Model("stratagraph")
    model.read(str(golden("mini-plan.archimate.xml")))
    assert len(model.elems_dict) == len(plan["nodes"])
    assert len(model.rels_dict) == len(plan["edges"])
    by_id = {e.props["stratagraph:id"]: e for e in model.elems_dict.values()}
    assert by_id["priority:1"].type == "Goal"
    assert by_id["strategic-action:1.1"].type == "CourseOfAction"
    assert by_id["action:1.1.2"].type == "WorkPackage"
    assert by_id["partner:cosla"].type == "BusinessActor"
    assert by_id["partner:cosla"].props["expansion"] == "Convention of Scottish Local Authorities"
    # Every relationship is one the ArchiMate relationship table allows.
    assert model.check_invalid_relationships() == []
    assert model.check_invalid_nodes() == []


# --- Headless Chromium: the HTML report ----------------------------------------


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise AssertionError("chromium is not installed (Debian package: chromium)")


def test_chromium_opens_the_html_report(tmp_path: Path) -> None:
    """Open the report in headless Chromium, check its DOM, keep a screenshot.

    The screenshot goes to $STRATAGRAPH_ARTIFACTS (default: artifacts/ at the
    repository root) as report-mini-plan.png.
    """
    import os

    report = golden("mini-plan.html")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [chromium(), *flags, "--dump-dom", report.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert dom.returncode == 0, dom.stderr
    for section in ("map", "progress", "actions", "coverage", "gaps", "timeline"):
        assert f'id="{section}"' in dom.stdout, section
    assert "<svg" in dom.stdout
    assert "Action 1.1.2" in dom.stdout
    artifacts = Path(os.environ.get("STRATAGRAPH_ARTIFACTS", ROOT / "artifacts"))
    artifacts.mkdir(parents=True, exist_ok=True)
    shot = artifacts / "report-mini-plan.png"
    out = subprocess.run(
        [chromium(), *flags, "--window-size=1280,2000", f"--screenshot={shot}", report.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) > 20_000
