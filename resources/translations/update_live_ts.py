"""Refresh live_en.ts (connection window, live desks) and compile live_en.qm.

lupdate reads the tr() strings of ui/live.py and ui/connect_dialog.py; the few strings the
main window shows for them (Fichier menu, status bar) are added as its context. English
translations are kept from the file, and the known ones below fill the new entries.
Run: python resources/translations/update_live_ts.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "live_en.ts"
SOURCES = [ROOT / "monmaster_desktop" / "ui" / name for name in ("live.py", "connect_dialog.py")]
MAIN_WINDOW = (
    "Se c&onnecter à un serveur…",
    "La base partagée du bureau, sur un serveur PostgreSQL",
    "Ouvrir un &fichier…",
    "Une base de ce poste (fichier SQLite)",
    "Base : %1",
    "Serveur injoignable : la liste sera relue à son retour.",
)
ENGLISH = {
    "Se connecter à un serveur": "Connect to a server",
    "ex. : pg.scolarite.univ.fr": "e.g. pg.registrar.univ.fr",
    "&Mémoriser le mot de passe dans le trousseau du système": "&Remember the password in the system keyring",
    "Aucun trousseau sur ce poste : le mot de passe sera demandé à chaque connexion (ou lu dans le fichier .pgpass).": "No keyring on this computer: the password will be asked at each connection (or read from the .pgpass file).",
    "La base partagée du bureau, sur le serveur PostgreSQL de l'université. Votre identifiant vous est donné par le service informatique.": "The office's shared database, on the university's PostgreSQL server. The IT department gives you your login.",
    "&Serveur :": "&Server:",
    "&Port :": "&Port:",
    "&Base :": "&Database:",
    "&Identifiant :": "&Login:",
    "Se &connecter": "&Connect",
    "Annuler": "Cancel",
    "Mot de passe": "Password",
    "Se connecter": "Connect",
    "Connexion annulée : aucun mot de passe donné.": "Connection cancelled: no password given.",
    "le serveur": "the server",
    "la base": "the database",
    "l'identifiant": "the login",
    "Indiquez %1.": "Enter %1.",
    "Connexion à %1…": "Connecting to %1…",
    "Mot de passe non mémorisé : aucun trousseau sur ce poste.": "Password not remembered: no keyring on this computer.",
    "Mot de passe de %1 :": "Password of %1:",
    "&Recharger": "&Reload",
    "Co&mparer": "Co&mpare",
    "Ouvert aussi par %1": "Also open by %1",
    "Connexion au serveur…": "Connecting to the server…",
    "En ligne": "Online",
    "Actualisation impossible : %1": "Cannot refresh: %1",
    "Ce dossier a été supprimé sur un autre poste.": "This file was deleted on another desk.",
    "Modifié par %1 à %2": "Changed by %1 at %2",
    "(la fiche affichée n'est plus la dernière version).": "(the file shown is no longer the latest version).",
    "Recharger la fiche": "Reload the file",
    "Recharger remplace vos saisies par la fiche enregistrée. Continuer ?": "Reloading replaces what you typed with the saved file. Continue?",
    "Serveur injoignable — nouvelle tentative dans %1 s": "Server unreachable — retrying in %1 s",
    "Serveur injoignable — nouvelle tentative en cours…": "Server unreachable — retrying now…",
    "Serveur injoignable : rien n'a été enregistré et vos saisies sont gardées. L'enregistrement sera possible dès que le serveur répondra.": "Server unreachable: nothing was saved and what you typed is kept. You can save as soon as the server answers.",
    "Serveur injoignable : vos saisies restent dans la fiche ; vous pourrez enregistrer dès son retour.": "Server unreachable: what you typed stays in the file; you can save as soon as it is back.",
    "Ouvrir une base": "Open a database",
    "Base Mon Master (*.sqlite *.db);;Tous les fichiers (*)": "Mon Master database (*.sqlite *.db);;All files (*)",
    "Ouverture de %1…": "Opening %1…",
    "Base de données": "Database",
    "Impossible d'ouvrir « %1 » : %2": "Cannot open “%1”: %2",
    "Se c&onnecter à un serveur…": "C&onnect to a server…",
    "La base partagée du bureau, sur un serveur PostgreSQL": "The office's shared database, on a PostgreSQL server",
    "Ouvrir un &fichier…": "Open a &file…",
    "Une base de ce poste (fichier SQLite)": "A database on this computer (SQLite file)",
    "Base : %1": "Database: %1",
    "Serveur injoignable : la liste sera relue à son retour.": "Server unreachable: the list will be read again when it is back.",
    "Aucune base ouverte : Fichier › Se connecter à un serveur… ou Ouvrir un fichier…": "No database open: File › Connect to a server… or Open a file…",
}


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def main() -> int:
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", *map(str, SOURCES), "-ts", str(TS)], check=True
    )
    tree = ET.parse(TS)
    root = tree.getroot()
    for context in root.findall("context"):
        if context.findtext("name") == "MainWindow":
            root.remove(context)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "MainWindow"
    for source in MAIN_WINDOW:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation")
    missing = []
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None:
            continue
        if not translation.text and source in ENGLISH:
            translation.text = ENGLISH[source]
        if translation.text:
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    for source in missing:
        print(f"untranslated: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
