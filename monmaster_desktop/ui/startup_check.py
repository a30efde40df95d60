"""Start-up check of the database file: a damaged base is said plainly, the latest good backup offered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QMessageBox, QWidget

from monmaster_desktop.controllers.backups import (
    BackupInfo,
    database_verdict,
    latest_good_backup,
    restore_database,
)
from monmaster_desktop.ui.tasks import run_task


def _wait_for(parent: QWidget | None, work: Callable[[], Any], label: str) -> Any:
    """Run ``work`` off the GUI thread behind a progress dialog; wait for it, events flowing."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def finish(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    run_task(
        parent,
        lambda _progress, _cancelled: work(),
        on_done=lambda value: finish("value", value),
        on_error=lambda exc: finish("error", exc),
        label=label,
    )
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def check_database_at_startup(path: Path, parent: QWidget | None = None) -> Path | None:
    """``path`` if its database is sound (or new); else, once the clerk agrees, the same path
    holding the latest good backup. None when the clerk declines or no good backup exists."""
    path = Path(path)
    verdict = _wait_for(
        parent,
        lambda: database_verdict(path),
        QCoreApplication.translate("StartupCheck", "Vérification de la base…"),
    )
    if verdict == "ok":
        return path
    title = QCoreApplication.translate("StartupCheck", "Base de données endommagée")
    damaged = QCoreApplication.translate(
        "StartupCheck",
        "La base « %1 » est endommagée : la vérification faite à l'ouverture a échoué. "
        "L'ouvrir pourrait perdre ou fausser des dossiers.",
    ).replace("%1", str(path))
    backup: BackupInfo | None = _wait_for(
        parent,
        lambda: latest_good_backup(path),
        QCoreApplication.translate("StartupCheck", "Recherche de la dernière bonne sauvegarde…"),
    )
    if backup is None:
        QMessageBox.critical(
            parent,
            title,
            damaged
            + "\n\n"
            + QCoreApplication.translate(
                "StartupCheck",
                "Aucune sauvegarde en bon état n'a été trouvée. Mon Master Desk ne l'ouvrira "
                "pas : appelez le service informatique, sans supprimer le fichier.",
            ),
        )
        return None
    when = backup.taken_at.strftime("%d/%m/%Y %H:%M")
    answer = QMessageBox.question(
        parent,
        title,
        damaged
        + "\n\n"
        + QCoreApplication.translate(
            "StartupCheck",
            "La dernière sauvegarde en bon état date du %1. La restaurer ? La base endommagée "
            "est gardée à côté, sous un autre nom ; les saisies faites depuis cette sauvegarde "
            "seront à refaire.",
        ).replace("%1", when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        aside = _wait_for(
            parent,
            lambda: restore_database(path, backup.path),
            QCoreApplication.translate("StartupCheck", "Restauration de la sauvegarde…"),
        )
    except Exception as exc:  # noqa: BLE001 - said in French, never a traceback
        QMessageBox.critical(parent, title, str(getattr(exc, "message", None) or exc))
        return None
    QMessageBox.information(
        parent,
        QCoreApplication.translate("StartupCheck", "Base restaurée"),
        QCoreApplication.translate(
            "StartupCheck",
            "La sauvegarde du %1 a été restaurée. La base endommagée est conservée sous « %2 ».",
        )
        .replace("%1", when)
        .replace("%2", str(aside)),
    )
    return path
