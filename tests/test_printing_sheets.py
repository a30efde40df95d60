"""Enrolment status sheets: what the candidate reads in the PDF, page by page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from monmaster_desktop.domain import (
    REASON_FR,
    ApplicationStatus,
    EnrolmentHistory,
    IneligibilityReason,
    Phase,
    RejectionReason,
    TrainingType,
)
from monmaster_desktop.printing import (
    build_sheet_html,
    configure_printer,
    print_sheets,
    render_pdf,
)
from monmaster_desktop.printing.sheets import footer_text

from platform_helpers import assert_owner_only  # isort: skip
from printing_helpers import (  # isort: skip
    CLERK,
    OTHER,
    PRINTED_ON,
    accepted_at_home,
    application,
    candidate_file,
    flat,
    pdf_pages_text,
    person,
)

OTHER_PROCEDURE = (
    "Votre candidature relève de la procédure Candidature / Pré-inscription de l'université"
)


def render(tmp_path: Path, *files, name: str = "sheets.pdf") -> list[str]:
    """Render ``files`` into one PDF and return each page's text, white space made single."""
    out = tmp_path / name
    pages = render_pdf(list(files), out, printed_on=PRINTED_ON, clerk=CLERK)
    texts = [flat(text) for text in pdf_pages_text(out)]
    assert pages == len(texts)
    return texts


def test_eligible_candidate_reads_the_verdict_without_the_other_procedure(qapp, tmp_path):
    """An eligible candidate is told so, and is not sent to the other procedure."""
    (page,) = render(tmp_path, candidate_file(person(), [application()]))
    assert "Vous êtes éligible à la procédure Mon Master." in page
    assert OTHER_PROCEDURE not in page
    assert "Fiche de situation — Inscription en Master 1 (Mon Master)" in page
    assert "Aix-Marseille Université" in page


def test_ineligible_candidate_reads_each_reason_and_the_other_procedure(qapp, tmp_path):
    """Not eligible: every reason in French, and the Candidature / Pré-inscription procedure."""
    data = person(nationality="MA", residence_country="MA", repeating_m1=True)
    (page,) = render(tmp_path, candidate_file(data, []))
    assert "Vous n'êtes pas éligible à la procédure Mon Master" in page
    assert REASON_FR[IneligibilityReason.ETUDES_EN_FRANCE] in page
    assert REASON_FR[IneligibilityReason.REPEATING_M1] in page
    assert OTHER_PROCEDURE in page


def test_identity_block_shows_name_number_ine_birth_date_and_campaign(qapp, tmp_path):
    """Identity: LAST NAME First name, candidate number, INE, DD/MM/YYYY birth date, campaign."""
    (page,) = render(tmp_path, candidate_file(person("Martin", "Paul", number="MM24-000777"), []))
    assert "MARTIN Paul" in page
    assert "MM24-000777" in page
    assert "0123456789M" in page
    assert "09/03/2002" in page
    assert "Campagne 2024" in page


def test_missing_ine_is_printed_as_not_given(qapp, tmp_path):
    """A candidate without an INE reads « non renseigné »."""
    (page,) = render(tmp_path, candidate_file(person(ine=None), []))
    assert "INE non renseigné" in page


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        (EnrolmentHistory.NEVER, "portail d'inscription IAWEB Primo"),
        (EnrolmentHistory.ENROLLED_LAST_YEAR, "depuis votre ENT (environnement numérique de travail)"),
        (EnrolmentHistory.INTERRUPTED, "réinscription se fait avec le service de scolarité"),
    ],
)
def test_registration_route_follows_the_enrolment_history(qapp, tmp_path, history, expected):
    """New entrants go to IAWEB Primo, last year's students to their ENT, others to the office."""
    data = person(enrolment_history=history)
    (page,) = render(tmp_path, candidate_file(data, [accepted_at_home(date(2024, 7, 2))]))
    assert "Inscription administrative" in page
    assert expected in page
    contact = "04 91 39 65 00"  # the office's contact block comes with « contact the office »
    assert (contact in page) is (history is EnrolmentHistory.INTERRUPTED)


