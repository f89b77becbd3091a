"""Train the tagger + dependency parser in extract/tagger/syntax/ from UD English EWT.

Stages, each printing its progress:
  1. convert the treebank's CoNLL-U files with ``spacy convert --converter conllu`` into the build
     folder (not versioned), then relabel negation (see ``relabel_negation``);
  2. train with training/syntax.cfg on one core (the best model on the dev file is kept);
  3. evaluate that model on the test file, on single sentences (how the detector parses) and on
     ten-sentence documents (where the parser must also find sentence boundaries);
  4. measure words/s on one core over the test file's sentences;
  5. write the model, stripped of training-only settings, with its figures and the treebank
     credit in meta.json, to extract/tagger/syntax/.

    .venv/bin/python training/train_syntax.py [--ud-dir ../shared/ud/en_ewt] [--build-dir build/syntax]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "training" / "syntax.cfg"
MODEL_DIR = REPO / "extract" / "tagger" / "syntax"
SPLITS = ("train", "dev", "test")
SENTENCES_PER_DOC = 10
SPEED_ROUNDS = 3
LICENCE = "CC BY-SA 4.0"
CREDIT = {
    "name": "Universal Dependencies English Web Treebank (UD_English-EWT) v2.15",
    "url": "https://universaldependencies.org/treebanks/en_ewt/",
    "author": "Silveira et al. 2014; annotations (c) The Board of Trustees of the Leland Stanford Junior "
    "University; texts from the LDC English Web Treebank (LDC2012T13)",
    "license": LICENCE,
}
# Only what a user of the pipeline needs stays in the saved config; paths and training settings go.
TRAINING_ONLY_SECTIONS = ("paths", "corpora", "training", "pretraining", "initialize")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(command: list[str], log_path: Path | None = None) -> None:
    log(" ".join(command))
    if log_path is None:
        subprocess.run(command, check=True)
        return
    with log_path.open("w") as sink:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in process.stdout:
            sink.write(line)
            sink.flush()
            print(line, end="", flush=True)
        if process.wait():
            sys.exit(f"failed: {' '.join(command)} (log: {log_path})")


def relabel_negation(path: Path) -> None:
    """UD marks the negating "not"/"n't" as advmod with Polarity=Neg; the detector asks "is this verb
    negated?", so those arcs get their own label, ``neg`` (as in UD v1 and spaCy's English models).
    "never", "no" and "nor" keep their UD relations."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    docs = list(DocBin().from_disk(path).get_docs(vocab))
    relabelled = 0
    for doc in docs:
        for token in doc:
            if token.dep_ == "advmod" and "Polarity=Neg" in token.morph:
                token.dep_ = "neg"
                relabelled += 1
    DocBin(attrs=DocBin().attrs, store_user_data=False, docs=docs).to_disk(path)
    log(f"{path.name}: {len(docs)} docs, {relabelled} negations relabelled advmod -> neg")


def convert(ud_dir: Path, corpus_dir: Path) -> dict[str, Path]:
    """CoNLL-U -> DocBin: ten sentences a doc for training, and one sentence a doc for the test file too."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for split in SPLITS:
        source = ud_dir / f"en_ewt-ud-{split}.conllu"
        for per_doc in (SENTENCES_PER_DOC, 1) if split == "test" else (SENTENCES_PER_DOC,):
            out_dir = corpus_dir / f"n{per_doc}"
            out_dir.mkdir(exist_ok=True)
            run([sys.executable, "-m", "spacy", "convert", str(source), str(out_dir),
                 "--converter", "conllu", "--n-sents", str(per_doc)])
            converted = out_dir / f"{source.stem}.spacy"
            relabel_negation(converted)
            paths[f"{split}-n{per_doc}"] = converted
    return paths


def train(corpus: dict[str, Path], output: Path, log_path: Path) -> Path:
    run([sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(output),
         "--paths.train", str(corpus[f"train-n{SENTENCES_PER_DOC}"]),
         "--paths.dev", str(corpus[f"dev-n{SENTENCES_PER_DOC}"])], log_path)
    return output / "model-best"


def evaluate(model: Path, test: Path, scores_path: Path) -> dict[str, float]:
    """spacy evaluate tokenizes the raw text as the runtime does and aligns it to the treebank's tokens."""
    run([sys.executable, "-m", "spacy", "evaluate", str(model), str(test), "--output", str(scores_path)])
    scores = json.loads(scores_path.read_text())
    return {key: round(scores[key], 4) for key in ("pos_acc", "tag_acc", "morph_acc", "dep_uas", "dep_las",
                                                     "lemma_acc", "sents_f") if scores.get(key) is not None}


