"""Notula export speed and memory for small, medium and large meetings.

Each size runs in a fresh process (so its peak RSS is its own) on a throw-away SQLite
database: it generates the meeting, then times, interleaved in each of --repeat rounds,
  - the full export with an empty document cache: the HTML built as a web request does,
    rendered as a task worker does (documents.tasks.render_document, with the worker's
    garbage-collector settings after its first task),
    which renders a long annex in a second process when a core is idle (documents.split),
  - a bare WeasyPrint render of the same HTML string in one process (same stylesheet, fonts),
  - a second export of the unchanged document (served from the content-hash cache).
Times are medians. Last line:

    medium_ms_per_page=<x> ratio_vs_bare=<y> cached_ratio=<z>

Run: .venv/bin/python bench/pdf.py [--repeat N]
"""

import argparse
import gc
import io
import json
import os
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {
    # participants, agenda items, briefings
    "small": (20, 6, 6),
    "medium": (100, 15, 15),
    "large": (500, 40, 40),
}


def child(size: str, repeat: int) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"pilkada-pdf-{size}-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "pilkada_portal.settings.base",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "DOCUMENT_CACHE_DIR": str(workdir / "documents"),
            "LOG_LEVEL": "WARNING",
            # The worker's GC settings apply; its lower CPU priority would only slow this.
            "TASK_WORKER_NICE": "0",
            "TASKS_BACKEND": "immediate",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import override_settings
    from pypdf import PdfReader

    from bench.generate import generate_meeting
    from documents import pdf, split, tasks
    from documents.render import document_export, document_export_source, document_html
    from meetings.models import Meeting

    try:
        call_command("migrate", verbosity=0)
        participants, items, briefings = SIZES[size]
        meeting_id = generate_meeting(
            participants=participants, agenda_items=items, briefings=briefings
        ).pk

        def full_export() -> tuple[float, bytes]:
            """What a download of a new document costs in all: the web request builds the
            HTML (document_export_source), a task worker renders it (render_document)."""
            shutil.rmtree(workdir / "documents", ignore_errors=True)
            started = time.perf_counter()
            # A fresh instance: the export loads everything itself, as a request would.
            source = document_export_source(Meeting.objects.get(pk=meeting_id), "notula")
            key = tasks.render_document.call(source.html)
            elapsed = (time.perf_counter() - started) * 1000
            return elapsed, pdf.cache_path(key).read_bytes()

        def bare() -> float:
            """One WeasyPrint render in this process (never split in two)."""
            with override_settings(DOCUMENT_SPLIT_RENDER=False):
                started = time.perf_counter()
                pdf.render_pdf(html)
                return (time.perf_counter() - started) * 1000

        def cached() -> float:
            started = time.perf_counter()
            document_export(Meeting.objects.get(pk=meeting_id), "notula")
            return (time.perf_counter() - started) * 1000

        splits = []
        render_split = split.render_split
        split.render_split = lambda *args: splits.append(1) or render_split(*args)

        html = document_html(Meeting.objects.get(pk=meeting_id), "notula", for_pdf=True)
        full_export()  # warm up, as a worker's first task: imports, fonts, GC settings
        # Interleaved, so that a change in the machine's load touches all three alike.
        full_runs, bare_runs, cached_runs, content = [], [], [], b""
        # Each starts from a collected heap, and the order alternates between rounds.
        for round_ in range(repeat):
            gc.collect()
            if round_ % 2:
                bare_runs.append(bare())
                gc.collect()
            ms, content = full_export()
            full_runs.append(ms)
            if not round_ % 2:
                gc.collect()
                bare_runs.append(bare())
            gc.collect()
            cached_runs.append(cached())

        pages = len(PdfReader(io.BytesIO(content)).pages)
        full = statistics.median(full_runs)
        return {
            "size": size,
            "pages": pages,
            "full_ms": full,
            "bare_ms": statistics.median(bare_runs),
            "cached_ms": statistics.median(cached_runs),
            "ms_per_page": full / pages,
            "split_renders": len(splits),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=SIZES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.repeat)))
        return

    results = {}
    for size in SIZES:
        output = subprocess.run(
            [sys.executable, __file__, "--child", size, "--repeat", str(args.repeat)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        result = json.loads(output.strip().splitlines()[-1])
        results[size] = result
        print(
            f"{size:>6}: {result['pages']:3d} pages, export {result['full_ms']:7.0f} ms, "
            f"{result['ms_per_page']:5.1f} ms/page, bare render {result['bare_ms']:7.0f} ms, "
            f"ratio {result['full_ms'] / result['bare_ms']:.3f}, second export "
            f"{result['cached_ms']:6.2f} ms, peak RSS {result['peak_rss_mb']:.0f} MB, "
            f"{result['split_renders']} of {args.repeat + 1} exports split",
            flush=True,
        )
    medium = results["medium"]
    print(
        f"medium_ms_per_page={medium['ms_per_page']:.1f} "
        f"ratio_vs_bare={medium['full_ms'] / medium['bare_ms']:.3f} "
        f"cached_ratio={medium['cached_ms'] / medium['full_ms']:.4f}"
    )


if __name__ == "__main__":
    main()