@pytest.mark.parametrize(
    ("accepted_on", "deadline"),
    [
        (date(2024, 7, 2), "19/07/2024"),
        (date(2024, 8, 1), "29/08/2024"),
        (date(2024, 9, 2), "fixée par le chef d'établissement"),
    ],
)
def test_registration_deadline_follows_the_acceptance_band(qapp, tmp_path, accepted_on, deadline):
    """The registration box prints the band's deadline, or says the head of institution sets it."""
    file = candidate_file(person(), [accepted_at_home(accepted_on)], as_of=accepted_on)
    (page,) = render(tmp_path, file)
    assert f"Date limite d'inscription {deadline}" in page
    assert f"Acceptation définitive {accepted_on:%d/%m/%Y}" in page
    assert "Informatique — parcours Intelligence artificielle" in page


def test_overdue_registration_tells_the_candidate_to_contact_the_office_at_once(qapp, tmp_path):
    """Past the deadline and not registered: contact the registrar's office without waiting."""
    file = candidate_file(person(), [accepted_at_home(date(2024, 7, 2))], as_of=date(2024, 7, 25))
    (page,) = render(tmp_path, file)
    assert (
        "La date limite d'inscription est dépassée : contactez le service de scolarité sans attendre."
        in page
    )
    # one thing to do: no « register online » beside it, no second « contact » sentence
    assert "Inscrivez-vous en ligne" not in page
    assert "Vous devez contacter le service de scolarité." not in page
    assert "l'inscription en ligne n'est plus possible" in page
    # and how to reach the office
    assert "Service de scolarité — Aix-Marseille Université" in page
    assert "58 boulevard Charles Livon" in page
    assert "Tél. 04 91 39 65 00" in page and "Courriel scolarite@univ-amu.fr" in page
    assert "du lundi au vendredi" in page


def test_registered_candidate_sees_the_registration_date(qapp, tmp_path):
    """Once registered, the box gives the date and no deadline reminder is printed."""
    app = accepted_at_home(date(2024, 7, 2), registered_on=date(2024, 7, 5))
    (page,) = render(tmp_path, candidate_file(person(), [app]))
    assert "effectuée le 05/07/2024" in page
    assert "04 91 39 65 00" not in page  # nothing to ask the office: no contact block
    assert "au plus tard le" not in page
    assert "Inscrivez-vous" not in page  # registered: no instruction to register any more


def test_rejection_prints_its_reason_and_the_last_day_to_ask_for_the_grounds(qapp, tmp_path):
    """A refusal shows its reason, and the explanation window's last day while it is open."""
    refused = application(
        "Mathématiques appliquées",
        code=OTHER,
        status=ApplicationStatus.REJECTED,
        rejection_reason=RejectionReason.REQUIREMENTS_NOT_MET,
        notified_on=date(2024, 6, 20),
    )
    (page,) = render(tmp_path, candidate_file(person(), [refused]))
    assert "Candidature refusée motif : conditions d'admission non remplies" in page
    assert "Vous pouvez demander les motifs du refus jusqu'au 20/07/2024" in page


def test_waitlist_rank_and_dates_are_in_the_applications_table(qapp, tmp_path):
    """A waitlisted application shows its rank; dates are DD/MM/YYYY with their labels."""
    waiting = application(
        "Économie",
        status=ApplicationStatus.WAITLISTED,
        waitlist_rank=42,
        training=TrainingType.ALTERNANCE,
        submitted_on=date(2024, 3, 4),
        notified_on=date(2024, 6, 4),
    )
    (page,) = render(tmp_path, candidate_file(person(), [waiting]))
    assert "En liste d'attente rang 42" in page
    assert "Dépôt 04/03/2024" in page
    assert "Notification 04/06/2024" in page
    assert "Économie alternance" in page  # only what differs from the usual case is tagged
    assert "phase principale" not in page
    assert "UAI 0134009M" in page


def test_counted_applications_are_printed_against_the_caps_per_phase(qapp, tmp_path):
    """Counts per phase and type against the caps; parcours of one mention count once."""
    apps = [
        application("Informatique", parcours="Génie logiciel"),
        application("Informatique", parcours="Réseaux"),
        application("Chimie", code=OTHER),
        application("Droit", training=TrainingType.ALTERNANCE),
        application("Biologie", phase=Phase.COMPLEMENTARY, submitted_on=date(2024, 6, 26)),
    ]
    (page,) = render(tmp_path, candidate_file(person(), apps))
    assert "Phase principale : 2/15 hors alternance · 1/15 en alternance" in page
    assert "Phase complémentaire : 1/10 hors alternance · 0/10 en alternance" in page


