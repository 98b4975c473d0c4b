# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json
import time

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import consteq, hmac

from ..tools import linkedin

LINKEDIN_SCOPE = "usn_alumni_network.linkedin_import"
# How long a preview may be saved after the upload, in seconds.
LINKEDIN_PREVIEW_MAX_AGE = 3600


class AlumniCareerPosition(models.Model):
    _inherit = "alumni.career.position"

    source = fields.Selection(
        selection_add=[("linkedin", "LinkedIn")],
        ondelete={"linkedin": "set self"},
    )

    # ------------------------------------------------------------------
    # LinkedIn's data export: read, preview, save
    # ------------------------------------------------------------------

    @api.model
    def _linkedin_read_export(self, data, filename):
        """The positions of a LinkedIn export as the preview shows them:
        each with ``duplicate`` set to ``existing`` (already on the
        person's profile), ``file`` (twice in the file) or False.

        :raise UserError: a message naming the line and column of each bad
            row, or what is wrong with the file
        """
        try:
            positions = linkedin.read_positions(data, filename)
        except linkedin.LinkedInExportError as error:
            raise UserError(self._linkedin_error_message(error)) from None
        return positions

    @api.model
    def _linkedin_mark_duplicates(self, partner, positions):
        """Set ``duplicate`` on each position (dicts with ``title``,
        ``employer_name``, ``start_date``) against the positions of
        ``partner`` the current user can see (one query)."""
        existing = self.search([("partner_id", "=", partner.id)])
        seen = {linkedin.duplicate_key(p.title, p.employer_name, p.start_date) for p in existing}
        in_file = set()
        for position in positions:
            key = linkedin.duplicate_key(
                position["title"], position["employer_name"], position["start_date"]
            )
            position["duplicate"] = (
                "existing" if key in seen else "file" if key in in_file else False
            )
            in_file.add(key)
        return positions

    @api.model
    def _linkedin_sign(self, partner, positions):
        """(payload, signature) that carry the previewed positions of
        ``partner`` to the save step through the browser: the payload is
        their JSON in base64, the signature its HMAC with the database
        secret, so that nothing but what was previewed can be saved, for
        no one but the person it was previewed for."""
        rows = [
            {
                "line": position["line"],
                "title": position["title"],
                "employer_name": position["employer_name"],
                "start_date": fields.Date.to_string(position["start_date"]),
                "end_date": fields.Date.to_string(position["end_date"]),
            }
            for position in positions
            if not position.get("duplicate")
        ]
        message = json.dumps(
            {"partner_id": partner.id, "time": int(time.time()), "rows": rows},
            separators=(",", ":"),
        )
        payload = base64.urlsafe_b64encode(message.encode()).decode()
        return payload, hmac(self.env(su=True), LINKEDIN_SCOPE, payload)

    @api.model
    def _linkedin_unsign(self, partner, payload, signature):
        """The positions of a signed preview, for ``partner``.

        :raise UserError: when the signature is wrong, the preview is for
            someone else or older than an hour
        """
        expected = hmac(self.env(su=True), LINKEDIN_SCOPE, payload or "")
        if not payload or not signature or not consteq(expected, signature):
            raise UserError(
                self.env._("The preview could not be checked. Please upload the file again.")
            )
        content = json.loads(base64.urlsafe_b64decode(payload.encode()))
        if content["partner_id"] != partner.id:
            raise UserError(
                self.env._("The preview could not be checked. Please upload the file again.")
            )
        if time.time() - content["time"] > LINKEDIN_PREVIEW_MAX_AGE:
            raise UserError(
                self.env._("The preview is more than an hour old. Please upload the file again.")
            )
        return [
            {
                **row,
                "start_date": fields.Date.to_date(row["start_date"]),
                "end_date": fields.Date.to_date(row["end_date"]),
            }
            for row in content["rows"]
        ]

    @api.model
    def _linkedin_create_positions(self, partner, positions):
        """Create the positions of ``partner`` that are not on their
        profile yet (checked again: the preview may be saved twice), as
        the current user, so that the record rules decide; the positions
        are marked as coming from LinkedIn.

        Returns the new positions.
        """
        new = [p for p in self._linkedin_mark_duplicates(partner, positions) if not p["duplicate"]]
        created = self.create(
            [
                {
                    "partner_id": partner.id,
                    "title": position["title"],
                    "employer_name": position["employer_name"] or False,
                    "start_date": position["start_date"] or False,
                    "end_date": position["end_date"] or False,
                }
                for position in new
            ]
        )
        # A member's own entries are marked self-reported whatever they
        # claim (see _is_self_service); these came from LinkedIn's file and
        # were just created under the member's rules: only their source is
        # set, as superuser.
        created.sudo().write({"source": "linkedin"})
        return created

    @api.model
    def _linkedin_error_message(self, error):
        """The reader's message for a LinkedInExportError."""
        if error.code == "bad_rows":
            lines = [self._linkedin_row_message(code, values) for code, values in error.errors]
            return "\n".join(
                [self.env._("Nothing was saved: correct these rows of Positions.csv."), *lines]
            )
        messages = {
            "too_big": self.env._("The file is larger than 5 MB (field “LinkedIn export”)."),
            "not_csv_or_zip": self.env._(
                "The file is neither LinkedIn's ZIP archive nor a CSV file "
                "(field “LinkedIn export”)."
            ),
            "no_positions_file": self.env._(
                "The ZIP archive holds no Positions.csv. Ask LinkedIn for a copy of "
                "your data that includes your positions."
            ),
            "empty": self.env._("Positions.csv holds no positions."),
            "missing_columns": self.env._(
                "Positions.csv lacks the columns %(columns)s. Upload the file as LinkedIn made it.",
                columns=error.values.get("columns", ""),
            ),
            "too_many": self.env._(
                "Positions.csv holds more than %(limit)s positions.",
                limit=error.values.get("limit", linkedin.MAX_POSITIONS),
            ),
        }
        return messages.get(error.code) or self.env._("The file could not be read.")

    @api.model
    def _linkedin_row_message(self, code, values):
        if code == "empty_title":
            return self.env._("Line %(line)s: the column “%(column)s” is empty.", **values)
        if code == "bad_date":
            return self.env._(
                "Line %(line)s, column “%(column)s”: “%(value)s” is not a date like "
                "“Mar 2019” or “2019”.",
                **values,
            )
        if code == "end_before_start":
            return self.env._(
                "Line %(line)s, column “%(column)s”: the position ends (%(value)s) before "
                "it starts.",
                **values,
            )
        return self.env._("Line %(line)s: the row could not be read.", line=values.get("line"))
