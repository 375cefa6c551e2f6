"""`python main.py` starts the 12351 Hotline Desk."""

import sys

from hotline_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
