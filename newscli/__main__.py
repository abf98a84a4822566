"""The ``newscli`` command: the console script and ``python -m newscli``."""

import gc


def run() -> None:
    """Start the command with the cyclic collector off from the first import on: the imports
    (Typer, Click, the core) build tens of thousands of long-lived objects, and collecting
    among them is a sixth of a one-article run. ``cli.main`` turns it back on, with those
    objects frozen out of its sight, once the first article is done."""
    gc.disable()
    try:
        from newscli.cli import main
    except KeyboardInterrupt:  # Ctrl-C while the program still loads: the same quiet end
        import sys

        print("newscli: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    main()


if __name__ == "__main__":
    run()
