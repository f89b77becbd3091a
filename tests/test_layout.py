"""Imports point one way: from the command line and the runner through the stages down to the
shared ground (settings, run files, warehouse access), never sideways between stages or up.
Each module is imported alone in a fresh interpreter and what it pulls in of the project is
checked against the layer it belongs to."""
import pkgutil
import subprocess
import sys

import pytest

import extract

# The shared ground every stage may stand on.
SHARED = ("extract.settings", "extract.runs", "extract.warehouse", "extract.lease", "extract.failpoints",
          "extract.reference", "extract.language")
# Each stage: its modules. A stage may pull in its own modules and the shared ground only.
STAGES = {
    "extract": ("extract.sources", "extract.cleaning", "extract.dates", "extract.landing", "extract.articles"),
    "tag": ("extract.tagging", "extract.tagger"),
    "load": ("extract.load",),
    "validation": ("extract.validation",),
    "dbt": ("extract.dbt_runner",),
    "publish": ("extract.publish",),
    "report": ("extract.report",),
}
# The entry points, above every stage.
ENTRY_POINTS = ("extract.runner", "extract.cli", "extract.__main__")
PACKAGES = {"extract", "extract.sources", "extract.tagger"}


def project_modules_pulled_in_by(module: str) -> set[str]:
    code = (f"import sys; import {module}; "
            "print(' '.join(sorted(m for m in sys.modules if m == 'extract' or m.startswith('extract.'))))")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(output.split()) - PACKAGES - {module}


def belongs(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes)


def every_module() -> list[str]:
    found = [info.name for info in pkgutil.walk_packages(extract.__path__, "extract.")]
    return sorted(set(found) - PACKAGES)


def test_every_module_has_a_place_in_the_layers():
    placed = SHARED + ENTRY_POINTS + tuple(prefix for stage in STAGES.values() for prefix in stage)
    assert [module for module in every_module() if not belongs(module, placed)] == []


@pytest.mark.parametrize("module", every_module())
def test_a_module_pulls_in_only_its_own_layer_and_the_layers_below(module):
    pulled = project_modules_pulled_in_by(module)
    if belongs(module, ENTRY_POINTS):
        return  # the entry points may reach every stage
    if belongs(module, SHARED):
        allowed = SHARED
    else:
        stage = next(prefixes for prefixes in STAGES.values() if belongs(module, prefixes))
        allowed = SHARED + stage
        if belongs(module, ("extract.tagger",)):
            allowed = ("extract.tagger", "extract.settings", "extract.reference")  # the seeds, nothing of a run
    assert sorted(m for m in pulled if not belongs(m, allowed)) == []


def test_the_taggers_word_lists_pull_in_nothing_of_the_project():
    assert project_modules_pulled_in_by("extract.tagger.lexicon") == set()


def test_the_shared_ground_stands_on_settings_alone():
    for module in ("extract.runs", "extract.warehouse", "extract.lease"):
        assert project_modules_pulled_in_by(module) == {"extract.settings"}, module
