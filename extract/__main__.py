import sys

from extract.cli import main

# Guarded: worker processes (spawned by extraction) import this module again.
if __name__ == "__main__":
    sys.exit(main())