def words_per_second(model: Path, test: Path) -> dict[str, object]:
    """CPU time of one process over the test file's sentences, one doc each (the detector parses
    candidate sentences): best of SPEED_ROUNDS, with and without the lemmatizer."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(model)
    sentences = [doc.text for doc in DocBin().from_disk(test).get_docs(nlp.vocab)]
    words = sum(len(nlp.make_doc(text)) for text in sentences)
    speeds = {"text": f"{test.name}: {len(sentences)} sentences, one doc each", "words": words}
    for label, disabled in (("all", []), ("without_lemmatizer", ["trainable_lemmatizer"])):
        best = 0.0
        with nlp.select_pipes(disable=disabled):
            for _ in range(SPEED_ROUNDS):
                start = time.process_time()
                for _doc in nlp.pipe(sentences, batch_size=256):
                    pass
                best = max(best, words / (time.process_time() - start))
        speeds[label] = int(best)
        log(f"{label}: {int(best)} words/s (CPU time, {words} words)")
    return speeds


def save_model(model: Path, destination: Path, accuracy: dict, speed: dict) -> None:
    import spacy

    nlp = spacy.load(model)
    for section in TRAINING_ONLY_SECTIONS:
        nlp.config.pop(section, None)
    nlp.meta.update({
        "name": "ewt_syntax",
        "version": "1.0.0",
        "description": "Tagger (Penn tags), morphologizer (UPOS + features), dependency parser (UD "
        "relations, with `neg` for not/n't) and edit-tree lemmatizer, trained on UD English EWT by "
        "training/train_syntax.py",
        # Any 3.8 release loads it, as requirements.txt allows; spaCy would otherwise warn.
        "spacy_version": ">=3.8.0,<3.9.0",
        "license": LICENCE,
        "sources": [CREDIT],
        "performance": {},
        "accuracy_test": accuracy,
        "speed_one_core": speed,
    })
    staging = destination.with_name(destination.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    nlp.to_disk(staging)
    shutil.rmtree(destination, ignore_errors=True)
    staging.rename(destination)
    size = sum(f.stat().st_size for f in destination.rglob("*") if f.is_file())
    log(f"wrote {destination} ({size / 1e6:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ud-dir", type=Path, default=REPO.parent / "shared" / "ud" / "en_ewt")
    parser.add_argument("--build-dir", type=Path, default=REPO / "build" / "syntax")
    parser.add_argument("--output", type=Path, default=MODEL_DIR)
    parser.add_argument("--log", type=Path, default=Path("/tmp/syntax-train.log"))
    args = parser.parse_args()
    # One core, whatever the machine: training and the speed figures stay comparable.
    os.environ.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")

    started = time.time()
    corpus = convert(args.ud_dir, args.build_dir / "corpus")
    best = train(corpus, args.build_dir / "training", args.log)
    log(f"trained in {(time.time() - started) / 60:.0f} min")
    accuracy = {
        "sentences": evaluate(best, corpus["test-n1"], args.build_dir / "test-sentences.json"),
        "documents": evaluate(best, corpus[f"test-n{SENTENCES_PER_DOC}"], args.build_dir / "test-documents.json"),
    }
    log(f"test accuracy: {json.dumps(accuracy)}")
    speed = words_per_second(best, corpus["test-n1"])
    save_model(best, args.output, accuracy, speed)
    log(f"done in {(time.time() - started) / 60:.0f} min")


if __name__ == "__main__":
    main()
