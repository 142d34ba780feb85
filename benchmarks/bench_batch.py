"""Throughput and memory of batch conversion, run by hand (not a test): ``python benchmarks/bench_batch.py``.

Builds a benchmark archive from real VEVENTs (``../shared/corpus/announcements`` beside the
repository, else the repository's own ``corpus/``) repeated with fresh UIDs, then prints, in
one run, each figure with the target it is held to:

(a) our VEVENT reader against ``icalendar.Calendar.from_ical`` + ``walk`` on the same archive,
    after checking that both give the same values of every property we read;
(b) ``extract big.ics --jsonl`` as a whole process against a process that only imports spaCy
    and tokenizes the same descriptions with ``spacy.blank("en")``;
(c) ``--jobs 2`` against ``--jobs 1`` (wall time; needs two cores);
(d) the peak RSS of 6,000 events against 1,000 events;
(e) the cold start of ``extract one.ics --json`` against ``import spacy; spacy.blank('en')``.

The whole processes (b) to (e) are measured first and (a) last, so that they are forked from
this process while it is small (Linux counts a forked child's peak RSS from its parent's size).

The package's bytecode is compiled first, as an installation from a wheel does: in an
environment with PYTHONDONTWRITEBYTECODE set (as on our CI machines), an editable checkout
would otherwise compile every module of extractor/ from source in every process, about a tenth
of a second that no installed copy pays.

Timings of whole processes are wall seconds, CPU seconds (user + system, children included)
and peak RSS from ``os.wait4``; each is the median of ``--runs`` runs after one warm-up. On a
machine shared with other work the wall seconds of (b) and (c) depend on how many cores the
others leave free; the CPU seconds printed beside them do not.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor.reading.contentlines import USED_PROPERTIES, read_event  # noqa: E402
from extractor.reading.ics import VeventBlock, iter_vevent_blocks, parse_vevent  # noqa: E402
from extractor.reading.stream import LineSource, open_binary  # noqa: E402

PYTHON = sys.executable
EXTRACT = [PYTHON, "-m", "extractor"]
TOKENIZE_ONLY = """
import json, sys, spacy
nlp = spacy.blank("en")
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        nlp(json.loads(line))
"""


def source_events() -> list[str]:
    """Return the VEVENT blocks of the development corpus (or of corpus/) as texts."""
    shared = REPO.parent / "shared" / "corpus" / "announcements"
    folder = shared if shared.is_dir() else REPO / "corpus"
    events = []
    for path in sorted(folder.rglob("*.ics")):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        events += ["\n".join(b.lines) for b in iter_vevent_blocks(lines)
                   if isinstance(b, VeventBlock) and b.complete]
    print(f"source: {len(events)} VEVENTs from {folder}")
    return events


def write_calendar(path: Path, events: list[str], count: int) -> None:
    """Write ``count`` events, cycling through ``events``, each with a fresh UID."""
    with path.open("w", encoding="utf-8", newline="\r\n") as out:
        out.write("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//bench//EN\n")
        for n in range(count):
            event = events[n % len(events)]
            lines = [line for line in event.split("\n") if not line.upper().startswith("UID")]
            lines.insert(1, f"UID:bench-{n}@talk-extractor.invalid")
            out.write("\n".join(lines) + "\n")
        out.write("END:VCALENDAR\n")


def run_process(command: list[str], runs: int) -> tuple[float, float, float]:
    """Return the median wall seconds, peak RSS (MiB) and CPU seconds (user + system) of a
    command, after one warm-up. On a shared machine the CPU seconds move less than the wall."""
    walls, peaks, cpus = [], [], []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   cwd=REPO)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"failed: {' '.join(command)}")
        if attempt:
            walls.append(wall)
            peaks.append(usage.ru_maxrss / 1024)
            cpus.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(walls), statistics.median(peaks), statistics.median(cpus)


def best_of(function: Callable[[], object], runs: int) -> float:
    """Return the fastest of ``runs`` timings of ``function`` (in-process)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def our_properties(path: Path) -> list[list[object]]:
    """Return the used property values of every event, read by our streaming reader."""
    with open_binary(str(path)) as stream:
        return [[event.get(name) for name in USED_PROPERTIES] for event in (
            read_event(block.lines) for block in iter_vevent_blocks(LineSource(stream, path=str(path)))
            if isinstance(block, VeventBlock))]


def icalendar_properties(path: Path) -> list[list[object]]:
    """Return the same values from ``icalendar.Calendar.from_ical`` + ``walk``."""
    import icalendar

    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return [[event.get(name) for name in USED_PROPERTIES] for event in calendar.walk("VEVENT")]


def our_reader(path: Path) -> list[dict[str, str]]:
    """Return what our reader gives of each event: the views' used values as text."""
    with open_binary(str(path)) as stream:
        return [_view_values(parse_vevent(block))
                for block in iter_vevent_blocks(LineSource(stream, path=str(path)))
                if isinstance(block, VeventBlock)]


