"""The command line's help, version and warnings, as a new user meets them."""

from __future__ import annotations

import re
import tomllib

import pytest

import analysis
from analysis import config
from analysis.__main__ import main


def test_version_is_kept_in_one_place(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.split() == ["analysis", analysis.__version__]
    project = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]


@pytest.mark.parametrize("command", [[], ["run"], ["manifest"]])
def test_help_is_plain_text_with_examples(capsys, command: list[str]) -> None:
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    text = capsys.readouterr().out
    assert "``" not in text and not re.search(r":(func|mod|class):", text)
    assert "examples:" in text and "python -m analysis " in text


def test_run_lists_empty_optional_fields_as_warnings(tmp_path, capsys) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for outlet in ("One", "Two"):
        (raw / f"{outlet}.txt").write_text(f"{outlet} wrote about the storm.\n", encoding="utf-8")
    assert main(["manifest", str(raw), "--event-id", "ev"]) == 0
    assert "empty date in rows 2, 3" in capsys.readouterr().err
