"""`python -m bot` is `companion run`; `python -m bot sandbox` etc. work too."""
import sys

from bot.cli import main

if __name__ == "__main__":  # not when a worker process (charts) imports this module again
    sys.exit(main(sys.argv[1:] or ["run"]))
