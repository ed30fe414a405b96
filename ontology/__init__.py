"""Turtle files of the govkg ontology, shapes and programme thesaurus (package data)."""
