"""``python -m app`` starts FibroMap."""

import sys

from app.main import main

sys.exit(main())
