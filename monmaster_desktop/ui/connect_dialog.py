"""Fichier › « Se connecter à un serveur… »: host, port, base, login; the password when asked.

The connection is tried off the GUI thread with a timeout: the window never freezes, and
« Annuler » gives the clerk back the window at once. A password typed here goes to the OS
keyring only when « mémoriser » is ticked (and a keyring exists); otherwise libpq's ``.pgpass``
or the prompt at each connection.
"""

from __future__ import annotations

import getpass
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop import credentials
from monmaster_desktop.ui.preferences import APPLICATION, ORGANISATION
from monmaster_desktop.ui.tasks import run_task

DEFAULT_PORT = 5432
DEFAULT_BASE = "monmaster"


def server_url(host: str, port: int, base: str, login: str) -> str:
    """``postgresql://login@host:port/base`` (FORMATS.md §1), never with a password."""
    host = host.strip()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address
    return (
        f"postgresql://{quote(login.strip(), safe='')}@{host}:{port}/{quote(base.strip(), safe='')}"
    )


def url_parts(url: str) -> tuple[str, int, str, str]:
    parts = urlsplit(url)
    return (
        parts.hostname or "",
        parts.port or DEFAULT_PORT,
        unquote(parts.path.lstrip("/")),
        unquote(parts.username or ""),
    )


def describe(url: str) -> str:
    """``login@host/base`` as the status bar shows a server base."""
    host, port, base, login = url_parts(url)
    where = host if port == DEFAULT_PORT else f"{host}:{port}"
    return f"{login}@{where}/{base}"


def probe_server(url: str, password: str | None) -> str:
    """One connection attempt (database layer); the server's login on success."""
    from monmaster_desktop.db.live import probe

    return probe(url, password=password, where=describe(url))


