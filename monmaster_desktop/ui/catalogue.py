"""The course catalogue: institutions, their Master courses, the head-set registration deadline."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.campaigns import CampaignController, CourseRow, InstitutionRow
from monmaster_desktop.controllers.errors import DatabaseError, Invalid, NotFound
from monmaster_desktop.domain import TRAINING_FR
from monmaster_desktop.ui.accessibility import complete_names
from monmaster_desktop.ui.rows_model import RowsModel
from monmaster_desktop.ui.widgets import DateField, FieldMessage, domain_tr, fr_date


def _translated(text: str) -> str:
    return QApplication.translate("Catalogue", text)


class InstitutionTableModel(RowsModel):
    TR_CONTEXT = "Catalogue"
    HEADERS = (
        "UAI",
        QT_TRANSLATE_NOOP("Catalogue", "Établissement"),
        QT_TRANSLATE_NOOP("Catalogue", "Formations"),
    )

    def cells(self, row: InstitutionRow) -> tuple[str, ...]:
        return row.code, row.name, str(row.course_count)


class CourseTableModel(RowsModel):
    TR_CONTEXT = "Catalogue"
    HEADERS = (
        "Mention",
        QT_TRANSLATE_NOOP("Catalogue", "Parcours"),
        QT_TRANSLATE_NOOP("Catalogue", "Type"),
        QT_TRANSLATE_NOOP("Catalogue", "Candidatures"),
        QT_TRANSLATE_NOOP("Catalogue", "Date limite fixée par le chef d'établissement"),
    )

    def cells(self, row: CourseRow) -> tuple[str, ...]:
        return (
            row.mention,
            row.parcours,
            domain_tr(TRAINING_FR[row.training_type]),
            str(row.application_count),
            fr_date(row.head_deadline) or "—",
        )


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class CatalogueDialog(QDialog):
    """Institutions on the left, their courses on the right; deadlines and names editable."""

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.controller = CampaignController(services.db)
        self.setWindowTitle(self.tr("Catalogue des formations"))
        self.institutions = InstitutionTableModel(self)
        self.courses = CourseTableModel(self)

        institutions_label = QLabel(self.tr("Éta&blissements"))
        self.institution_view = _table(self.institutions)
        self.institution_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        institutions_label.setBuddy(self.institution_view)
        self.name = QLineEdit()
        name_label = QLabel(self.tr("&Nom"))
        name_label.setBuddy(self.name)
        rename = QPushButton(self.tr("Reno&mmer"))
        rename.setAutoDefault(False)
        rename.clicked.connect(self.rename)
        self.name_message = FieldMessage()
        rename_row = QHBoxLayout()
        rename_row.addWidget(name_label)
        rename_row.addWidget(self.name, 1)
        rename_row.addWidget(rename)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(institutions_label)
        left_layout.addWidget(self.institution_view, 1)
        left_layout.addLayout(rename_row)
        left_layout.addWidget(self.name_message)

        courses_label = QLabel(self.tr("&Formations de l'établissement"))
        self.course_view = _table(self.courses)
        for column, width in enumerate((220, 200, 130, 100)):
            self.course_view.horizontalHeader().resizeSection(column, width)
        courses_label.setBuddy(self.course_view)
        self.deadline = DateField()
        deadline_label = QLabel(
            self.tr("&Date limite d'inscription fixée par le chef d'établissement")
        )
        deadline_label.setBuddy(self.deadline)
        record = QPushButton(self.tr("&Enregistrer la date"))
        record.setAutoDefault(False)
        record.clicked.connect(self.record_deadline)
        self.deadline.returnPressed.connect(self.record_deadline)
        self.deadline_message = FieldMessage()
        hint = QLabel(
            self.tr(
                "Pour les acceptations de la dernière tranche ; laisser vide "
                "tant qu'elle n'est pas connue. Les candidats concernés sont "
                "recalculés à l'enregistrement."
            )
        )
        hint.setWordWrap(True)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(deadline_label)
        deadline_row.addWidget(self.deadline)
        deadline_row.addWidget(record)
        deadline_row.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(courses_label)
        right_layout.addWidget(self.course_view, 1)
        right_layout.addLayout(deadline_row)
        right_layout.addWidget(self.deadline_message)
        right_layout.addWidget(hint)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 760])
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.institution_view.selectionModel().currentRowChanged.connect(self._institution_chosen)
        self.course_view.selectionModel().currentRowChanged.connect(self._course_chosen)
        complete_names(self)
        self._load_institutions()
        self.resize(1200, 640)

    def _load_institutions(self, keep: int | None = None) -> None:
        rows = self.controller.institutions()
        self.institutions.set_rows(rows)
        target = next((n for n, r in enumerate(rows) if r.id == keep), 0)
        if rows:
            self.institution_view.selectRow(target)

    def _institution(self) -> InstitutionRow | None:
        index = self.institution_view.currentIndex()
        return self.institutions.row(index.row()) if index.isValid() else None

    def _course(self) -> CourseRow | None:
        index = self.course_view.currentIndex()
        return self.courses.row(index.row()) if index.isValid() else None

    def _institution_chosen(self) -> None:
        institution = self._institution()
        self.name.setText(institution.name if institution else "")
        self.name_message.show_messages([])
        self.courses.set_rows(self.controller.courses(institution.id) if institution else [])
        if self.courses.rowCount():
            self.course_view.selectRow(0)
        else:
            self.deadline.clear()

    def _course_chosen(self) -> None:
        course = self._course()
        self.deadline.set_date(course.head_deadline if course else None)
        self.deadline_message.show_messages([])

    def rename(self) -> None:
        institution = self._institution()
        if institution is None:
            return
        try:
            self.controller.rename_institution(institution.id, self.name.text())
        except (Invalid, NotFound, DatabaseError) as refused:
            self.name_message.show_messages([refused.message])
            return
        self._load_institutions(keep=institution.id)

    def record_deadline(self) -> None:
        """Write the head-set deadline of the chosen course (empty: not known yet)."""
        course = self._course()
        if course is None:
            return
        problem = self.deadline.input_problem(self.tr("Date limite"))
        if problem:
            self.deadline_message.show_messages([problem])
            return
        try:
            self.controller.set_head_deadline(course.id, self.deadline.date())
        except (NotFound, DatabaseError) as gone:
            self.deadline_message.show_messages([gone.message])
            return
        row = self.course_view.currentIndex().row()
        institution = self._institution()
        self.courses.set_rows(self.controller.courses(institution.id if institution else None))
        self.course_view.selectRow(row)
        self.deadline_message.show_messages([])
