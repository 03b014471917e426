"""Letter latency per backend, guard outcome, and critique scores.

grounded: median over the 7 example postings. llamacpp (bundled SmolLM2-135M) and openai
(a local `python -m llama_cpp.server` with the same model, started here) write one letter
each with one attempt; whether the guard accepted it or fell back is in the note. Set
APPLYKIT_BENCH_SKIP_LLM=1 to skip the model backends.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bench.common import EXAMPLES, Row

MODEL_MAX_TOKENS = 400


def _inputs() -> tuple[Any, list[tuple[Any, Any]]]:
    from applykit.ingest.postings import parse_posting_file
    from applykit.ingest.profiles import load_profile
    from applykit.match.fit import analyze_fit

    profile = load_profile(EXAMPLES / "profile.yaml")
    pairs = []
    for path in sorted((EXAMPLES / "postings").iterdir()):
        posting = parse_posting_file(path)
        pairs.append((posting, analyze_fit(profile, posting)))
    return profile, pairs


def _grounded_rows(profile: Any, pairs: list[tuple[Any, Any]]) -> list[Row]:
    from applykit.write.critique import critique_letter
    from applykit.write.letter import write_letter

    seconds: list[float] = []
    words: list[int] = []
    scores: list[int] = []
    for posting, fit in pairs:
        start = time.perf_counter()
        letter = write_letter(profile, posting, fit)
        seconds.append(time.perf_counter() - start)
        words.append(letter.word_count)
        scores.append(critique_letter(letter.markdown, posting).score)
        assert letter.grounding.ok
    strong = (EXAMPLES / "letters" / "strong.md").read_text(encoding="utf-8")
    generic = (EXAMPLES / "letters" / "generic.md").read_text(encoding="utf-8")
    brightwater = next(p for p, _ in pairs if p.company and "Brightwater" in p.company)
    return [
        Row(
            "letters.grounded_latency",
            statistics.median(seconds),
            "s",
            f"write_letter (plan + compose + guard), 7 postings, words {min(words)}-{max(words)}",
        ),
        Row(
            "letters.grounded_critique",
            statistics.median(scores),
            "score",
            f"median critique of the 7 grounded letters (min {min(scores)})",
        ),
        Row(
            "letters.critique_strong_vs_generic",
            critique_letter(strong, brightwater).score
            - critique_letter(generic, brightwater).score,
            "points",
            "examples/letters strong.md minus generic.md",
        ),
    ]


def _model_row(name: str, backend: Any, profile: Any, pair: tuple[Any, Any]) -> Row:
    from applykit.write.letter import write_letter

    posting, fit = pair
    options = backend.options(max_tokens=MODEL_MAX_TOKENS, temperature=0.3, seed=7)
    start = time.perf_counter()
    letter = write_letter(profile, posting, fit, backend=backend, options=options)
    seconds = time.perf_counter() - start
    outcome = "fell back to grounded" if letter.fell_back else "accepted by the guard"
    untraced = next((w for w in letter.warnings if "was not shown" in w), "")
    return Row(
        f"letters.{name}_latency",
        seconds,
        "s",
        f"1 letter, 1 attempt, max_tokens {MODEL_MAX_TOKENS}: {outcome}"
        + (f" ({untraced[:120]}…)" if untraced else ""),
    )


@contextmanager
def _llama_server(model: str) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        model,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "4096",
        "--n_threads",
        "2",
    ]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            import httpx

            url = f"http://127.0.0.1:{port}/v1"
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and process.poll() is None:
                try:
                    if httpx.get(f"{url}/models", timeout=1.0).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.3)
            else:
                raise RuntimeError("llama_cpp.server did not start")
            yield url
        finally:
            process.terminate()
            process.wait(timeout=15)


def run() -> list[Row]:
    from applykit.config import Settings

    profile, pairs = _inputs()
    rows = _grounded_rows(profile, pairs)
    if os.environ.get("APPLYKIT_BENCH_SKIP_LLM"):
        return rows
    from applykit.backends.llamacpp import LlamaCppBackend, bundled_model_path
    from applykit.backends.openai_compat import OpenAICompatBackend

    model = bundled_model_path()
    if model is None:
        return [*rows, Row("letters.llamacpp_latency", 0, "s", "skipped: [local] not installed")]
    pair = pairs[[p.company for p, _ in pairs].index("Brightwater Payments")]
    settings = Settings(grounding_retries=0)
    rows.append(_model_row("llamacpp", LlamaCppBackend(settings), profile, pair))
    with _llama_server(str(model)) as url:
        server = Settings(grounding_retries=0, openai_base_url=url, openai_model="smollm2")
        rows.append(_model_row("openai", OpenAICompatBackend(server), profile, pair))
    return rows