class ConnectDialog(QDialog):
    """Ask where the server base is and try it; ``url`` and ``password`` once accepted."""

    def __init__(self, parent: QWidget | None = None, *, url: str | None = None):
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self.setWindowTitle(self.tr("Se connecter à un serveur"))
        self.url: str | None = None
        self.password: str | None = None
        self.login: str = ""
        self._attempt = 0
        self._typed_password: str | None = None
        self._from_keyring = False
        settings = _settings()

        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.host.setPlaceholderText(self.tr("ex. : pg.scolarite.univ.fr"))
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.base = QLineEdit()
        self.base.setObjectName("base")
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login")
        self.remember = QCheckBox(
            self.tr("&Mémoriser le mot de passe dans le trousseau du système")
        )
        self.remember.setObjectName("remember")
        if not credentials.keyring_available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr(
                    "Aucun trousseau sur ce poste : le mot de passe sera demandé à chaque "
                    "connexion (ou lu dans le fichier .pgpass)."
                )
            )
        last = url or str(settings.value("server/last_url", "") or "")
        if last:
            host, port, base, login = url_parts(last)
            self.host.setText(host)
            self.port.setValue(port)
            self.base.setText(base)
            self.login_edit.setText(login)
        else:
            self.base.setText(DEFAULT_BASE)
            self.login_edit.setText(_os_login())

        explanation = QLabel(
            self.tr(
                "La base partagée du bureau, sur le serveur PostgreSQL de l'université. "
                "Votre identifiant vous est donné par le service informatique."
            )
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Serveur :"), self.host)
        form.addRow(self.tr("&Port :"), self.port)
        form.addRow(self.tr("&Base :"), self.base)
        form.addRow(self.tr("&Identifiant :"), self.login_edit)
        form.addRow(self.remember)
        for widget in (self.host, self.base, self.login_edit):
            widget.textEdited.connect(self._forget_typed_password)
        self.port.valueChanged.connect(self._forget_typed_password)
        self.status = QLabel()
        self.status.setObjectName("connect_status")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(40)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("État de la connexion"))

        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton(
            self.tr("Se &connecter"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setObjectName("connect_button")
        self.connect_button.setDefault(True)
        self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)

        self.password_dialog = QInputDialog(self)
        self.password_dialog.setObjectName("password_prompt")
        self.password_dialog.setWindowTitle(self.tr("Mot de passe"))
        self.password_dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        self.password_dialog.setOkButtonText(self.tr("Se connecter"))
        self.password_dialog.setCancelButtonText(self.tr("Annuler"))
        self.password_dialog.textValueSelected.connect(self._password_given)
        self.password_dialog.rejected.connect(
            lambda: self._done_trying(self.tr("Connexion annulée : aucun mot de passe donné."))
        )

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        (self.host if not self.host.text() else self.connect_button).setFocus()

    # -- trying ------------------------------------------------------------------------------

    def current_url(self) -> str:
        return server_url(
            self.host.text(), self.port.value(), self.base.text(), self.login_edit.text()
        )

    def _missing(self) -> str | None:
        for widget, name in (
            (self.host, self.tr("le serveur")),
            (self.base, self.tr("la base")),
            (self.login_edit, self.tr("l'identifiant")),
        ):
            if not widget.text().strip():
                widget.setFocus()
                return self.tr("Indiquez %1.").replace("%1", name)
        return None

    def try_connect(self) -> None:
        missing = self._missing()
        if missing:
            self.status.setText(missing)
            return
        url = self.current_url()
        password = self._typed_password
        self._from_keyring = False
        if password is None:
            password = credentials.stored_password(url)
            self._from_keyring = password is not None
        self._start(url, password)

    def _start(self, url: str, password: str | None) -> None:
        self._attempt += 1
        attempt = self._attempt
        self._set_busy(True)
        self.status.setStyleSheet("color: #333333;")
        self.status.setText(self.tr("Connexion à %1…").replace("%1", describe(url)))
        run_task(
            self,
            lambda _progress, _cancelled: probe_server(url, password),
            on_done=lambda login: self._connected(attempt, url, password, login),
            on_error=lambda exc: self._refused(attempt, url, exc),
        )

    def _connected(self, attempt: int, url: str, password: str | None, login: str) -> None:
        if attempt != self._attempt:
            return  # cancelled or superseded
        self.url, self.password, self.login = url, password, login
        note = ""
        if self._typed_password is not None and self.remember.isChecked():
            if not credentials.remember_password(url, self._typed_password):
                note = self.tr("Mot de passe non mémorisé : aucun trousseau sur ce poste.")
        _settings().setValue("server/last_url", url)
        self._done_trying(note)
        self.accept()

    def _refused(self, attempt: int, url: str, exc: BaseException) -> None:
        if attempt != self._attempt:
            return
        from monmaster_desktop.db.live import LoginRefused

        message = str(getattr(exc, "message", None) or exc)
        if isinstance(exc, LoginRefused) and exc.needs_password:
            if self._from_keyring:
                credentials.forget_password(url)  # the kept one is no longer right
            self._typed_password = None
            self.status.setText(message)
            self.password_dialog.setLabelText(
                self.tr("Mot de passe de %1 :").replace("%1", describe(url))
            )
            self.password_dialog.setTextValue("")
            self.password_dialog.open()
            return
        self._done_trying(message, error=True)

    def _password_given(self, password: str) -> None:
        self._typed_password = password
        self._from_keyring = False
        self._start(self.current_url(), password)

    def _done_trying(self, message: str, *, error: bool = False) -> None:
        self._set_busy(False)
        self.status.setStyleSheet("color: #b00020;" if error else "color: #333333;")
        self.status.setText(message)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.host, self.port, self.base, self.login_edit, self.connect_button):
            widget.setEnabled(not busy)

    def _forget_typed_password(self) -> None:
        self._typed_password = None  # another server or login: its own password

    def reject(self) -> None:
        self._attempt += 1  # a late answer is ignored
        super().reject()


def _settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


# -- the window's side: open another base without closing the window ---------------------------


