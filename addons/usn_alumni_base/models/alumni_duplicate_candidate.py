# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import format_date

from ..tools import duplicate_score

THRESHOLD_PARAM = "usn_alumni_base.duplicate_threshold"
DEFAULT_THRESHOLD = 70
# Pairs scoring below this are not kept at all: relatives and namesakes who
# share a key, listing them would only bury the real duplicates.
MIN_LISTED_SCORE = 10

# The name of a person folded as duplicate_score.fold() does for the letters
# that matter in blocking (æøå, aa, oe, accents), split into its first and
# last word. Only used to find the pairs worth scoring: the scoring itself
# compares the names in Python.
FOLDED_NAME = """
    replace(replace(replace(
        translate(lower(%(table)s.name),
                  'øåäöüéèêëáàâóòôúùíìïñç', 'oaaoueeeeaaaooouuiiinc'),
        'æ', 'ae'), 'aa', 'a'), 'oe', 'o')
"""


class AlumniDuplicateCandidate(models.Model):
    """Two people who may be one: the evidence, its score, and the merge."""

    _name = "alumni.duplicate.candidate"
    _description = "Possible Duplicate"
    _order = "score desc, id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="cascade"
    )
    duplicate_id = fields.Many2one(
        "res.partner", string="Possible Duplicate", required=True, index=True, ondelete="cascade"
    )
    score = fields.Integer(required=True, aggregator="max", help="0 to 100.")
    reasons = fields.Char(
        required=True, help="What the two records agree on, then what they disagree on."
    )
    state = fields.Selection(
        [("open", "To Review"), ("dismissed", "Not a Duplicate")],
        required=True,
        default="open",
    )
    keep_id = fields.Many2one(
        "res.partner",
        string="Chosen to Keep",
        ondelete="set null",
        help="The person the officer chose to keep; empty: Odoo's usual choice.",
    )
    kept_partner_id = fields.Many2one(
        "res.partner",
        string="Keep",
        compute="_compute_kept_partner_id",
        inverse="_inverse_kept_partner_id",
        help="The person who stays after the merge, with the records of both. "
        "Unless you choose, the one recorded first.",
    )
    is_likely = fields.Boolean(
        string="Likely Duplicate",
        compute="_compute_is_likely",
        search="_search_is_likely",
        help="The score reaches the threshold set in the Alumni settings.",
    )
    has_different_student_numbers = fields.Boolean(compute="_compute_comparison")
    comparison = fields.Html(compute="_compute_comparison", sanitize=False)

    _sql_constraints = [
        ("pair_uniq", "unique(partner_id, duplicate_id)", "This pair is listed already."),
        ("pair_ordered", "CHECK(partner_id < duplicate_id)", "A pair is listed once."),
        ("score_range", "CHECK(score BETWEEN 0 AND 100)", "The score is between 0 and 100."),
    ]

    @api.depends("partner_id", "duplicate_id")
    def _compute_display_name(self):
        for candidate in self:
            candidate.display_name = (
                f"{candidate.partner_id.display_name} ~ {candidate.duplicate_id.display_name}"
            )

    @api.depends("keep_id", "partner_id", "duplicate_id")
    def _compute_kept_partner_id(self):
        Wizard = self.env["base.partner.merge.automatic.wizard"]
        for candidate in self:
            people = candidate.partner_id | candidate.duplicate_id
            if candidate.keep_id and candidate.keep_id in people:
                candidate.kept_partner_id = candidate.keep_id
            elif len(people) == 2:
                # The contact Odoo's merge keeps when nobody chooses.
                candidate.kept_partner_id = Wizard._get_ordered_partner(people.ids)[-1]
            else:
                candidate.kept_partner_id = people[:1]

    def _inverse_kept_partner_id(self):
        for candidate in self:
            candidate.keep_id = candidate.kept_partner_id

    @api.depends("score")
    def _compute_is_likely(self):
        threshold = self._threshold()
        for candidate in self:
            candidate.is_likely = candidate.score >= threshold

    def _search_is_likely(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on Likely Duplicate."))
        positive = (operator == "=") == bool(value)
        return [("score", ">=" if positive else "<", self._threshold())]

    @api.depends(
        "partner_id",
        "duplicate_id",
        "kept_partner_id",
        "partner_id.student_number",
        "duplicate_id.student_number",
    )
    def _compute_comparison(self):
        for candidate in self:
            first, second = candidate.partner_id, candidate.duplicate_id
            numbers = {
                duplicate_score.normalize_student_number(person.student_number)
                for person in first | second
                if person.student_number
            }
            candidate.has_different_student_numbers = len(numbers) > 1
            if not first or not second:
                candidate.comparison = False
                continue
            candidate.comparison = self.env["ir.qweb"]._render(
                "usn_alumni_base.alumni_duplicate_candidate_comparison",
                {
                    "people": [first, second],
                    "kept": candidate.kept_partner_id,
                    "rows": candidate._comparison_rows(first, second),
                },
            )

    @api.model
    def action_find(self):
        """Refresh the candidates for everyone: the open pairs are replaced by
        the pairs found now; pairs marked as not duplicates stay so."""
        pairs = self._find_pairs()
        self.flush_model()
        self.env.cr.execute(SQL("DELETE FROM alumni_duplicate_candidate WHERE state = 'open'"))
        self.env.cr.execute(SQL("SELECT partner_id, duplicate_id FROM alumni_duplicate_candidate"))
        dismissed = set(self.env.cr.fetchall())
        labels = self._reason_labels()
        rows = [
            (a, b, comparison.score, self._reasons_text(comparison.outcomes, labels))
            for (a, b), comparison in pairs.items()
            if (a, b) not in dismissed and comparison.score >= MIN_LISTED_SCORE
        ]
        if rows:
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO alumni_duplicate_candidate (
                        partner_id, duplicate_id, score, reasons, state,
                        create_uid, create_date, write_uid, write_date)
                    SELECT a, b, score, reasons, 'open', %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM unnest(%(a)s::int[], %(b)s::int[], %(score)s::int[],
                                  %(reasons)s::varchar[]) AS r(a, b, score, reasons)
                    """,
                    a=[row[0] for row in rows],
                    b=[row[1] for row in rows],
                    score=[row[2] for row in rows],
                    reasons=[row[3] for row in rows],
                    uid=self.env.uid,
                    now=fields.Datetime.now(),
                )
            )
        self.invalidate_model()
        return self._open_list()

    def action_dismiss(self):
        self.write({"state": "dismissed"})

    def action_reopen(self):
        """Put pairs marked as not duplicates back on the list to review."""
        self.write({"state": "open"})

    def action_merge(self):
        """Merge each pair into the person chosen to keep, or else into the
        one Odoo's merge keeps; open the person kept when there is one."""
        Wizard = self.env["base.partner.merge.automatic.wizard"]
        kept = self.env["res.partner"]
        for candidate in self:
            if candidate.state != "open":
                raise UserError(
                    self.env._("%(pair)s is not a duplicate to merge.", pair=candidate.display_name)
                )
            people = candidate.partner_id | candidate.duplicate_id
            keep = candidate.keep_id if candidate.keep_id in people else None
            # As the officer, with Odoo's checks: only an administrator merges
            # people with different e-mail addresses.
            Wizard._merge(people.ids, keep, extra_checks=True)
            kept |= people.exists()
        if len(kept) == 1:
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "usn_alumni_base.res_partner_action_alumni"
            )
            action.update({"res_id": kept.id, "views": [(False, "form")], "view_mode": "form"})
            return action
        return self._open_list()

    def _open_list(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_base.alumni_duplicate_candidate_action"
        )

    @api.model
    def _threshold(self):
        """The score from which a pair counts as a likely duplicate (setting)."""
        value = self.env["ir.config_parameter"].sudo().get_param(THRESHOLD_PARAM)
        try:
            return min(100, max(0, int(value)))
        except (TypeError, ValueError):
            return DEFAULT_THRESHOLD

    def _reason_labels(self):
        return {
            ("student_number", "same"): self.env._("same student number"),
            ("student_number", "different"): self.env._("different student numbers"),
            ("birth_date", "same"): self.env._("same birth date"),
            ("birth_date", "close"): self.env._("nearly the same birth date"),
            ("birth_date", "different"): self.env._("different birth dates"),
            ("first_name", "same"): self.env._("same first name"),
            ("first_name", "similar"): self.env._("similar first name"),
            ("first_name", "different"): self.env._("different first names"),
            ("surname", "same"): self.env._("same surname"),
            ("surname", "similar"): self.env._("similar surname"),
            ("surname", "different"): self.env._("different surnames"),
            ("email", "same"): self.env._("same e-mail"),
            ("email", "different"): self.env._("different e-mails"),
            ("phone", "same"): self.env._("same phone"),
            ("phone", "different"): self.env._("different phones"),
        }

    @api.model
    def _reasons_text(self, outcomes, labels):
        """The evidence in favour, then against, the strongest first."""
        weighed = sorted(
            outcomes.items(),
            key=lambda item: -abs(duplicate_score.WEIGHTS[item[0]][item[1]]),
        )
        in_favour = [
            labels[item] for item in weighed if duplicate_score.WEIGHTS[item[0]][item[1]] > 0
        ]
        against = [
            labels[item] for item in weighed if duplicate_score.WEIGHTS[item[0]][item[1]] <= 0
        ]
        return "; ".join(part for part in (", ".join(in_favour), ", ".join(against)) if part)

    @api.model
    def _find_pairs(self):
        """{(lower id, higher id): duplicate_score.Comparison} over all active
        people, in two queries whatever their number.

        Only pairs that share a key are scored (blocking): the same student
        number, e-mail or phone; the same birth date and first name or
        surname; the same first name and surname when a birth date is
        missing. Each key is an equality join, so the work grows with the
        pairs that share a key, not with the square of the population.
        """
        self.env["res.partner"].flush_model(
            ["student_number", "email_normalized", "phone_sanitized", "name", "birth_date"]
        )
        self.env.cr.execute(
            SQL(
                """
                WITH people AS (
                    SELECT id, birth_date, email_normalized, phone_sanitized,
                           upper(regexp_replace(student_number, '\\s', '', 'g')) AS student_number,
                           split_part(folded, ' ', 1) AS first_name,
                           regexp_replace(folded, '^.* ', '') AS surname
                      FROM (
                        SELECT p.*, trim(regexp_replace(%(folded)s, '[^a-z]+', ' ', 'g')) AS folded
                          FROM res_partner p
                         WHERE p.active AND NOT p.is_company
                      ) named
                )
                SELECT a.id, b.id FROM people a
                  JOIN people b ON a.student_number = b.student_number AND a.id < b.id
                 UNION
                SELECT a.id, b.id FROM people a
                  JOIN people b ON a.email_normalized = b.email_normalized AND a.id < b.id
                 UNION
                SELECT a.id, b.id FROM people a
                  JOIN people b ON a.phone_sanitized = b.phone_sanitized AND a.id < b.id
                 UNION
                SELECT a.id, b.id FROM people a
                  JOIN people b ON a.birth_date = b.birth_date AND a.first_name = b.first_name
                                   AND a.first_name != '' AND a.id < b.id
                 UNION
                SELECT a.id, b.id FROM people a
                  JOIN people b ON a.birth_date = b.birth_date AND a.surname = b.surname
                                   AND a.surname != '' AND a.id < b.id
                 UNION
                SELECT a.id, b.id FROM people a
                  JOIN people b ON a.first_name = b.first_name AND a.surname = b.surname
                                   AND a.first_name != ''
                                   AND (a.birth_date IS NULL OR b.birth_date IS NULL)
                                   AND a.id < b.id
                """,
                folded=SQL(FOLDED_NAME, table=SQL.identifier("p")),
            )
        )
        pairs = self.env.cr.fetchall()
        if not pairs:
            return {}
        self.env.cr.execute(
            SQL(
                """
                SELECT id, name, birth_date, email_normalized, phone_sanitized, student_number
                  FROM res_partner
                 WHERE id = ANY(%s)
                """,
                list({partner_id for pair in pairs for partner_id in pair}),
            )
        )
        people = {
            row[0]: {
                "name": row[1],
                "birth_date": row[2],
                "email": row[3],
                "phone": row[4],
                "student_number": row[5],
            }
            for row in self.env.cr.fetchall()
        }
        return {(a, b): duplicate_score.compare(people[a], people[b]) for a, b in pairs}

    def _comparison_rows(self, first, second):
        """The rows of the side-by-side comparison of two people: a label,
        the value of each (a list of lines) and whether they differ."""
        labels = [
            ("name", self.env._("Name")),
            ("email", self.env._("E-mail")),
            ("phone", self.env._("Phone")),
            ("birth_date", self.env._("Birth date")),
            ("student_number", self.env._("Student number")),
            ("lifecycle_stage", self.env._("Stage")),
            ("graduation_year", self.env._("Cohort")),
            ("enrollments", self.env._("Programmes")),
            ("applications", self.env._("Applications")),
            ("consents", self.env._("Consents")),
            ("address", self.env._("Address")),
            ("network_state", self.env._("Alumni network")),
            ("user", self.env._("User account")),
            ("create_date", self.env._("Recorded on")),
        ]
        values = [self._comparison_values(person) for person in (first, second)]
        rows = []
        for key, label in labels:
            pair = [[line for line in person_values[key] if line] for person_values in values]
            rows.append(
                {
                    "key": key,
                    "label": label,
                    "values": pair,
                    "differs": key != "create_date" and sorted(pair[0]) != sorted(pair[1]),
                    "conflict": key == "student_number" and all(pair) and pair[0] != pair[1],
                }
            )
        return rows

    def _comparison_values(self, person):
        """{row key: lines} of one person for the comparison."""

        def label(record, name):
            selection = dict(record._fields[name]._description_selection(self.env))
            return selection.get(record[name], "")

        def day(value):
            return format_date(self.env, value) if value else ""

        return {
            "name": [person.name],
            "email": [person.email],
            "phone": [person.phone, person.mobile],
            "birth_date": [day(person.birth_date)],
            "student_number": [person.student_number],
            "lifecycle_stage": [label(person, "lifecycle_stage")],
            "graduation_year": [str(person.graduation_year or "")],
            "enrollments": [
                self.env._(
                    "%(programme)s (%(state)s, from %(start)s)",
                    programme=enrollment.programme_id.display_name,
                    state=label(enrollment, "state"),
                    start=day(enrollment.start_date),
                )
                for enrollment in person.enrollment_ids
            ],
            "applications": [
                self.env._(
                    "%(programme)s (%(state)s)",
                    programme=application.programme_id.display_name,
                    state=label(application, "state"),
                )
                for application in person.application_ids
            ],
            "consents": [
                self.env._(
                    "%(purpose)s: %(state)s on %(date)s",
                    purpose=consent.purpose_id.display_name,
                    state=label(consent, "state"),
                    date=day(consent.date),
                )
                for consent in person.current_consent_ids
            ],
            "address": [person.street, " ".join(filter(None, (person.zip, person.city)))],
            "network_state": [label(person, "network_state")],
            "user": person.with_context(active_test=False).user_ids.mapped("login"),
            "create_date": [day(person.create_date)],
        }
