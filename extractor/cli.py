"""The ``extract`` command: a thin door into the library.

``extract FILE... [--format json|jsonl|jsonld|es-bulk|csv]`` turns announcements into records,
``extract FILE... --jsonl --engine dask -o FOLDER`` does it on a Dask cluster,
``extract FILE... --index DB`` stores them in a SQLite search index, ``extract search DB QUERY``
searches it, and ``extract evaluate`` scores records against gold annotations. Exit codes: 0 all fine, 1 some inputs failed, 2 usage.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

import typer

from . import api, batch
from .errors import ExtractorError
from .outputs import OutputFormat, record_writer
from .outputs.json_records import open_output

DEFAULT_LIMIT = 10  # hits shown by 'extract search'; the search module is imported only there

SUBCOMMANDS = ("evaluate", "search")

Engine = Literal["local", "dask"]

files_app = typer.Typer(add_completion=False, rich_markup_mode=None,
                        context_settings={"help_option_names": ["-h", "--help"]})
commands_app = typer.Typer(add_completion=False, rich_markup_mode=None,
                           context_settings={"help_option_names": ["-h", "--help"]})

# Output options, declared once and shared by the commands that print.
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
AsJsonl = Annotated[bool, typer.Option("--jsonl", help="Print one record per line.")]
Format = Annotated[Optional[OutputFormat], typer.Option(
    "--format", "-f", help="json (an array), jsonl, jsonld (schema.org EducationEvent), es-bulk "
    "(an Elasticsearch/OpenSearch _bulk body) or csv (one row per talk); --json and --jsonl "
    "are short for the first two. Default: json.", show_default=False)]
Output = Annotated[Optional[str], typer.Option(
    "-o", "--output", help="Write to this file (atomically) instead of standard output; with "
    "--engine dask, the folder of the partitions.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on standard error "
                                     "but errors.")]


@dataclass
class _Tally:
    errors: int = 0
    warned: int = 0


@files_app.command(epilog="Other commands: 'extract evaluate --help', 'extract search --help'.")
def extract(
    inputs: Annotated[list[str], typer.Argument(
        help="Announcement files (.ics, .ics.gz, .txt, .eml, .md, .html), folders (read "
             "recursively), or - for standard input.", show_default=False)],
    fmt: Format = None,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    output: Output = None,
    index: Annotated[Optional[Path], typer.Option(
        "--index", help="Store the records in this SQLite search index (created if absent; "
        "re-runs update it in place) instead of printing them.", show_default=False)] = None,
    encoding: Annotated[Optional[str], typer.Option(
        help="Read every input in this encoding instead of detecting it.")] = None,
    explain: Annotated[bool, typer.Option(
        help="Add every candidate of every field, with its rule, to each record.")] = False,
    max_chars: Annotated[int, typer.Option(
        min=1, help="Refuse a text file or a single VEVENT longer than this many characters "
        "(an E008/E013 error line; a calendar itself may be of any size).")] = api.DEFAULT_MAX_CHARS,
    strict: Annotated[bool, typer.Option(
        help="Treat warnings as errors: print each as an E017 line on standard error and "
             "exit 1 (the records are still written).")] = False,
    quiet: Quiet = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Processes that extract: this "
                                      "one and N - 1 workers (0: one per core).")] = 1,
    engine: Annotated[Engine, typer.Option(
        help="local: this machine (--jobs); dask: a Dask cluster (--scheduler), writing JSON "
             "Lines partitions (part-00000.jsonl, ...) into the folder -o names.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        metavar="ADDRESS", show_default=False,
        help="With --engine dask: the scheduler's address (tcp://host:8786). Default: a "
             "cluster of this machine's cores, started for the run.")] = None,
) -> None:
    """Turn talk announcements into structured records: one per VEVENT or text file."""
    chosen = _output_format(fmt, as_json=as_json, as_jsonl=as_jsonl)
    if index is not None and (chosen or output) and engine == "local":
        raise typer.BadParameter("--index stores the records instead of printing them; leave "
                                 "out --format/--json/--jsonl/-o, or run twice", param_hint="--index")
    options = api.Options(encoding=encoding, explain=explain, max_chars=max_chars)
    for target, hint in ((output, "-o"), (str(index) if index else None, "--index")):
        if target and api.would_overwrite_input(target, inputs):
            raise typer.BadParameter(f"{hint} {target} would overwrite an input", param_hint=hint)
    if engine == "dask":
        _extract_on_dask(inputs, output=output, fmt=chosen, scheduler=scheduler, options=options,
                         quiet=quiet, strict=strict, index=index, jobs=jobs)
        return
    if scheduler is not None:
        raise typer.BadParameter("goes with --engine dask", param_hint="--scheduler")
    summary = batch.Summary()
    tally = _Tally()
    made = batch.iter_records(inputs, options=options, jobs=jobs, summary=summary,
                              stdin=sys.stdin.buffer if "-" in inputs else None)
    with batch.ProgressLine(not quiet and sys.stderr.isatty(), summary) as tick:
        records = _tallied(made, tally, strict=strict, tick=tick)
        if index is not None:
            from .outputs.sqlite_index import index_records  # only --index pays for it

            report = index_records(records, path=index)
        else:
            with open_output(output) as stream:
                writer = record_writer(stream, chosen or "json")
                for record in records:
                    writer.write(record)
                writer.close()
    if not quiet:
        typer.echo(summary.line(), err=True)
        if index is not None:
            typer.echo(report.summary(), err=True)
    if tally.errors or (strict and tally.warned):
        raise typer.Exit(1)


def _extract_on_dask(inputs: list[str], *, output: str | None, fmt: OutputFormat | None,
                     scheduler: str | None, options: api.Options, quiet: bool, strict: bool,
                     index: Path | None, jobs: int) -> None:
    """Run ``--engine dask`` and report as a local run does: progress, error lines (and
    warnings with --strict), the summary, the exit code; with --index, index the partitions."""
    if output is None or output == "-":
        raise typer.BadParameter("dask needs -o FOLDER, the folder its JSON Lines partitions "
                                 "are written to", param_hint="--engine")
    if fmt not in (None, "jsonl"):
        raise typer.BadParameter(f"--engine dask writes JSON Lines only, not {fmt}; use --jsonl",
                                 param_hint="--format")
    if jobs != 1:
        raise typer.BadParameter("does not go with --engine dask (the cluster's workers do the "
                                 "work); leave it out", param_hint="--jobs")
    from .dask import extract_archive, iter_partition_records  # only --engine dask pays for Dask

    if index is not None:  # an index that is not ours stops the run before the cluster works
        from .outputs.sqlite_index import open_index

        open_index(index, create=True).close()
    done = batch.Summary()  # the partitions finished so far, for the progress line

    with batch.ProgressLine(not quiet and sys.stderr.isatty(), done) as tick:
        def finished(partition: batch.Summary) -> None:
            done.add(partition)
            tick()

        run = extract_archive(inputs, output, scheduler=scheduler, options=options,
                              strict=strict, on_partition=finished)
    for text in run.errors + (run.warnings if strict else []) + run.failed:
        typer.echo(text, err=True)
    if index is not None:
        from .outputs.sqlite_index import index_records  # only --index pays for it

        report = index_records(iter_partition_records(run.partitions), path=index)
    if not quiet:
        typer.echo(f"{run.summary.line()}; {len(run.partitions)} partitions in {output}", err=True)
        if index is not None:
            typer.echo(report.summary(), err=True)
    if run.errors or run.failed or (strict and run.summary.warned):
        raise typer.Exit(1)


def _output_format(fmt: OutputFormat | None, *, as_json: bool,
                   as_jsonl: bool) -> OutputFormat | None:
    """The format asked for by --format or its shorthands; None when none was given."""
    asked: set[OutputFormat] = {f for f, on in (("json", as_json), ("jsonl", as_jsonl)) if on}
    if fmt is not None:
        asked.add(fmt)
    if len(asked) > 1:
        raise typer.BadParameter("choose one of --format, --json and --jsonl")
    return asked.pop() if asked else None


def _tallied(records: Iterator[dict[str, Any]], tally: _Tally, *, strict: bool,
             tick: Callable[[], None]) -> Iterator[dict[str, Any]]:
    """Pass records on, printing each error's message (and with --strict each warning)."""
    for record in records:
        tick()
        if "error" in record:
            tally.errors += 1
            typer.echo(record["error"]["message"], err=True)
        elif record.get("warnings"):
            tally.warned += 1
            if strict:
                for text in batch.warning_messages(record):
                    typer.echo(text, err=True)
        yield record


