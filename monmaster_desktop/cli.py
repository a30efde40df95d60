"""The ``monmaster-desktop`` command (FORMATS.md §1): the window, or one task on the database."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from monmaster_desktop import __version__

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
log = logging.getLogger("monmaster_desktop.cli")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {text} » (attendu AAAA-MM-JJ)") from None


def build_parser() -> argparse.ArgumentParser:
    from monmaster_desktop.controllers.worklists import Worklist

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database", type=Path, help="fichier SQLite (par défaut : celui de l'utilisateur)"
    )
    parser = argparse.ArgumentParser(
        prog="monmaster-desktop",
        description="Mon Master Desk : candidatures Mon Master et inscriptions en Master 1.",
        parents=[common],
    )
    parser.add_argument("--demo", action="store_true", help="ouvrir une base de démonstration")
    parser.add_argument(
        "--version", action="version", version=f"monmaster-desktop {__version__}",
        help="afficher la version et quitter",
    )  # fmt: skip
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("import", parents=[common], help="importer des fichiers CSV ou XLSX")
    p.add_argument("candidates", type=Path)
    p.add_argument("applications", type=Path, nargs="?")

    p = sub.add_parser("export", parents=[common], help="exporter une liste en CSV ou XLSX")
    p.add_argument("what", choices=["candidates", "applications"])
    p.add_argument("out", type=Path)
    p.add_argument("--worklist", choices=[w.value for w in Worklist], default=Worklist.ALL.value)
    p.add_argument("--flag", choices=[w.value for w in Worklist if w is not Worklist.ALL])
    p.add_argument("--campaign", type=int)
    p.add_argument("--search", default="")
    p.add_argument("--today", type=_date)

    p = sub.add_parser("check", parents=[common], help="vérifier tous les dossiers")
    p.add_argument("--today", type=_date)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("sheets", parents=[common], help="fiches de situation en PDF")
    p.add_argument("out", type=Path)
    p.add_argument("--candidate", action="append", default=[], metavar="NUMBER")
    p.add_argument("--flag", choices=[w.value for w in Worklist if w is not Worklist.ALL])
    p.add_argument("--today", type=_date)

    p = sub.add_parser("backup", parents=[common], help="sauvegarder la base")
    p.add_argument("out", type=Path)
    return parser


def _open(args: argparse.Namespace):  # noqa: ANN202
    from monmaster_desktop import paths
    from monmaster_desktop.db import Database

    return Database(args.database or paths.default_database_path())


def _refuse(lines: Sequence[str]) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_REFUSED


def cmd_check(args: argparse.Namespace) -> int:
    from monmaster_desktop.controllers.checks import check_report, check_table

    as_of = args.today or date.today()
    with _open(args) as db:
        if args.json:
            json.dump(check_report(db, as_of), sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
        else:
            for line in check_table(db, as_of):
                print(line)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from monmaster_desktop.controllers.backups import BackupController

    with _open(args) as db:
        target = BackupController(db).backup_to(args.out)
    print(f"Sauvegarde écrite : {target}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from monmaster_desktop.controllers.imports import ImportController

    with _open(args) as db:
        result = ImportController(db).run(args.candidates, args.applications)
    if result.problems:
        return _refuse([p.line_text() for p in result.problems])
    print(result.summary_fr())
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from monmaster_desktop.controllers.exports import ExportController

    with _open(args) as db:
        count = ExportController(db).export(
            args.what,
            args.out,
            worklist=args.flag or args.worklist,
            as_of=args.today or date.today(),
            campaign=args.campaign,
            search=args.search,
        )
    print(f"{count} ligne(s) exportée(s) dans {args.out}")
    return EXIT_OK


def needs_offscreen(environ: Mapping[str, str], platform: str) -> bool:
    """True where Qt would find no display: a Unix session without X11 or Wayland."""
    if platform == "win32" or platform == "darwin":
        return False  # always a desktop session there, and offscreen has no fonts
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def cmd_sheets(args: argparse.Namespace) -> int:
    import os

    # Rendering a PDF needs no screen: the command works on a server or over SSH. Only there:
    # Qt's offscreen platform on Windows (and macOS) finds no fonts, and the PDF has no text.
    if needs_offscreen(os.environ, sys.platform):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from monmaster_desktop.controllers.sheets import SheetController

    with _open(args) as db:
        controller = SheetController(db)
        as_of = args.today or date.today()
        try:
            files = controller.files(
                candidate_numbers=args.candidate or None, flag=args.flag, as_of=as_of
            )
        except LookupError as exc:
            return _refuse([str(exc)])
        pages = controller.render_pdf(files, args.out, printed_on=as_of)
    print(f"{len(files)} fiche(s), {pages} page(s) : {args.out}")
    return EXIT_OK


def cmd_window(args: argparse.Namespace) -> int:
    from monmaster_desktop.ui.app import run

    return run(database=args.database, demo=args.demo)


COMMANDS = {
    "check": cmd_check,
    "backup": cmd_backup,
    "import": cmd_import,
    "export": cmd_export,
    "sheets": cmd_sheets,
    None: cmd_window,
}


def window_main() -> int:
    """The ``monmaster-desktop-window`` entry (gui-scripts): the window, no console on Windows."""
    return main(sys.argv[1:])


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from monmaster_desktop.db import DatabaseError
    from monmaster_desktop.logs import setup_logging
    from monmaster_desktop.site import current_site

    setup_logging()
    log.info("start: %s (version %s)", args.command or "window", __version__)
    if args.command and (report := current_site().report_fr()):
        print(report, file=sys.stderr)  # said, then the shipped defaults stand in

    try:
        return COMMANDS[args.command](args)
    except DatabaseError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:  # e.g. piped into « head »
        return EXIT_OK
    except OSError as exc:
        from monmaster_desktop.db import os_reason_fr

        where = f" ({exc.filename})" if exc.filename else ""
        print(f"Erreur de fichier{where} : {os_reason_fr(exc)}.", file=sys.stderr)
        return EXIT_REFUSED
    except Exception:
        log.exception("unexpected error in %s", args.command or "window")
        raise
