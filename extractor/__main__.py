"""The ``extract`` command and ``python -m extractor``: start the process, then run the CLI."""
from __future__ import annotations

import gc


def main() -> None:
    """Run ``extract`` with the cyclic garbage collector kept out of the start-up."""
    # Loading spaCy, icalendar and our rule modules makes some million objects that live as
    # long as the process; the collector walked them over and over while they were being made
    # (a fifth of a cold start). It is off while the modules load, and what they made is then
    # frozen out of its reach, which also spares the pages that forked workers share with us.
    gc.disable()
    try:
        from .cli import main as run_cli
    finally:
        gc.freeze()
        gc.enable()
    run_cli()


if __name__ == "__main__":
    main()
