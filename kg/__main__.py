"""`python -m kg` is the `govkg` command."""
import sys

from kg.cli import main

sys.exit(main())
