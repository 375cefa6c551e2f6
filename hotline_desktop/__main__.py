"""`python -m hotline_desktop ...` runs the command line."""

import sys

from .cli import main

# The guard matters: the demo loader's helper process imports this module again.
if __name__ == "__main__":
    sys.exit(main())
