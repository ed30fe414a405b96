"""The `govkg` command line (`main`) and its subcommands, one module per group; `main` is the console
script's entry point (`kg.cli:main`)."""
from kg.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
