"""The OpenAI-compatible backend: named errors on real sockets, and a real local server."""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from applykit.backends.base import Prompt
from applykit.backends.llamacpp import bundled_model_path
from applykit.backends.openai_compat import OpenAICompatBackend
from applykit.config import Settings
from applykit.errors import BackendUnavailable, ConfigError
from applykit.ingest.postings import parse_posting_file
from applykit.ingest.profiles import load_profile
from applykit.match.fit import analyze_fit
from applykit.write.letter import write_letter

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HAS_LLAMA = importlib.util.find_spec("llama_cpp") is not None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _backend(url: str, **values: object) -> OpenAICompatBackend:
    return OpenAICompatBackend(Settings(openai_base_url=url, **values))  # type: ignore[arg-type]


def test_remote_server_without_a_key_names_the_setting() -> None:
    backend = _backend("https://api.openai.com/v1")
    with pytest.raises(ConfigError) as caught:
        backend.generate(Prompt(user="hi"))
    assert caught.value.where == "APPLYKIT_OPENAI_API_KEY"
    assert not backend.check().available


def test_refused_connection_is_named() -> None:
    backend = _backend(f"http://127.0.0.1:{_free_port()}/v1", openai_max_retries=0)
    with pytest.raises(BackendUnavailable) as caught:
        backend.generate(Prompt(user="hi"))
    assert "connection refused" in caught.value.what
    assert "connection refused" in backend.check().reason


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A socket that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield int(server.getsockname()[1])
    finally:
        stop.set()
        thread.join(timeout=2)
        for connection in held:
            connection.close()
        server.close()


def test_timeout_is_named(silent_server: int) -> None:
    backend = _backend(
        f"http://127.0.0.1:{silent_server}/v1", openai_timeout_s=0.5, openai_max_retries=0
    )
    started = time.perf_counter()
    with pytest.raises(BackendUnavailable) as caught:
        backend.generate(Prompt(user="hi"))
    assert "timed out" in caught.value.what
    assert time.perf_counter() - started < 10


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m llama_cpp.server` with the bundled model on a free port; always killed."""
    if not HAS_LLAMA or bundled_model_path() is None:
        pytest.skip("llama_cpp is not importable: install the [server] extra to run this test")
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(bundled_model_path()),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "4096",
        "--n_threads",
        "2",
    ]
    log_path = tmp_path_factory.mktemp("llama_server") / "server.log"
    url = f"http://127.0.0.1:{port}/v1"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_ready(process, url, log_path)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _wait_ready(process: subprocess.Popen[bytes], url: str, log_path: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(errors="replace")[-2000:]
            pytest.fail(f"llama_cpp.server exited early: {tail}")
        try:
            if httpx.get(f"{url}/models", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    pytest.fail("llama_cpp.server did not become ready within 120 s")


@pytest.mark.llm
def test_real_server_streams_text(llama_server: str) -> None:
    backend = _backend(llama_server, openai_model="smollm2")
    assert backend.check().available
    pieces: list[str] = []
    options = backend.options(max_tokens=16, temperature=0.0, seed=1)
    result = backend.generate(Prompt(user="Say hello."), options=options, on_text=pieces.append)
    assert result.text.strip()
    assert len(pieces) > 1


@pytest.mark.llm
def test_real_server_letter_passes_the_guard_or_falls_back_visibly(
    llama_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = load_profile(EXAMPLES / "profile.yaml")
    posting = parse_posting_file(EXAMPLES / "postings" / "senior-ml-engineer.md")
    backend = _backend(llama_server, openai_model="smollm2", grounding_retries=0)
    options = backend.options(max_tokens=64, temperature=0.0, seed=1)
    fit = analyze_fit(profile, posting)
    letter = write_letter(profile, posting, fit, backend=backend, options=options)
    assert letter.grounding.ok
    assert letter.backend == "openai"
    if letter.fell_back:
        assert letter.attempts == 1
        assert any("was not shown" in warning for warning in letter.warnings)