@commands_app.command("evaluate")
def evaluate_command(
    predictions: Annotated[list[Path], typer.Argument(
        help="Records as printed by 'extract --jsonl'.", show_default=False)],
    gold: Annotated[list[Path], typer.Option(
        "--gold", help="Gold annotations (JSON Lines); may be given several times.")],
    as_json: AsJson = False,
    errors: Annotated[int, typer.Option(help="List up to this many mistakes on standard error.")] = 0,
) -> None:
    """Score records against gold annotations: precision, recall and F1 per field."""
    from .evaluate import evaluate, format_error, format_table, iter_errors, load_jsonl

    gold_lines = [line for path in gold for line in load_jsonl(path)]
    records = [line for path in predictions for line in load_jsonl(path)]
    report = evaluate(gold=gold_lines, records=records)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False))
    else:
        typer.echo(format_table(report), nl=False)
    for mistake in list(iter_errors(gold=gold_lines, records=records))[:errors]:
        typer.echo(format_error(mistake), err=True)


@commands_app.command("search")
def search_command(
    index: Annotated[Path, typer.Argument(
        help="The index built by 'extract FOLDER --index FILE'.", show_default=False)],
    query: Annotated[str, typer.Argument(
        help='Words that must all occur; "a phrase" in quotes; optim* for a prefix.',
        show_default=False)],
    as_json: AsJson = False,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many hits.")] = DEFAULT_LIMIT,
    speaker: Annotated[Optional[str], typer.Option(
        help="Only talks with a speaker whose name contains this (any case).")] = None,
    affiliation: Annotated[Optional[str], typer.Option(
        help="Only talks with a speaker whose affiliation contains this.")] = None,
    series: Annotated[Optional[str], typer.Option(
        help="Only talks of a series whose name contains this.")] = None,
    after: Annotated[Optional[datetime], typer.Option(
        formats=["%Y-%m-%d"], help="Only talks starting on or after this day (YYYY-MM-DD).")] = None,
    before: Annotated[Optional[datetime], typer.Option(
        formats=["%Y-%m-%d"], help="Only talks starting on or before this day (YYYY-MM-DD).")] = None,
) -> None:
    """Search the talk index: hits ranked by relevance, with the matching words highlighted."""
    from .search import Filters, format_hits, search  # only this command pays for it

    filters = Filters(speaker=speaker, affiliation=affiliation, series=series,
                      after=after.date() if after else None,
                      before=before.date() if before else None)
    hits = search(index, query, limit=limit, filters=filters)
    if as_json:
        typer.echo(json.dumps(hits, ensure_ascii=False, indent=2))
    else:
        typer.echo(format_hits(hits), nl=False)


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
