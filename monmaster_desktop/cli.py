"""The ``monmaster-desktop`` command (FORMATS.md §1): the window, or one task on the database."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from monmaster_desktop import __version__

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
log = logging.getLogger("monmaster_desktop.cli")

#: argparse's own words, in French (FORMATS.md §1: every message French, usage and help too).
ARGPARSE_FR = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version du programme et quitter",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (choisir parmi %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "expected one argument": "une valeur attendue",
    "expected at least one argument": "au moins une valeur attendue",
    "expected at most one argument": "au plus une valeur attendue",
    "expected %s argument": "%s valeur attendue",
    "expected %s arguments": "%s valeurs attendues",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ignored explicit argument %r": "valeur %r ignorée",
    "unexpected option string: %s": "option inattendue : %s",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
}

#: The system's and SQLite's own words that may reach a message, in French.
SYSTEM_FR = {
    "No such file or directory": "fichier ou dossier introuvable",
    "Permission denied": "accès refusé",
    "Is a directory": "c'est un dossier, pas un fichier",
    "Not a directory": "un élément du chemin est un fichier, pas un dossier",
    "No space left on device": "disque plein",
    "Read-only file system": "disque en lecture seule",
    "File exists": "le fichier existe déjà",
    "file is not a database": "le fichier n'est pas une base de données",
    "database disk image is malformed": "le fichier de la base est endommagé",
    "unable to open database file": "impossible d'ouvrir le fichier de la base",
    "attempt to write a readonly database": "la base est en lecture seule",
    "database is locked": "la base est occupée par un autre poste",
    "disk I/O error": "erreur d'entrée-sortie sur le disque",
}


def french(text: str) -> str:
    """``text`` with the system's own English words put in French."""
    for english, words in SYSTEM_FR.items():
        text = text.replace(english, words)
    return text


