"""The ``monmaster-desktop`` command (FORMATS.md §1): the window, or one task on the database."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {text} » (attendu AAAA-MM-JJ)") from None


def build_parser() -> argparse.ArgumentParser:
    from monmaster_desktop.controllers.worklists import Worklist
    from monmaster_desktop.db import database_target

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        type=database_target,
        help="fichier SQLite ou adresse postgresql://IDENTIFIANT@SERVEUR/BASE "
        "(par défaut : le fichier de l'utilisateur)",
    )
    parser = argparse.ArgumentParser(
        prog="monmaster-desktop",
        description="Mon Master Desk : candidatures Mon Master et inscriptions en Master 1.",
        parents=[common],
    )
    parser.add_argument("--demo", action="store_true", help="ouvrir une base de démonstration")
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

    p = sub.add_parser("transfer", help="copier toute une base (fichier ou serveur) vers une autre")
    p.add_argument("source", type=database_target)
    p.add_argument("target", type=database_target)

    p = sub.add_parser("server", help="préparer un serveur PostgreSQL")
    server = p.add_subparsers(dest="server_command", required=True)
    q = server.add_parser("init", help="créer le schéma et les rôles sur le serveur")
    q.add_argument("url")
    q = server.add_parser("add-clerk", help="créer l'identifiant d'un agent (mot de passe demandé)")
    q.add_argument("url")
    q.add_argument("login")
    q.add_argument("--head", action="store_true", help="responsable (droits étendus)")
    return parser


def _open(args: argparse.Namespace):  # noqa: ANN202
    from monmaster_desktop import paths
    from monmaster_desktop.db import open_database
    from monmaster_desktop.db_postgresql import terminal_prompt

    return open_database(
        args.database or paths.default_database_path(), password_prompt=terminal_prompt
    )


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


def cmd_sheets(args: argparse.Namespace) -> int:
    import os

    # Rendering a PDF needs no screen: the command works on a server or over SSH.
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


def cmd_transfer(args: argparse.Namespace) -> int:
    from monmaster_desktop.db_postgresql import terminal_prompt
    from monmaster_desktop.transfer import transfer

    counts = transfer(args.source, args.target, password_prompt=terminal_prompt)
    print(
        f"Transfert terminé : {counts.get('candidate', 0)} candidat(s), "
        f"{counts.get('application', 0)} candidature(s), "
        f"{counts.get('audit_entry', 0)} ligne(s) de journal."
    )
    return EXIT_OK


def cmd_server(args: argparse.Namespace) -> int:
    import getpass

    from monmaster_desktop.db import is_server_url
    from monmaster_desktop.db_postgresql import terminal_prompt
    from monmaster_desktop.db_roles import add_clerk, init_server

    if not is_server_url(args.url):
        print(
            f"Adresse de serveur attendue (postgresql://...), pas « {args.url} ».", file=sys.stderr
        )
        return EXIT_USAGE
    if args.server_command == "init":
        for line in init_server(args.url, password_prompt=terminal_prompt):
            print(line)
        return EXIT_OK
    password = getpass.getpass(f"Mot de passe de « {args.login} » : ")
    if password != getpass.getpass("Le même, pour confirmer : "):
        print("Les deux mots de passe diffèrent : rien n'a été créé.", file=sys.stderr)
        return EXIT_REFUSED
    if len(password) < 8:
        print(
            "Mot de passe trop court (8 caractères au moins) : rien n'a été créé.", file=sys.stderr
        )
        return EXIT_REFUSED
    print(
        add_clerk(args.url, args.login, password, head=args.head, password_prompt=terminal_prompt)
    )
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
    "transfer": cmd_transfer,
    "server": cmd_server,
    None: cmd_window,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from monmaster_desktop.db import DatabaseError

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
