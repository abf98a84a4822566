"""Installing: ``pip install .`` must succeed on a machine without a C compiler."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_install_without_a_c_compiler_builds_the_pure_package(tmp_path: Path) -> None:
    """``pip install .`` on a machine with no C compiler (``CC=false``) still succeeds: the
    same modules, uncompiled, and one line that says so."""
    import shutil

    src = tmp_path / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__", "out"),
    )
    env = dict(os.environ, CC="false", NEWSCLI_PURE="")
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(tmp_path), str(src)],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "newscli: no working C compiler" in run.stdout + run.stderr
    import zipfile

    (wheel,) = tmp_path.glob("newscli-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "newscli/timeline.py" in names and "newscli/cli.py" in names
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