@contextlib.contextmanager
def _argparse_in_french():  # noqa: ANN202
    """argparse looks its words up through gettext at run time: answer them in French."""
    saved = argparse._, argparse.ngettext

    def singular(text: str) -> str:
        return ARGPARSE_FR.get(text, text)

    def plural(one: str, many: str, n: int) -> str:
        return singular(one if n == 1 else many)

    argparse._, argparse.ngettext = singular, plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def _utf8_output() -> None:
    """Write UTF-8 whatever the console or redirection encoding (FORMATS.md §1): a Windows
    « check > rapport.txt » gets the ANSI code page, which cannot write « Phạm »."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8")
        except (ValueError, OSError):  # a stream that cannot change any more: keep it
            continue


def _say(line: str) -> None:
    print(french(line), file=sys.stderr)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {text} » (attendu AAAA-MM-JJ)") from None


class _Parser(argparse.ArgumentParser):
    """argparse with its words in French (see ARGPARSE_FR)."""

    def format_usage(self) -> str:
        with _argparse_in_french():
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_in_french():
            return super().format_help()

    def parse_args(self, args=None, namespace=None):  # noqa: ANN001, ANN201
        with _argparse_in_french():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):  # noqa: ANN001, ANN201
        with _argparse_in_french():
            return super().parse_known_args(args, namespace)

    def error(self, message: str):  # noqa: ANN201
        with _argparse_in_french():
            super().error(french(message))


def build_parser() -> argparse.ArgumentParser:
    with _argparse_in_french():
        return _build_parser()


def _build_parser() -> argparse.ArgumentParser:
    from monmaster_desktop.db.targets import database_target
    from monmaster_desktop.domain import Worklist

    database_help = (
        "la base : fichier SQLite ou serveur postgresql://IDENTIFIANT@SERVEUR/BASE "
        "(par défaut : celle de l'utilisateur)"
    )
    # --database may stand before or after the sub-command and means the same (FORMATS.md §1):
    # after it, the sub-command's copy keeps the value given before unless it is given again.
    common = _Parser(add_help=False)
    common.add_argument("--database", metavar="BASE", default=argparse.SUPPRESS, help=database_help)
    parser = _Parser(
        prog="monmaster-desktop",
        description="Mon Master Desk : candidatures Mon Master et inscriptions en Master 1.",
    )
    parser.add_argument("--database", metavar="BASE", default=None, help=database_help)
    # (a server URL stays text: Path would fold its « // »; see _database_path)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="ouvrir une base de démonstration (fenêtre seulement, sans sous-commande)",
    )
    parser.add_argument(
        "--version", action="version", version=f"monmaster-desktop {__version__}",
        help="afficher la version et quitter",
    )  # fmt: skip
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)

    p = sub.add_parser("import", parents=[common], help="importer des fichiers CSV ou XLSX")
    p.add_argument("candidates", type=Path, metavar="CANDIDATS.csv")
    p.add_argument("applications", type=Path, nargs="?", metavar="CANDIDATURES.csv")
    p.add_argument(
        "--accept-identity-changes",
        action="store_true",
        help="accepter qu'un candidat déjà enregistré change de nom, prénom ou date de naissance",
    )

    p = sub.add_parser("export", parents=[common], help="exporter une liste en CSV ou XLSX")
    p.add_argument(
        "what", choices=["candidates", "applications"], metavar="candidates|applications"
    )
    p.add_argument("out", type=Path, metavar="SORTIE.(csv|xlsx)")
    p.add_argument(
        "--worklist",
        choices=[w.value for w in Worklist],
        default=Worklist.ALL.value,
        metavar="LISTE",
        help="liste de travail (par défaut : all)",
    )
    p.add_argument(
        "--flag",
        choices=[w.value for w in Worklist if w is not Worklist.ALL],
        metavar="CODE",
        help="signalement (registration_overdue, not_eligible...)",
    )
    p.add_argument("--campaign", type=int, metavar="ANNÉE", help="campagne")
    p.add_argument("--search", default="", metavar="TEXTE", help="nom, numéro ou INE")
    p.add_argument("--today", type=_date, metavar="AAAA-MM-JJ", help="date de référence")

    p = sub.add_parser("check", parents=[common], help="vérifier tous les dossiers")
    p.add_argument("--today", type=_date, metavar="AAAA-MM-JJ", help="date de référence")
    p.add_argument("--json", action="store_true", help="sortie JSON (FORMATS.md §3)")

    p = sub.add_parser("stats", parents=[common], help="chiffres du tableau de bord")
    p.add_argument("--today", type=_date, metavar="AAAA-MM-JJ", help="date de référence")
    p.add_argument("--campaign", type=int, metavar="ANNÉE", help="campagne (défaut : la dernière)")
    p.add_argument("--json", action="store_true", help="sortie JSON (FORMATS.md §4)")

    p = sub.add_parser("sheets", parents=[common], help="fiches de situation en PDF")
    p.add_argument("out", type=Path, metavar="SORTIE.pdf")
    p.add_argument(
        "--candidate",
        nargs="+",
        action="extend",
        default=[],
        metavar="NUMÉRO",
        help="un ou plusieurs numéros de candidat (l'option peut se répéter)",
    )
    p.add_argument(
        "--flag",
        choices=[w.value for w in Worklist if w is not Worklist.ALL],
        metavar="CODE",
        help="les candidats qui ont ce signalement",
    )
    p.add_argument("--today", type=_date, metavar="AAAA-MM-JJ", help="date de référence")

    p = sub.add_parser("backup", parents=[common], help="sauvegarder la base")
    p.add_argument("out", type=Path, metavar="SORTIE.sqlite")
    p.add_argument("--force", action="store_true", help="remplacer SORTIE si elle existe")

    p = sub.add_parser("transfer", help="copier toute une base (fichier ou serveur) vers une autre")
    p.add_argument("source", type=database_target, metavar="SOURCE")
    p.add_argument("target", type=database_target, metavar="CIBLE")

    p = sub.add_parser("server", help="préparer un serveur PostgreSQL")
    server = p.add_subparsers(
        dest="server_command", required=True, metavar="init|add-clerk", parser_class=_Parser
    )
    q = server.add_parser("init", help="créer le schéma et les rôles sur le serveur")
    q.add_argument("url", metavar="URL")
    q = server.add_parser(
        "add-clerk", help="créer l'identifiant d'un agent (mot de passe demandé)"
    )
    q.add_argument("url", metavar="URL")
    q.add_argument("login", metavar="IDENTIFIANT")
    q.add_argument("--head", action="store_true", help="responsable (droits étendus)")
    return parser


class MissingDatabase(Exception):
    """check, stats, export, sheets, backup on a file that does not exist: nothing created."""


def _database_path(args: argparse.Namespace) -> Path | str:
    from monmaster_desktop import paths
    from monmaster_desktop.db import database_target

    return database_target(args.database) if args.database else paths.default_database()


def _open(args: argparse.Namespace, *, create: bool = False):  # noqa: ANN202
    """The database of the command. Only ``import`` (and the window) create a missing file:
    a typo never makes an empty database that looks valid (FORMATS.md §1). A server URL opens
    the server base (its password from the keyring, .pgpass or the terminal's prompt)."""
    from monmaster_desktop.db import is_server_url, open_database
    from monmaster_desktop.db.postgresql import terminal_prompt

    path = _database_path(args)
    if not is_server_url(path) and not create and not path.exists():
        raise MissingDatabase(
            f"{path} : base introuvable. Vérifiez --database ; seuls « import » et la fenêtre "
            "créent une base."
        )
    return open_database(path, password_prompt=terminal_prompt)


def _refuse(lines: Sequence[str]) -> int:
    for line in lines:
        _say(line)
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


def cmd_stats(args: argparse.Namespace) -> int:
    from monmaster_desktop.controllers.stats import StatsController, stats_lines

    as_of = args.today or date.today()
    with _open(args) as db:
        try:
            stats = StatsController(db).compute(as_of, args.campaign)
        except LookupError as exc:
            return _refuse([str(exc)])
    if args.json:
        json.dump(stats.as_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for line in stats_lines(stats):
            print(line)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from monmaster_desktop.controllers.backups import BackupController

    if args.out.exists() and not args.force:
        return _refuse(
            [f"{args.out} existe déjà : rien n'a été écrit. Ajoutez --force pour le remplacer."]
        )
    with _open(args) as db:
        if args.out.exists() and db.path is not None and args.out.resolve() == db.path.resolve():
            return _refuse([f"{args.out} est la base elle-même : choisissez un autre fichier."])
        target = BackupController(db).backup_to(args.out)
    print(f"Sauvegarde écrite : {target}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from monmaster_desktop.controllers.imports import ImportController

    with _open(args, create=True) as db:
        result = ImportController(db).run(
            args.candidates,
            args.applications,
            accept_identity_changes=args.accept_identity_changes,
            keep=_HELD_TO_THE_END,
        )
    _HELD_TO_THE_END.append(result)
    if result.problems:
        return _refuse(result.problem_lines())
    for line in result.report_lines():
        print(line)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from monmaster_desktop.controllers.exports import ExportController

    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        _say(
            f"{args.out} : format inconnu « {args.out.suffix or '(sans extension)'} » : "
            "choisissez un fichier .csv ou .xlsx."
        )
        return EXIT_USAGE
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
        pages = controller.render_pdf(files, args.out)  # édité today, as of --today
    print(f"{len(files)} fiche(s), {pages} page(s) : {args.out}")
    return EXIT_OK


def cmd_transfer(args: argparse.Namespace) -> int:
    from monmaster_desktop.db.postgresql import terminal_prompt
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
    from monmaster_desktop.db.postgresql import terminal_prompt
    from monmaster_desktop.db.roles import add_clerk, init_server

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
        _say("Les deux mots de passe diffèrent : rien n'a été créé.")
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
    """The window. Its frame paints first: the log, the site configuration, SQLAlchemy and
    the base come after (``ui.app.run``), each said in French if it fails."""
    from monmaster_desktop.db.targets import database_target
    from monmaster_desktop.ui.app import run

    return run(database=database_target(args.database) if args.database else None, demo=args.demo)


COMMANDS = {
    "check": cmd_check,
    "stats": cmd_stats,
    "backup": cmd_backup,
    "import": cmd_import,
    "export": cmd_export,
    "sheets": cmd_sheets,
    "transfer": cmd_transfer,
    "server": cmd_server,
    None: cmd_window,
}


def window_main() -> int:
    """The ``monmaster-desktop-window`` entry (gui-scripts): the window, no console on Windows."""
    return main(sys.argv[1:])


#: What a command holds until its process ends (the rows of an import): see :func:`_end_now`.
_HELD_TO_THE_END: list = []


def _end_now(code: int) -> NoReturn:
    """End the process with ``code`` once its output and log are written, without freeing
    what :data:`_HELD_TO_THE_END` holds object by object: the system takes the memory back
    at once (a second saved after a large import). Nothing is left to write: the base is
    closed, the output flushed, the log handlers closed."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    logging.shutdown()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; ``argv`` None: this process's own arguments, and the process ends
    when the command does (the installed ``monmaster-desktop``, ``python -m``)."""
    _utf8_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo and args.command is not None:
        parser.error(
            "--demo ouvre la fenêtre sur une base de démonstration : il ne s'emploie pas avec "
            f"une sous-commande (« {args.command} »)."
        )
    if args.command is None:
        return cmd_window(args)  # before the imports below: the window paints first
    from monmaster_desktop.db import DatabaseDriverError, DatabaseError, translate_error
    from monmaster_desktop.io.writers import clean_stale_temporaries_at_start
    from monmaster_desktop.logs import setup_logging
    from monmaster_desktop.site import current_site

    setup_logging()
    log.info("start: %s (version %s)", args.command or "window", __version__)
    if args.command and (report := current_site().report_fr()):
        print(report, file=sys.stderr)  # said, then the shipped defaults stand in
    clean_stale_temporaries_at_start()  # a killed export's leftovers may hold names
    try:
        code = COMMANDS[args.command](args)
        if argv is None and _HELD_TO_THE_END:
            _end_now(code)
        return code
    except MissingDatabase as exc:
        _say(str(exc))
        return EXIT_REFUSED
    except DatabaseError as exc:
        _say(exc.message)
        return EXIT_REFUSED
    except DatabaseDriverError as exc:  # a read outside the sessions that translate it
        _say(translate_error(exc, Path(args.database or "base")).message)
        return EXIT_REFUSED
    except BrokenPipeError:  # e.g. piped into « head »
        return EXIT_OK
    except OSError as exc:
        from monmaster_desktop.db import os_reason_fr

        where = f" ({exc.filename})" if exc.filename else ""
        _say(f"Erreur de fichier{where} : {os_reason_fr(exc)}.")
        return EXIT_REFUSED
    except Exception:
        log.exception("unexpected error in %s", args.command or "window")
        raise