def icalendar_reader(path: Path) -> list[dict[str, str]]:
    """Return what a full icalendar parse gives of the same properties, the same way."""
    import icalendar

    from extractor.reading import ics

    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    views = []
    for index, event in enumerate(calendar.walk("VEVENT")):
        view = ics.VeventView(index=index)
        view.uid = ics._text(event.get("UID"))
        view.summary = ics._clean_text(ics._text(event.get("SUMMARY")) or "")
        view.description = ics._description(event)  # type: ignore[arg-type]
        view.location = ics._clean_text(ics._text(event.get("LOCATION")) or "") or None
        view.url = ics._text(event.get("URL"))
        view.categories = ics._categories(event.get("CATEGORIES"))
        view.organizer = ics._organizer(event.get("ORGANIZER"))
        view.status = ics._text(event.get("STATUS"))
        view.conference = ics._text(event.get("CONFERENCE"))
        view.start, view.timezone = ics._when(event, "DTSTART", view.warnings)  # type: ignore[arg-type]
        view.end, _ = ics._when(event, "DTEND", view.warnings)  # type: ignore[arg-type]
        views.append(_view_values(view))
    return views


def _view_values(view: object) -> dict[str, str]:
    names = ("uid", "summary", "description", "location", "url", "categories", "organizer",
             "status", "conference", "start", "end", "timezone")
    return {name: repr(getattr(view, name)) for name in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=6000, help="events in big.ics")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each process")
    parser.add_argument("--write-descriptions", nargs=2, metavar=("ICS", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_descriptions:
        write_descriptions(Path(args.write_descriptions[0]), Path(args.write_descriptions[1]))
        return
    compiled = compileall.compile_dir(REPO / "extractor", quiet=1)
    print(f"bytecode of extractor/: {'compiled' if compiled else 'NOT compiled (cold start includes it)'}")
    events = source_events()
    folder = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    big, small, one = folder / "big.ics", folder / "small.ics", folder / "one.ics"
    write_calendar(big, events, args.events)
    write_calendar(small, events, 1000)
    write_calendar(one, events, 1)
    print(f"archive: {folder} ({args.events} events in big.ics, "
          f"{big.stat().st_size / 1e6:.1f} MB); USED_PROPERTIES={len(USED_PROPERTIES)}")

    descriptions = folder / "descriptions.jsonl"
    # The whole processes are measured first, forked from this process while it is still small:
    # Linux counts a child's peak RSS from its parent's size at fork, and the reader comparison
    # (a) holds the whole archive. The descriptions are written by a process of their own.
    subprocess.run([PYTHON, __file__, "--write-descriptions", str(big), str(descriptions)],
                   check=True)
    script = folder / "tokenize_only.py"
    script.write_text(TOKENIZE_ONLY, encoding="utf-8")
    t_extract, rss_big, cpu_extract = run_process(EXTRACT + [str(big), "--jsonl", "--quiet"],
                                                  args.runs)
    t_tokens, _, cpu_tokens = run_process([PYTHON, str(script), str(descriptions)], args.runs)
    print(f"(b) end to end: extract {args.events / t_extract:,.0f} events/s ({t_extract:.2f} s, "
          f"peak RSS {rss_big:.0f} MiB); tokenize-only {t_tokens:.2f} s: "
          f"{t_tokens / t_extract:.2f}x (target >= 0.6x); CPU seconds {cpu_extract:.2f} "
          f"against {cpu_tokens:.2f}: {cpu_tokens / cpu_extract:.2f}x")

    t_two, _, cpu_two = run_process(EXTRACT + [str(big), "--jsonl", "--quiet", "--jobs", "2"],
                                    args.runs)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"(c) --jobs 2: {t_two:.2f} s against --jobs 1 {t_extract:.2f} s: "
          f"{t_extract / t_two:.2f}x on {cores} cores (target >= 1.8x on 2 cores); CPU seconds "
          f"{cpu_two:.2f} against {cpu_extract:.2f} (what the workers add)")

    _, rss_small, _ = run_process(EXTRACT + [str(small), "--jsonl", "--quiet"], args.runs)
    print(f"(d) peak RSS: {rss_big:.0f} MiB for {args.events} events, {rss_small:.0f} MiB for "
          f"1000: {rss_big / rss_small:.2f}x (target <= 1.25x)")

    t_cold, _, _ = run_process(EXTRACT + [str(one), "--json", "--quiet"], args.runs * 2)
    t_spacy, _, _ = run_process([PYTHON, "-c", "import spacy; spacy.blank('en')"], args.runs * 2)
    print(f"(e) cold start: extract one.ics {t_cold:.2f} s, import spacy + blank {t_spacy:.2f} s: "
          f"{t_cold / t_spacy:.2f}x (target <= 1.5x)")

    ours = our_reader(big)
    theirs = icalendar_reader(big)
    assert ours == theirs, "the readers disagree on a property value"
    t_raw = best_of(lambda: our_properties(big), args.runs)
    t_ical_raw = best_of(lambda: icalendar_properties(big), args.runs)
    print(f"(a) reader, properties: ours {len(ours) / t_raw:,.0f} events/s, icalendar "
          f"{len(ours) / t_ical_raw:,.0f} events/s: {t_ical_raw / t_raw:.1f}x faster "
          f"(target >= 5x)")
    t_ours = best_of(lambda: our_reader(big), args.runs)
    t_ical = best_of(lambda: icalendar_reader(big), args.runs)
    print(f"    reader, event views (HTML to text etc. included on both sides): ours "
          f"{len(ours) / t_ours:,.0f} events/s, icalendar {len(ours) / t_ical:,.0f} events/s: "
          f"{t_ical / t_ours:.1f}x; views identical")


def write_descriptions(big: Path, out_path: Path) -> None:
    """Write the description of every event of ``big`` as a JSON line (the tokenize-only input)."""
    with out_path.open("w", encoding="utf-8") as out:
        for values in our_reader(big):
            out.write(json.dumps(eval(values["description"])) + "\n")  # noqa: S307 - our repr


if __name__ == "__main__":
    main()