def test_accented_names_are_printed_right(qapp, tmp_path):
    """é, è, ç, œ and friends survive into the PDF text."""
    data = person("Lefèvre-Œuvray", "François-Éloïse")
    (page,) = render(tmp_path, candidate_file(data, [application("Économie et société")]))
    assert "LEFÈVRE-ŒUVRAY François-Éloïse" in page
    assert "Économie et société" in page
    assert "Mme Hélène Garçon" in page


def test_candidate_data_is_escaped_not_interpreted_as_html(qapp, tmp_path):
    """Markup typed into a name is printed as typed."""
    data = person("<b>Dupont</b> & fils", "Jean")
    html = build_sheet_html(candidate_file(data, []), printed_on=PRINTED_ON, clerk=CLERK)
    assert "&lt;B&gt;DUPONT&lt;/B&gt; &amp; FILS" in html
    (page,) = render(tmp_path, candidate_file(data, []))
    assert "<B>DUPONT</B> & FILS Jean" in page


def test_footer_gives_print_date_clerk_and_page_on_every_page(qapp, tmp_path):
    """The footer: « Édité le DD/MM/YYYY par <clerk> — page X/Y », and the stamp box at the end."""
    (page,) = render(tmp_path, candidate_file(person(), [application()]))
    assert "Édité le 10/07/2024 par Mme Hélène Garçon — page 1/1" in page
    assert "Cachet et signature" in page
    assert footer_text(printed_on=PRINTED_ON, clerk="X", page=2, pages=3).endswith("page 2/3")


def test_thirty_applications_continue_on_a_second_page_with_the_table_header(qapp, tmp_path):
    """30 applications paginate: header row repeated, « page 1/2 », « page 2/2 », stamp last."""
    apps = [
        application(f"Mention {i:02d}", parcours=f"Parcours {i:02d}", submitted_on=date(2024, 3, 1))
        for i in range(1, 31)
    ]
    pages = render(tmp_path, candidate_file(person(), apps))
    assert len(pages) == 2
    header = "Établissement Mention et parcours Situation Dates"
    for number, page in enumerate(pages, start=1):
        if any(f"Mention {i:02d}" in page for i in range(1, 31)):
            assert header in page  # every page holding rows opens the table with its header
        assert f"page {number}/2" in page
        assert "DUPONT Jeanne — n° MM24-000001" in page
    text = " ".join(pages)
    assert all(f"Mention {i:02d}" in text for i in range(1, 31))
    assert "Cachet et signature" in pages[-1]
    assert "Cachet et signature" not in pages[0]


def test_worklist_gives_one_sheet_per_candidate_each_on_a_new_page(qapp, tmp_path):
    """N candidates make N sheets in one PDF, each page opening on its own candidate."""
    names = ["Arnaud", "Bécaud", "Cœurdacier", "Dufresne"]
    files = [
        candidate_file(person(name, "Zoé", number=f"MM24-{i:06d}"), [application()], candidate_id=i)
        for i, name in enumerate(names, start=1)
    ]
    pages = render(tmp_path, *files)
    assert len(pages) == len(names)
    for index, page in enumerate(pages):
        identity = page.index("Nom et prénom")
        assert page[identity:].startswith(f"Nom et prénom {names[index].upper()} Zoé")
        others = [n.upper() for i, n in enumerate(names) if i != index]
        assert not any(other in page for other in others)
        assert "page 1/1" in page


def test_progress_reports_each_sheet_and_the_file_is_owner_only(qapp, tmp_path):
    """progress(n) after each sheet; the PDF is readable by its owner only."""
    seen: list[int] = []
    out = tmp_path / "worklist.pdf"
    files = [candidate_file(person(number=f"N{i}"), []) for i in range(3)]
    assert render_pdf(files, out, printed_on=PRINTED_ON, clerk=CLERK, progress=seen.append) == 3
    assert seen == [1, 2, 3]
    assert_owner_only(out)


def test_cancel_leaves_no_file_behind(qapp, tmp_path):
    """Cancelling mid-batch returns 0 and leaves neither the PDF nor a partial file."""
    files = [candidate_file(person(number=f"N{i}"), []) for i in range(5)]
    done: list[int] = []
    out = tmp_path / "cancelled.pdf"
    pages = render_pdf(
        files,
        out,
        printed_on=PRINTED_ON,
        clerk=CLERK,
        progress=done.append,
        is_cancelled=lambda: len(done) >= 2,
    )
    assert pages == 0
    assert list(tmp_path.iterdir()) == []


