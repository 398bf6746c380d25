"""The domain of FibroMap, free of Qt: content, map geometry, hit testing, timing rules."""
