"""pyproject.toml (source of truth), requirements.lock (exact pins) and environment.yml must agree."""

from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from analysis import config

ROOT = config.PROJECT_ROOT


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _declared() -> list[Requirement]:
    project = _pyproject()["project"]
    extras = [req for group in project["optional-dependencies"].values() for req in group]
    return [Requirement(text) for text in project["dependencies"] + extras]


def _locked() -> dict[str, list[str]]:
    pins: dict[str, list[str]] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)", line)
        if match:
            pins.setdefault(canonicalize_name(match.group(1)), []).append(match.group(2))
    return pins


def test_every_declared_dependency_is_pinned_in_the_lock_within_its_range() -> None:
    locked = _locked()
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is in pyproject.toml but not in requirements.lock"
        for version in locked[name]:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{name}=={version} in the lock violates pyproject's {requirement.specifier}"
            )


def test_lock_pins_every_package_exactly() -> None:
    lines = [
        line
        for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert lines
    assert all(re.match(r"^[A-Za-z0-9_.\-]+==", line) for line in lines), (
        "every lock line is name==version"
    )


def test_textstat_is_pinned_exactly_everywhere() -> None:
    textstat = next(req for req in _declared() if req.name == "textstat")
    assert str(textstat.specifier).startswith("==")
    assert _locked()["textstat"] == [str(textstat.specifier).removeprefix("==")]


def test_environment_yml_installs_the_lock_and_the_package() -> None:
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    dependencies = environment["dependencies"]
    pip_section = next(item["pip"] for item in dependencies if isinstance(item, dict))
    assert pip_section == ["-r requirements.lock", "-e ."]
    python = next(
        item for item in dependencies if isinstance(item, str) and item.startswith("python=")
    )
    requires_python = SpecifierSet(_pyproject()["project"]["requires-python"])
    assert requires_python.contains(python.split("=", 1)[1] + ".0")
    conda_packages = [item for item in dependencies if isinstance(item, str)]
    assert set(conda_packages) <= {python, "pip"}, "conda pins would bypass the lock"
