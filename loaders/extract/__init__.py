"""Extractors, one per kind of fact; each takes a `loaders.text.Text` and returns plain records.

Order of use (see `loaders.pipeline`): meta (title, kind, year, date) → jurisdiction → programme →
document → outcome (which links each outcome to a programme found before it).
"""
