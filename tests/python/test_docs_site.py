"""The docs site, served by `dbt docs serve` on loopback and rendered by headless Chromium, shows the export
model and its upstream lineage (`make browser` installs Debian's chromium where it is missing)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import PROJECT_DIR

pytestmark = pytest.mark.dbt

EXPORT = "model.privacy_curation.curated_training_data"
UPSTREAM = {"curated_messages", "ml_split_assignments", "ml_smote_examples"}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=20000",
    "--dump-dom",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_served(url: str, server: subprocess.Popen, log, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise AssertionError(f"dbt docs serve exited: {log.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def depends_on(dom: str) -> set[str]:
    """Names of the models listed in the rendered 'Depends On' section of a model page."""
    section = dom.split('id="depends_on"', 1)[1].split("</section>", 1)[0]
    return set(re.findall(r'href="#!/model/model\.privacy_curation\.(\w+)"', section))


@pytest.fixture(scope="module")
def docs_server(docs_target, tmp_path_factory):
    if shutil.which("chromium") is None:
        pytest.skip("chromium is not installed and `make browser` could not install it (not root?)")
    port = free_port()
    dbt = Path(sys.executable).with_name("dbt")
    log = (tmp_path_factory.mktemp("docs_server") / "serve.log").open("w+")
    server = subprocess.Popen(
        [str(dbt), "docs", "serve", "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR),
         "--target-path", str(docs_target), "--host", "127.0.0.1", "--port", str(port), "--no-browser"],
        cwd=PROJECT_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    try:
        wait_until_served(f"http://127.0.0.1:{port}/", server, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def render(url: str, tmp_path: Path) -> str:
    done = subprocess.run(
        ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium'}", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_export_page_shows_its_upstream_lineage(docs_server, tmp_path):
    dom = render(f"{docs_server}#!/model/{EXPORT}", tmp_path)
    visible = re.sub(r"<script.*?</script>", "", dom, flags=re.S)
    heading = re.search(r"<h1[^>]*>\s*<span[^>]*>\s*(\w+)\s*</span>", visible)
    assert heading and heading.group(1) == "curated_training_data", "the export model's page did not render"
    assert depends_on(visible) >= UPSTREAM
    assert "intent_classifier_training" in visible  # the ml exposure that reads it


def test_another_page_does_not_claim_that_lineage(docs_server, tmp_path):
    """The check reads the rendered page: a staging model depends on none of the export's parents."""
    dom = render(f"{docs_server}#!/model/model.privacy_curation.stg_synthetic__messages", tmp_path)
    assert not UPSTREAM & depends_on(dom)
