"""Refresh dashboard_en.ts from the dashboard's window and pages, then compile the .qm.

lupdate reads the tr() strings; those of printing/dashboard.py (``tr()`` there is
``QCoreApplication.translate("Dashboard", ...)``, which lupdate files under no context) are put
in the « Dashboard » context, keeping every translation already written. New strings are left
unfinished for Qt Linguist. Run: python resources/translations/update_dashboard_ts.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "dashboard_en.ts"
SOURCES = [
    ROOT / "monmaster_desktop" / "ui" / "dashboard.py",
    ROOT / "monmaster_desktop" / "ui" / "dashboard_charts.py",
    ROOT / "monmaster_desktop" / "ui" / "dashboard_lists.py",
    ROOT / "monmaster_desktop" / "printing" / "dashboard.py",
    ROOT / "monmaster_desktop" / "printing" / "dashboard_tables.py",
]
CONTEXT = "Dashboard"


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def known_translations(root: ET.Element) -> dict[tuple[str, str], str]:
    found = {}
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            text = message.findtext("translation") or ""
            if text:
                found[(name or CONTEXT, message.findtext("source") or "")] = text
    return found


def main() -> int:
    before = known_translations(ET.parse(TS).getroot()) if TS.exists() else {}
    subprocess.run(
        [tool("pyside6-lupdate"), *map(str, SOURCES), "-no-obsolete", "-ts", str(TS)], check=True
    )
    tree = ET.parse(TS)
    root = tree.getroot()
    named = {c.findtext("name"): c for c in root.findall("context")}
    unnamed = named.pop(None, None) or named.pop("", None)
    if unnamed is not None:
        target = named.get(CONTEXT)
        if target is None:
            unnamed.find("name").text = CONTEXT
        else:
            sources = {m.findtext("source") for m in target.findall("message")}
            for message in unnamed.findall("message"):
                if message.findtext("source") not in sources:
                    target.append(message)
            root.remove(unnamed)
    for context in root.findall("context"):
        name = context.findtext("name") or CONTEXT
        for message in context.findall("message"):
            translation = message.find("translation")
            text = before.get((name, message.findtext("source") or ""))
            if text and translation is not None and translation.text in (None, "", text):
                # lupdate marks a translation it carried over from another context unfinished.
                translation.text = text
                translation.attrib.pop("type", None)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