def test_print_sheets_draws_the_same_pages_on_a_printer(qapp, tmp_path):
    """print_sheets on a (PDF-backed) QPrinter gives the same sheet as render_pdf."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(out))
    file = candidate_file(person("Garçon", "Noël"), [accepted_at_home(date(2024, 7, 2))])
    assert print_sheets([file], printer, printed_on=PRINTED_ON, clerk=CLERK) == 1
    (page,) = [flat(text) for text in pdf_pages_text(out)]
    assert "GARÇON Noël" in page
    assert "Date limite d'inscription 19/07/2024" in page
    assert "page 1/1" in page


def test_ten_applications_and_the_office_block_fit_one_page(qapp, tmp_path):
    """An overdue candidate with ten applications: one A4 page, contact block and stamp on it."""
    apps = [accepted_at_home(date(2024, 7, 2))] + [
        application(
            mention,
            code=OTHER,
            parcours="Parcours recherche et innovation",
            status=ApplicationStatus.WAITLISTED,
            waitlist_rank=10 + index,
            notified_on=date(2024, 6, 4),
        )
        for index, mention in enumerate(
            ["Mathématiques", "Physique", "Chimie", "Économie", "Droit public", "Histoire",
             "Géographie", "Sociologie", "Psychologie"]
        )
    ]
    (page,) = render(tmp_path, candidate_file(person(), apps, as_of=date(2024, 7, 25)))
    assert "Psychologie" in page and "Tél. 04 91 39 65 00" in page
    assert "Cachet et signature" in page and "page 1/1" in page


def test_printed_by_the_clerk_named_in_the_settings_on_the_system_date(qapp, tmp_path):
    """« Édité le » is today and the name set in the settings, never the OS login; the
    situation stays that of the reference date. Without a name, the office signs."""
    from monmaster_desktop.clerk import set_clerk_name
    from monmaster_desktop.controllers.sheets import signer
    from monmaster_desktop.office import current_office

    assert signer(None) == current_office().name
    set_clerk_name("  Mme  Hélène Garçon ")
    assert signer(None) == "Mme Hélène Garçon"
    from monmaster_desktop.controllers.sheets import SheetController

    out = tmp_path / "sheet.pdf"
    SheetController.render_pdf(None, [candidate_file(person(), [application()])], out)  # type: ignore[arg-type]
    (page,) = [flat(text) for text in pdf_pages_text(out)]
    assert f"Édité le {date.today():%d/%m/%Y} par Mme Hélène Garçon" in page
    assert "Situation arrêtée au 10/07/2024" in page


def test_command_line_sheets_are_edited_today_by_the_clerk_of_the_settings(tmp_path):
    """Same on every path: the command line prints « Édité le <today> par <the settings' name> »
    and « Situation arrêtée au » its --today."""
    import os
    import subprocess
    import sys

    from monmaster_desktop.demo import generate, write_csv_files

    cands, apps = write_csv_files(generate(12, seed=5, as_of=date(2024, 7, 20)), tmp_path / "in")
    config = tmp_path / "config" / "MonMasterDesk"
    config.mkdir(parents=True)
    (config / "Mon Master Desk.ini").write_text(
        "[sheet]\nclerk_name=Mme Hélène Garçon\n", encoding="utf-8"
    )
    env = os.environ | {
        "MONMASTER_DESKTOP_HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONIOENCODING": "utf-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    base = tmp_path / "base.sqlite"

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "monmaster_desktop", *args], env=env,
                              capture_output=True, text=True, timeout=300)

    done = cli("import", str(cands), str(apps), "--database", str(base))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "one.pdf"
    done = cli("sheets", str(out), "--candidate", "M24-000001", "--today", "2024-07-20",
               "--database", str(base))
    assert done.returncode == 0, done.stderr
    text = " ".join(flat(page) for page in pdf_pages_text(out))
    assert f"Édité le {date.today():%d/%m/%Y} par Mme Hélène Garçon" in text
    assert "Situation arrêtée au 20/07/2024" in text
    assert "par root" not in text
