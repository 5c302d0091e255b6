"""Erklärung zur Barrierefreiheit / accessibility statement (BITV 2.0): the status of
conformity as our tests measure it, known limitations, how to report a barrier (the
operator's contact) and the enforcement procedure."""

import os
from datetime import date

from indicators.display import elements as el

# When the statement was last reviewed against the code and the tests.
STATEMENT_DATE = date(2026, 11, 30)
# The operator's contact for reports of barriers (an e-mail address, a web form, a phone
# number; markdown allowed), set where the app is deployed.
CONTACT_VARIABLE = "REGIOPOLE_CONTACT"


def contact():
    """The operator's contact from the environment, or None when none is set."""
    return os.environ.get(CONTACT_VARIABLE, "").strip() or None


def build(ctx):
    t = ctx.t
    when = STATEMENT_DATE.strftime("%d.%m.%Y") if ctx.lang == "de" else STATEMENT_DATE.isoformat()
    address = contact()
    reach = (
        el.Text(t("a11y_contact", contact=address))
        if address
        else el.Notice(t("a11y_contact_missing"), "warning")
    )
    return [
        el.Title(t("page_accessibility")),
        el.Text(t("a11y_intro")),
        el.Subheader(t("a11y_status")),
        el.Text(t("a11y_status_text")),
        el.Subheader(t("a11y_checks")),
        el.Text(t("a11y_checks_text")),
        el.Subheader(t("a11y_limits")),
        el.Text(t("a11y_limits_text")),
        el.Subheader(t("a11y_feedback")),
        el.Text(t("a11y_feedback_text")),
        reach,
        el.Subheader(t("a11y_enforcement")),
        el.Text(t("a11y_enforcement_text")),
        el.Caption(t("a11y_date", date=when)),
    ]
