"""typography folding, Laos, withdrawals phase

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

- Typography no longer makes a new mention (RULES.md §3): the stored comparison keys of courses
  and names are recomputed with the new folding (ligatures, typographic apostrophes, dashes,
  spaces). Two catalogue entries that now read as one are left apart and reported; so is every
  candidate who, counted with the new folding, stands beyond a cap. Nothing is merged silently.
  The report (French) is logged and kept in the setting ``migration_report`` for the desk.
- The shipped Études en France list gains Laos (68 countries): a base still holding exactly the
  67 shipped countries gets LA; a list a clerk has edited is left alone, and the setting
  ``etudes_en_france_shipped_changed`` tells the settings dialog to say so.
- The withdrawals phase (gestion des désistements) joins the campaign calendar: two dates,
  filled for 2024 (2024-08-01 to 2024-08-31) and empty for other years until a clerk sets them.
- The stored status of every candidate is recomputed: it now reads the whole record, including
  provisional acceptances the platform makes definitive at the end of the complementary phase.
"""

import logging
import unicodedata
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("monmaster_desktop.migrations")

# Frozen copies of this revision's data: later code changes need a new revision.
SHIPPED_67 = frozenset(
    "ZA AZ DZ SA AR BH BJ BO BR BF BI KH CM CA CL CN CO KM CG KR CI DJ AE EG EC US ET GA GE GH "
    "GN HT IN ID IR IL JP JO KE KW LB MG MY ML MA MU MR MX NP NE NG PE QA CD DO GB RU SN SG TW "
    "TD TH TG TN TR UA VN".split()
)
_TYPOGRAPHY = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
WITHDRAWALS_2024 = (date(2024, 8, 1), date(2024, 8, 31))


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_TYPOGRAPHY))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("campaign") as batch:
        batch.add_column(sa.Column("withdrawals_from", sa.Date(), nullable=True))
        batch.add_column(sa.Column("withdrawals_to", sa.Date(), nullable=True))
    campaign = sa.table(
        "campaign",
        sa.column("year", sa.Integer),
        sa.column("withdrawals_from", sa.Date),
        sa.column("withdrawals_to", sa.Date),
    )
    conn.execute(
        campaign.update()
        .where(campaign.c.year == 2024, campaign.c.withdrawals_from.is_(None))
        .values(withdrawals_from=WITHDRAWALS_2024[0], withdrawals_to=WITHDRAWALS_2024[1])
    )

    report: list[str] = []
    _laos(conn)
    report += _refold_courses(conn)
    _refold_names(conn)
    report += _caps_report(conn)
    _refresh_status(conn)
    setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))
    conn.execute(setting.delete().where(setting.c.key == "migration_report"))
    if report:
        text = "\n".join(
            ["Mise à jour de la base (comparaison des mentions sans typographie) :", *report]
        )
        conn.execute(setting.insert().values(key="migration_report", value=text))
        log.warning("%s", text)


def _laos(conn) -> None:  # noqa: ANN001
    codes = {row[0] for row in conn.execute(sa.text("SELECT code FROM etudes_en_france_country"))}
    if not codes:
        return  # a new base: the defaults seed the 68 countries after the migration
    if codes == SHIPPED_67:
        conn.execute(sa.text("INSERT INTO etudes_en_france_country (code) VALUES ('LA')"))
    elif "LA" not in codes:
        conn.execute(
            sa.text(
                "INSERT INTO setting (key, value) VALUES ('etudes_en_france_shipped_changed', "
                "'LA') ON CONFLICT (key) DO UPDATE SET value = 'LA'"
            )
        )


def _refold_courses(conn) -> list[str]:  # noqa: ANN001
    rows = conn.execute(
        sa.text(
            "SELECT c.id, c.institution_id, i.code, c.mention, c.parcours, c.training_type, "
            "c.mention_key, c.parcours_key FROM course c JOIN institution i "
            "ON c.institution_id = i.id ORDER BY c.id"
        )
    ).all()
    taken: dict[tuple, tuple] = {}
    changes: list[dict] = []
    report: list[str] = []
    # The keys that stay as they are come first: a changed key never takes one that exists.
    new_keys = {r[0]: (fold(r[3]), fold(r[4] or "")) for r in rows}
    for r in rows:
        if new_keys[r[0]] == (r[6], r[7] or ""):
            taken[(r[1], *new_keys[r[0]], r[5])] = r
    for r in rows:
        key = (r[1], *new_keys[r[0]], r[5])
        if new_keys[r[0]] == (r[6], r[7] or ""):
            continue
        if key in taken:
            other = taken[key]
            report.append(
                f"- {r[2]} : les formations « {_label(other)} » et « {_label(r)} » se lisent "
                "désormais comme une seule ; elles sont laissées séparées : rattachez les "
                "candidatures à l'une des deux dans le catalogue."
            )
            continue
        taken[key] = r
        changes.append({"i": r[0], "m": new_keys[r[0]][0], "p": new_keys[r[0]][1]})
    if changes:
        conn.execute(
            sa.text("UPDATE course SET mention_key = :m, parcours_key = :p WHERE id = :i"),
            changes,
        )
    return report


