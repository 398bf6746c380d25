"""Qt widgets of FibroMap."""