def open_database_target(target, password: str | None = None):  # noqa: ANN001, ANN201
    """Open a file (path) or a server base (URL); runs off the GUI thread."""
    from monmaster_desktop.db import Database

    if password is not None:
        return Database(target, password=password)
    return Database(target)


def connect_to_server(window) -> None:  # noqa: ANN001
    """Fichier › « Se connecter à un serveur… »."""
    current = window.services.db.target if window.services is not None else None
    _open_then_connect(
        window, ConnectDialog(window, url=current if isinstance(current, str) else None)
    )


def _open_then_connect(window, dialog: ConnectDialog) -> None:  # noqa: ANN001
    """Window-modal, without a nested event loop: the base opens once the dialog accepted."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(
        lambda: open_target(window, dialog.url, password=dialog.password) if dialog.url else None
    )
    dialog.open()


def open_file(window) -> None:  # noqa: ANN001
    """Fichier › « Ouvrir un fichier… »: back to (or on to) a SQLite file."""
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from monmaster_desktop import paths

    start = paths.default_database_path().parent
    path, _filter = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("ConnectDialog", "Ouvrir une base"),
        str(start),
        QCoreApplication.translate(
            "ConnectDialog", "Base Mon Master (*.sqlite *.db);;Tous les fichiers (*)"
        ),
    )
    if path:
        open_target(window, Path(path))


def open_server_at_start(window, url: str) -> None:  # noqa: ANN001
    """``--database postgresql://…``: the window is painted, the server is tried off the GUI
    thread; a password it wants (and the keyring does not hold), or a server that does not
    answer, opens the connection window on that address, with the reason."""
    password = credentials.stored_password(url)

    def ask(exc: BaseException) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "ConnectDialog",
                "Aucune base ouverte : Fichier › Se connecter à un serveur… ou Ouvrir un fichier…",
            )
        )
        dialog = ConnectDialog(window, url=url)
        dialog.status.setText(str(getattr(exc, "message", None) or exc))
        _open_then_connect(window, dialog)

    # no start-up snapshot of a whole server base by every desk: the server is backed up by
    # its owners (and « Sauvegarder maintenant » / ``backup`` make one when a clerk wants)
    open_target(window, url, password=password, on_error=ask)


def open_target(  # noqa: ANN001
    window,
    target,
    *,
    password: str | None = None,
    on_error=None,
    backup: bool = False,
) -> None:
    """Close the open files (asking for unsaved ones), open ``target`` off the GUI thread,
    then show it; the current base stays on screen if the new one cannot be opened."""
    from PySide6.QtWidgets import QMessageBox

    for dialog in list(window._open_files):
        if not dialog.close():
            return
    name = describe(target) if isinstance(target, str) else target.name
    window.statusBar().showMessage(
        QCoreApplication.translate("ConnectDialog", "Ouverture de %1…").replace("%1", name)
    )

    def opened(db) -> None:  # noqa: ANN001
        from monmaster_desktop.ui.services import Services

        old = window.services
        as_of = old.as_of_override if old is not None else None
        if window.live is not None:
            window.live.stop()
            window.live.deleteLater()
            window.live = None
        if old is not None:
            old.db.close()
        window.demo = False
        window.attach(Services(db, as_of_override=as_of), name)
        if backup:
            window.automatic_backup()

    def failed(exc: BaseException) -> None:
        window.statusBar().clearMessage()
        if on_error is not None:
            on_error(exc)
            return
        QMessageBox.warning(
            window,
            QCoreApplication.translate("ConnectDialog", "Base de données"),
            QCoreApplication.translate("ConnectDialog", "Impossible d'ouvrir « %1 » : %2")
            .replace("%1", name)
            .replace("%2", str(getattr(exc, "message", None) or exc)),
        )

    run_task(
        window,
        lambda _p, _c: open_database_target(target, password),
        on_done=opened,
        on_error=failed,
    )


def _os_login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001
        return ""
