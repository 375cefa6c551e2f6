"""The command line: the same services as the desktop, from a terminal.

    hotline-desktop [--database URL] init
    hotline-desktop create-user NAME --role dispatcher --unit sx-centre
    hotline-desktop demo --tickets 20000 --from 2025-12-18 --to 2026-11-28
    hotline-desktop figures [--from DATE] [--to DATE]
    hotline-desktop search 欠薪
    hotline-desktop benchmark --tickets 1000000
    hotline-desktop assistant-eval --show-misses
    hotline-desktop benchmark-alerts sqlite:///million.db postgresql://…/million

Every failure prints one line on standard error and exits non-zero.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from .config import folders
from .domain.errors import HotlineError
from .domain.vocabulary import Role


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date like 2026-11-28") from None


def _positive(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    # The common options work before or after the command's name.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="sqlite:///file.db, postgresql://user@host/name or mysql://user@host/name "
        f"(default: ${folders.DATABASE_URL_VARIABLE} or the embedded SQLite file)",
    )
    common.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
        help="say what is being done",
    )  # fmt: skip
    parser = argparse.ArgumentParser(
        prog="hotline-desktop",
        description="12351 Hotline Desk (12351 工会服务职工热线) tools",
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = commands.add_parser(
        "init", parents=[common], help="create or migrate the database, add reference data"
    )
    init.add_argument(
        "--skip-backup", action="store_true", help="migrate a server database you backed up"
    )

    user = commands.add_parser("create-user", parents=[common], help="add a user")
    user.add_argument("username")
    user.add_argument("--role", required=True, choices=[r.value for r in Role])
    user.add_argument("--unit", required=True, help="org unit code, e.g. sx-centre or xa-yanta")
    user.add_argument("--name", default="", help="display name")
    user.add_argument("--main-leader", action="store_true", help="the unit's main leader")
    user.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )

    demo = commands.add_parser("demo", parents=[common], help="load demo users, calls and tickets")
    demo.add_argument("--tickets", type=_positive, default=2_000, help="about how many tickets")
    demo.add_argument("--from", dest="start", type=_date, default=None)
    demo.add_argument("--to", dest="end", type=_date, default=None)
    demo.add_argument("--seed", type=int, default=12351)

    figures = commands.add_parser(
        "figures", parents=[common], help="calls answered, tickets, money recovered"
    )
    figures.add_argument("--from", dest="start", type=_date, default=None)
    figures.add_argument("--to", dest="end", type=_date, default=None)

    search = commands.add_parser(
        "search", parents=[common], help="Chinese full-text search over tickets"
    )
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=_positive, default=20)

    bench = commands.add_parser(
        "benchmark", parents=[common], help="measure intake, dispatch, loading, search"
    )
    bench.add_argument("--tickets", type=_positive, default=1_000_000)
    bench.add_argument("--engines", default="sqlite,postgresql", help="comma-separated")
    bench.add_argument("--runs", type=_positive, default=200, help="intake/dispatch repetitions")
    bench.add_argument(
        "--postgresql",
        default="postgresql://postgres@127.0.0.1:5432/postgres",
        help="server URL used to create the benchmark's own database",
    )
    bench.add_argument("--workdir", default="bench-data", help="where the SQLite files go")

    gui_bench = commands.add_parser(
        "benchmark-gui",
        help="measure start-up and the queue's response on databases loaded beforehand",
    )
    gui_bench.add_argument(
        "urls", nargs="+", metavar="URL", help="databases filled with “demo --tickets 1000000”"
    )
    gui_bench.add_argument("--user", default="dispatcher", help="whose queue (a demo user)")
    gui_bench.add_argument("--runs", type=_positive, default=7)

    alert_bench = commands.add_parser(
        "benchmark-alerts",
        help="measure the risk rules at intake, with the repeat look-ups, on loaded databases",
    )
    alert_bench.add_argument(
        "urls", nargs="+", metavar="URL", help="databases filled with “demo --tickets 1000000”"
    )
    alert_bench.add_argument("--runs", type=_positive, default=1000, help="calls evaluated")

    assistant = commands.add_parser(
        "assistant-eval",
        help="precision and recall of the intake assistant on labelled descriptions",
    )
    assistant.add_argument(
        "--labelled", metavar="PATH", default=None, help="a JSON Lines file of labelled calls"
    )
    assistant.add_argument(
        "--show-misses", action="store_true", help="list the descriptions it gets wrong"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Suppressed defaults, so that an option given before the command is not reset after it.
    args.database = getattr(args, "database", None)
    args.verbose = getattr(args, "verbose", False)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s"
    )
    try:
        return _COMMANDS[args.command](args)
    except HotlineError as error:
        print(f"hotline-desktop: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("hotline-desktop: interrupted", file=sys.stderr)
        return 130


def _open(args, *, create: bool = False, skip_backup: bool = False):
    """Open the database; the commands that fill one create it and add the reference data,
    the others only read what ``init`` put there."""
    from .services.environment import open_environment
    from .services.reference import install_reference_data

    url = args.database or folders.default_database_url()
    env, done = open_environment(url, folders.backup_dir(), skip_backup=skip_backup, create=create)
    added = install_reference_data(env) if create else 0
    return env, done, added


def _init(args) -> int:
    env, done, added = _open(args, create=True, skip_backup=args.skip_backup)
    print(done)
    print(f"reference data: {added} entries added")
    env.close()
    return 0


def _create_user(args) -> int:
    from .services.accounts import create_user

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif not sys.stdin.isatty():
        raise HotlineError("no terminal to ask for the password on: use --password-stdin")
    else:
        password = getpass.getpass(f"password for {args.username}: ")
    env, _done, _added = _open(args)
    actor = create_user(
        env,
        args.username,
        password,
        args.role,
        args.unit,
        args.name,
        is_main_leader=args.main_leader,
    )
    print(f"created {args.username} ({actor.role.en}, unit {args.unit})")
    env.close()
    return 0


def _demo(args) -> int:
    from .demo.loader import DEMO_PASSWORD, DemoLoader, calls_for, ensure_demo_users

    env, _done, _added = _open(args, create=True)
    end = args.end or env.now().date()
    start = args.start or end - timedelta(days=365)
    if start >= end:
        raise HotlineError("--from must be before --to")
    created = ensure_demo_users(env)
    if created:
        print(f"demo users ({len(created)}), password “{DEMO_PASSWORD}”: agent, dispatcher, ...")
    began = time.perf_counter()
    interactive = sys.stderr.isatty()

    def progress(done: int) -> None:
        if interactive:
            print(f"\r{done:,} calls", end="", file=sys.stderr, flush=True)

    calls = calls_for(args.tickets)
    report = DemoLoader(env, args.seed).load(
        calls,
        datetime.combine(start, datetime.min.time()),
        datetime.combine(end, datetime.min.time()),
        progress,
    )
    if interactive:
        print(file=sys.stderr)
    seconds = time.perf_counter() - began
    print(
        f"loaded {report.calls:,} calls and {report.tickets:,} tickets "
        f"(¥{report.recovered:,.2f} recovered) in {seconds:.1f} s"
    )
    env.close()
    return 0


def _figures(args) -> int:
    from .services.figures import headline_figures

    env, _done, _added = _open(args)
    figures = headline_figures(env, args.start, args.end)
    period = f"{figures.start or 'the start'} to {figures.end or 'today'}"
    print(f"12351 hotline figures, {period}:")
    print(f"  calls answered     {figures.calls:>14,}")
    print(f"  tickets generated  {figures.tickets:>14,}")
    print(f"  money recovered    ¥{figures.recovered:>13,.2f}")
    env.close()
    return 0


def _search(args) -> int:
    from .domain.validation import mask_phone
    from .store.bigrams import parse_query
    from .store.models import Ticket

    env, _done, _added = _open(args)
    query = " ".join(args.query).strip()
    if not parse_query(query):
        raise HotlineError("give a word to search for, such as 欠薪 or a ticket number")
    total = env.search.count(query)
    ids = env.search.matching_ids(query, args.limit)
    counted = (
        f"{total - 1:,}+ tickets match"
        if total > 10_000
        else ("1 ticket matches" if total == 1 else f"{total:,} tickets match")
    )
    newest = f"; the newest {len(ids)}:" if len(ids) < total else ":"
    print(f"{counted} “{query}”{newest if ids else ''}")
    tickets = {t.id: t for t in Ticket.select().where(Ticket.id.in_(ids))} if ids else {}
    for ticket_id in ids:
        ticket = tickets[ticket_id]
        print(
            f"{ticket.number}  {ticket.created_at:%Y-%m-%d}  {mask_phone(ticket.phone)}  "
            f"{ticket.description[:40]}"
        )
    env.close()
    return 0


def _benchmark(args) -> int:
    from .tools.intake_benchmark import run_benchmark

    os.makedirs(args.workdir, exist_ok=True)
    engines = [name.strip() for name in args.engines.split(",") if name.strip()]
    return run_benchmark(args.tickets, engines, args.runs, args.postgresql, args.workdir)


def _benchmark_gui(args) -> int:
    from .tools.gui_benchmark import run_gui_benchmark

    return run_gui_benchmark(args.urls, args.user, args.runs)


def _benchmark_alerts(args) -> int:
    from .tools.alert_benchmark import run_alert_benchmark

    return run_alert_benchmark(args.urls, args.runs)


def _assistant_eval(args) -> int:
    from pathlib import Path

    from .domain.intake_assistant import CategoryHints
    from .tools.assistant_eval import (
        DEFAULT_LABELLED,
        default_rules,
        evaluate_assistant,
        render_report,
    )

    path = Path(args.labelled) if args.labelled else DEFAULT_LABELLED
    if not path.is_file():
        raise HotlineError(f"no labelled descriptions at {path}")
    try:
        hints = CategoryHints.load()
    except ValueError as error:  # the shipped keyword file was edited into a broken one
        raise HotlineError(str(error)) from None
    report = evaluate_assistant(path, default_rules(), hints)
    print(render_report(report, show_misses=args.show_misses))
    return 0


_COMMANDS = {
    "init": _init,
    "create-user": _create_user,
    "demo": _demo,
    "figures": _figures,
    "search": _search,
    "benchmark": _benchmark,
    "benchmark-gui": _benchmark_gui,
    "benchmark-alerts": _benchmark_alerts,
    "assistant-eval": _assistant_eval,
}


if __name__ == "__main__":
    sys.exit(main())