def _label(row) -> str:  # noqa: ANN001
    return f"{row[3]} — {row[4]}" if row[4] else row[3]


def _refold_names(conn) -> None:  # noqa: ANN001
    import re

    split = re.compile(r"[^0-9a-z]+")
    rows = conn.execute(sa.text("SELECT id, last_name, first_name, name_key FROM candidate")).all()
    keys, tokens = [], []
    for cid, last, first, stored in rows:
        key = fold(f"{last} {first}")
        if key != stored:
            keys.append({"i": cid, "k": key})
            words = sorted({w[:100] for w in split.split(key) if w})
            tokens.append((cid, words))
    if keys:
        conn.execute(sa.text("UPDATE candidate SET name_key = :k WHERE id = :i"), keys)
    for cid, words in tokens:
        conn.execute(
            sa.text("DELETE FROM candidate_search_token WHERE candidate_id = :i"), {"i": cid}
        )
        if words:
            conn.execute(
                sa.text("INSERT INTO candidate_search_token (candidate_id, token) VALUES (:i, :t)"),
                [{"i": cid, "t": w} for w in words],
            )


def _caps_report(conn) -> list[str]:  # noqa: ANN001
    caps = {
        row[0]: {
            ("main", "initial"): row[1],
            ("main", "alternance"): row[2],
            ("complementary", "initial"): row[3],
            ("complementary", "alternance"): row[4],
        }
        for row in conn.execute(
            sa.text(
                "SELECT id, main_cap_initial, main_cap_alternance, complementary_cap_initial, "
                "complementary_cap_alternance FROM campaign"
            )
        )
    }
    years = dict(conn.execute(sa.text("SELECT id, year FROM campaign")).all())
    counted: dict[tuple, set] = {}
    for cand, camp, phase, ttype, code, mention in conn.execute(
        sa.text(
            "SELECT a.candidate_id, a.campaign_id, a.phase, c.training_type, i.code, c.mention "
            "FROM application a JOIN course c ON a.course_id = c.id "
            "JOIN institution i ON c.institution_id = i.id WHERE a.status <> 'withdrawn'"
        )
    ):
        counted.setdefault((cand, camp, phase, ttype), set()).add(
            (code.strip().upper(), fold(mention))
        )
    over = [
        (key, len(mentions))
        for key, mentions in counted.items()
        if len(mentions) > caps.get(key[1], {}).get((key[2], key[3]), 10**9)
    ]
    if not over:
        return []
    numbers = dict(
        conn.execute(
            sa.select(sa.column("id"), sa.column("candidate_number")).select_from(
                sa.table("candidate")
            )
        ).all()
    )
    phase_fr = {"main": "phase principale", "complementary": "phase complémentaire"}
    type_fr = {"initial": "hors alternance", "alternance": "en alternance"}
    return [
        f"- candidat {numbers.get(cand, cand)} : {count} mentions {type_fr[ttype]} en "
        f"{phase_fr[phase]} {years.get(camp, '')}, au-delà du plafond de "
        f"{caps[camp][(phase, ttype)]} : vérifiez ses candidatures (rien n'a été modifié)."
        for (cand, camp, phase, ttype), count in sorted(
            over, key=lambda o: str(numbers.get(o[0][0]))
        )
    ]


def _refresh_status(conn) -> None:  # noqa: ANN001
    """The stored status with the rules of this version (a later revision that changes the
    tables read here must move this step into its own revision)."""
    from sqlalchemy.orm import Session

    from monmaster_desktop.controllers.context import RulesContext
    from monmaster_desktop.controllers.records import refresh_all_status

    session = Session(bind=conn)
    refresh_all_status(session, RulesContext.load(session))
    session.flush()


def downgrade() -> None:
    with op.batch_alter_table("campaign") as batch:
        batch.drop_column("withdrawals_to")
        batch.drop_column("withdrawals_from")
