"""FibroMap: an interactive body-map reference for a medical-massage protocol for fibromyalgia."""

__version__ = "0.1.0"
APP_ID = "io.github.fibromap.FibroMap"
APP_NAME = "FibroMap"
