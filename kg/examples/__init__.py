"""Bundled example reports (written for govkg, not copied from any real report)."""
