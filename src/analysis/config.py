"""Every path the project uses, resolved from one place.

Override the project root with the ``ANALYSIS_ROOT`` environment variable (useful when the package is
installed elsewhere than the checkout). Notebooks and the runner take their defaults from here.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = Path(os.environ.get("ANALYSIS_ROOT", PACKAGE_DIR.parents[1])).resolve()

DATA_RAW = PROJECT_ROOT / "data" / "raw"
DATA_PROCESSED = PROJECT_ROOT / "data" / "processed"
NOTEBOOKS = PROJECT_ROOT / "notebooks"
REPORTS = PROJECT_ROOT / "reports"
LOCK_FILE = PROJECT_ROOT / "requirements.lock"

CODEBOOKS = PACKAGE_DIR / "codebooks"
CLEANING_RULES = CODEBOOKS / "cleaning_rules.yaml"
LABEL_CODEBOOK = CODEBOOKS / "label_families.yaml"

DEFAULT_EVENT = "2019-04-22_iran-pakistan-border-force"
SHARED_CORPORA = PROJECT_ROOT.parent / "shared" / "corpora"


def processed_dir(event_id: str, root: Path = DATA_PROCESSED) -> Path:
    """Folder of the processed tables of one event."""
    return Path(root) / event_id


def report_dir(event_id: str, root: Path = REPORTS) -> Path:
    """Folder of the executed notebooks, HTML and figures of one event."""
    return Path(root) / event_id


def figures_dir(event_id: str, root: Path = REPORTS) -> Path:
    """Folder of the figures (SVG and PNG) of one event."""
    return report_dir(event_id, root) / "figures"


def resolve(path: str | Path) -> Path:
    """A path given relative to the project root (as notebook parameters are) made absolute."""
    path = Path(path)
    return path if path.is_absolute() else (PROJECT_ROOT / path).resolve()


def relative(path: str | Path) -> str:
    """A path shown relative to the project root, so notebook outputs carry no machine paths."""
    path = Path(path).resolve()
    try:
        return path.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)
