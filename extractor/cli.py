"""The ``extract`` command: a thin door into the library.

``extract FILE... [--json|--jsonl]`` turns announcements into records; ``extract evaluate``
scores records against gold annotations. Exit codes: 0 all fine, 1 some inputs failed, 2 usage.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import api, batch
from .errors import ExtractorError
from .outputs.json_records import RecordWriter, open_output

SUBCOMMANDS = ("evaluate",)

files_app = typer.Typer(add_completion=False, rich_markup_mode=None,
                        context_settings={"help_option_names": ["-h", "--help"]})
commands_app = typer.Typer(add_completion=False, rich_markup_mode=None,
                           context_settings={"help_option_names": ["-h", "--help"]})


@files_app.command(epilog="Other commands: 'extract evaluate --help'.")
def extract(
    inputs: Annotated[list[str], typer.Argument(
        help="Announcement files (.ics, .ics.gz, .txt, .eml, .md, .html), folders (read "
             "recursively), or - for standard input.", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array (the default).")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one record per line.")] = False,
    output: Annotated[Optional[str], typer.Option(
        "-o", "--output", help="Write to this file (atomically) instead of standard output.")] = None,
    encoding: Annotated[Optional[str], typer.Option(
        help="Read every input in this encoding instead of detecting it.")] = None,
    explain: Annotated[bool, typer.Option(
        help="Add every candidate of every field, with its rule, to each record.")] = False,
    max_chars: Annotated[int, typer.Option(
        help="Refuse inputs longer than this many characters.")] = api.DEFAULT_MAX_CHARS,
    strict: Annotated[bool, typer.Option(
        help="Exit 1 when any record carries a warning.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on standard "
                                        "error but errors.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: one "
                                      "per core).")] = 1,
) -> None:
    """Turn talk announcements into structured records: one per VEVENT or text file."""
    if as_json and as_jsonl:
        raise typer.BadParameter("choose one of --json and --jsonl")
    options = api.Options(encoding=encoding, explain=explain, max_chars=max_chars)
    if output and any(Path(output).resolve() == Path(p).resolve() for p in inputs if p != "-"):
        raise typer.BadParameter(f"-o {output} would overwrite an input", param_hint="-o")
    with open_output(output) as stream:
        writer = RecordWriter(stream, "jsonl" if as_jsonl else "json")

        def write(record: dict[str, object]) -> None:
            writer.write(record)
            if strict and "error" not in record:
                for warning in record.get("warnings") or []:  # type: ignore[union-attr]
                    typer.echo(f"{record['source']['path']}: {warning}", err=True)  # type: ignore[index]

        summary = batch.run_batch(
            inputs, write=write, options=options, jobs=jobs,
            stdin=sys.stdin.buffer if "-" in inputs else None,
            progress=not quiet and sys.stderr.isatty(),
            on_error=lambda text: typer.echo(text, err=True))
        writer.close()
    if not quiet:
        typer.echo(summary.line(), err=True)
    if summary.errors or (strict and summary.warned):
        raise typer.Exit(1)


@commands_app.command("evaluate")
def evaluate_command(
    predictions: Annotated[list[Path], typer.Argument(
        help="Records as printed by 'extract --jsonl'.", show_default=False)],
    gold: Annotated[list[Path], typer.Option(
        "--gold", help="Gold annotations (JSON Lines); may be given several times.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    errors: Annotated[int, typer.Option(help="List up to this many mistakes on standard error.")] = 0,
) -> None:
    """Score records against gold annotations: precision, recall and F1 per field."""
    from .evaluate import evaluate, format_error, format_table, iter_errors, load_jsonl

    gold_lines = [line for path in gold for line in load_jsonl(path)]
    records = [line for path in predictions for line in load_jsonl(path)]
    report = evaluate(gold=gold_lines, records=records)
    if as_json:
        import json
        typer.echo(json.dumps(report, ensure_ascii=False))
    else:
        typer.echo(format_table(report), nl=False)
    for mistake in list(iter_errors(gold=gold_lines, records=records))[:errors]:
        typer.echo(format_error(mistake), err=True)


@commands_app.callback()
def _commands() -> None:
    """Commands of talk-extractor besides 'extract FILE...'."""


def main(argv: list[str] | None = None) -> None:
    """Run ``extract``: a subcommand when the first word names one, else the file extractor."""
    args = sys.argv[1:] if argv is None else argv
    app = commands_app if args and args[0] in SUBCOMMANDS else files_app
    try:
        app(args=args, prog_name="extract")
    except ExtractorError as exc:
        typer.echo(str(exc), err=True)
        sys.exit(2 if exc.code.startswith("E1") else 1)
    except KeyboardInterrupt:
        typer.echo("interrupted; an -o file was left as it was", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
