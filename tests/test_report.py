"""The HTML report, checked in a real browser (headless Chromium from Debian's packages)."""
import os
import shutil

import pytest

from extract.report import build_report, check_in_browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# CI installs Chromium and sets this, so that a missing browser fails there instead of skipping.
REQUIRE_BROWSER = os.environ.get("COMMITMENTS_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="module")
def browser() -> str:
    if CHROMIUM is None:
        if REQUIRE_BROWSER:
            pytest.fail("chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture
def report(published_samples, tmp_path, monkeypatch):
    """The report of the sample run, written to a folder of the test's own."""
    published = tmp_path / "published"
    published.mkdir()
    shutil.copy(published_samples, published / published_samples.name)
    monkeypatch.setenv("COMMITMENTS_PUBLISHED_DIR", str(published))
    return build_report("2024-05-06")


def test_the_report_shows_the_run_its_validation_and_the_latest_evidence(report):
    page = report.read_text(encoding="utf-8")
    assert "Run 2024-05-06" in page and "all 10 suites passed" in page
    assert "Germany and Namibia" in page  # the latest sample commitment's evidence
    assert 'href="https://' in page
    assert "cdn.jsdelivr" not in page and "<script src=" not in page  # opens offline


def test_the_report_renders_every_chart_in_headless_chromium_without_errors(report, browser, tmp_path):
    check = check_in_browser(report, tmp_path / "report.png", browser)
    assert (check.charts_rendered, check.charts_expected) == (3, 3)
    assert check.page_errors == "" and check.console_errors == []
    assert check.ok and check.screenshot.stat().st_size > 50_000


def test_the_browser_check_catches_a_chart_that_fails(report, browser, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(report.read_text(encoding="utf-8").replace('"mark": {"type": "bar"}', '"mark": 42', 1),
                      encoding="utf-8")
    check = check_in_browser(broken, tmp_path / "broken.png", browser)
    assert not check.ok
    assert check.charts_rendered == 0 and check.page_errors
