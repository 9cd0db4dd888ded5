"""`python -m bot` is `companion run`; `python -m bot sandbox` etc. work too."""
import sys

from bot.cli import main

sys.exit(main(sys.argv[1:] or ["run"]))
