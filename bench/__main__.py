"""``python -m bench pipeline`` (whole DAG runs, then the tagger) and ``python -m bench tag``."""
import argparse
import sys
from pathlib import Path

from bench import pipeline, tagger


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    runs = commands.add_parser("pipeline", help="whole DAG runs on generated corpora: throughput, memory, increments")
    runs.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    runs.add_argument("--new", type=int, default=100, help="files arriving for the incremental run (default 100)")
    runs.add_argument("--workdir", default="build/bench", help="where corpora, warehouses and logs go")
    tag = commands.add_parser("tag", help="tagger words/s, and spaCy's tokenizer alone for comparison")
    tag.add_argument("--articles", type=int, default=2000, help="generated articles (default 2000)")
    tag.add_argument("--processes", type=int, default=1, help="nlp.pipe processes (default 1)")
    tag.add_argument("--rounds", type=int, default=5, help="best of this many timings (default 5)")
    args = parser.parse_args(argv)
    if args.command == "pipeline":
        sizes = tuple(int(size) for size in args.sizes.split(","))
        print(pipeline.run(sizes, args.new, Path(args.workdir).resolve()), flush=True)
        print(tagger.run(2000, rounds=2).report())
    else:
        print(tagger.run(args.articles, processes=args.processes, rounds=args.rounds).report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
