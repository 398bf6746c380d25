"""The frozen app's entry point: the same ``main`` as the ``fibromap`` command."""

import sys

from app.main import main

if __name__ == "__main__":
    sys.exit(main())
