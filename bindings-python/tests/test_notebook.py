"""The example notebook runs, every cell, with a real Jupyter kernel (nbclient)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "notebooks" / "scotland.ipynb"


def test_committed_notebook_has_no_outputs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], "clear the outputs"
            assert cell.execution_count is None, "clear the outputs"


def test_notebook_runs_without_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel inherits the environment: headless matplotlib, its cache in tmp.
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path))
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        # Run in the notebook's own folder, as Jupyter does.
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError when any cell errors
    html = [
        out["data"]["text/html"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.get("output_type") == "execute_result" and "text/html" in out.get("data", {})
    ]
    assert any("<svg" in h for h in html), "the strategy's _repr_html_ shows the drawing"
    widgets = [
        out["data"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if "application/vnd.jupyter.widget-view+json" in out.get("data", {})
    ]
    assert widgets, "explore() shows the widget"
    fallbacks = [data.get("text/html", "") for data in widgets]
    assert all("<svg" in h for h in fallbacks), "with the drawing as fallback"
    printed = "".join(
        out.get("text", "")
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.get("output_type") == "stream"
    )
    assert "selected: ['action:10.1.5', 'action:10.4.1']" in printed, "the observe callback ran"
    images = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if "image/png" in out.get("data", {})
    ]
    assert images, "the timeline chart is drawn"
