"""Refresh candidate_en.ts from the candidate-file and campaign dialogs, then compile the .qm.

lupdate reads the dialogs' tr() strings; the French labels of ``monmaster_desktop.domain``
(statuses, routes, flags...) are added as the ``domain`` context, keeping any translation
already written. Run: python resources/translations/update_candidate_ts.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from monmaster_desktop import domain

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "candidate_en.ts"
SOURCES = [
    ROOT / "monmaster_desktop" / "ui" / name
    for name in (
        "candidate_file.py", "candidate_file_form.py", "candidate_file_models.py",
        "candidate_file_text.py",
        "candidate_file_applications.py", "candidate_compare.py", "application_editor.py",
        "campaigns.py", "catalogue.py", "settings_dialog.py", "widgets.py",
    )
]
LABELS = (
    domain.DIPLOMA_FR, domain.DIPLOMA_STATUS_FR, domain.HISTORY_FR, domain.PHASE_FR,
    domain.TRAINING_FR, domain.STATUS_FR, domain.REJECTION_FR, domain.ROUTE_FR, domain.FLAG_FR,
    domain.REASON_FR,
)


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def add_domain_context(path: Path) -> None:
    tree = ET.parse(path)
    root = tree.getroot()
    context = next(
        (c for c in root.findall("context") if c.findtext("name") == "domain"), None
    )
    kept: dict[str, str] = {}
    if context is not None:
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.text:
                kept[message.findtext("source")] = translation.text
        root.remove(context)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "domain"
    for source in dict.fromkeys(text for labels in LABELS for text in labels.values()):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in kept:
            translation.text = kept[source]
        else:
            translation.set("type", "unfinished")
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def main() -> int:
    subprocess.run(
        [tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(TS)], check=True
    )
    add_domain_context(TS)
    subprocess.run([tool("pyside6-lrelease"), str(TS)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
