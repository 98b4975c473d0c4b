# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import email_normalize

# The links Odoo never shortens in a mass mailing (see mass_mailing's
# mail.render.mixin._render_template_postprocess).
NOT_SHORTENED = ["/unsubscribe_from_list", "/view", "/cards"]


class MailComposeMessage(models.TransientModel):
    """Sending of mass mailings, batch by batch: the frequency cap and the
    EVU consent checked once per batch, and Odoo's per-batch look-ups
    (blacklist, addresses already mailed) restricted to the batch."""

    _inherit = "mail.compose.message"

    def _action_send_mail(self, auto_commit=False):
        # The links of the mailing's body are the same for every recipient:
        # shorten them once here instead of once per recipient when each
        # rendered body is post-processed (same trackers, same result).
        tracker_values = self.env.context.get("post_convert_links")
        for composer in self:
            if composer.composition_mode == "mass_mail" and tracker_values and composer.body:
                composer.body = composer._shorten_links(
                    composer.body, tracker_values, blacklist=NOT_SHORTENED
                )
        return super()._action_send_mail(auto_commit=auto_commit)

    def _render_field(self, field, res_ids, *args, **kwargs):
        # Each recipient's offers block shows the mailing's offers.
        composer = self
        if field == "body" and len(self) == 1 and self.mass_mailing_id.alumni_evu_offer_ids:
            composer = self.with_context(alumni_evu_mailing_id=self.mass_mailing_id.id)
        return super(MailComposeMessage, composer)._render_field(field, res_ids, *args, **kwargs)

    def _process_mail_values_state(self, mail_values_dict):
        mail_values_dict = super()._process_mail_values_state(mail_values_dict)
        if self.composition_mode != "mass_mail" or not self.mass_mailing_id:
            return mail_values_dict
        candidates = {
            res_id: values
            for res_id, values in mail_values_dict.items()
            if values.get("state") != "cancel"
        }
        skipped = self.mass_mailing_id._alumni_skipped_recipients(
            self._alumni_people_of(candidates)
        )
        for res_id, failure_type in skipped.items():
            candidates[res_id].update(
                state="cancel",
                failure_type=failure_type,
                # not posted in the person's chatter, as for a blacklisted address
                is_notification=False,
            )
        return mail_values_dict

    def _get_done_emails(self, mail_values_dict):
        if not self.mass_mailing_id:
            return super()._get_done_emails(mail_values_dict)
        emails = {
            email
            for info in self._get_recipients_data(mail_values_dict).values()
            for email in info["mail_to_normalized"]
        }
        return super(
            MailComposeMessage, self.with_context(alumni_seen_list_emails=sorted(emails))
        )._get_done_emails(mail_values_dict)

    def _get_blacklist_record_ids(self, mail_values_dict, recipients_info=None):
        """Odoo reads the whole blacklist for each batch: look up only the
        batch's addresses (one indexed query), same result."""
        Model = self.env[self.model] if self.model else None
        if (
            not self.use_exclusion_list
            or self.composition_mode != "mass_mail"
            or Model is None
            or not isinstance(Model, self.pool["mail.thread.blacklist"])
        ):
            return super()._get_blacklist_record_ids(mail_values_dict, recipients_info)
        targets = Model.browse(mail_values_dict.keys())
        targets.fetch(["email_normalized"])
        emails = sorted({target.email_normalized for target in targets} - {False})
        if not emails:
            return set()
        self.env["mail.blacklist"].flush_model(["email", "active"])
        self.env.cr.execute(
            "SELECT email FROM mail_blacklist WHERE active AND email = ANY(%s)", [emails]
        )
        blacklist = {email for (email,) in self.env.cr.fetchall()}
        return {target.id for target in targets if target.email_normalized in blacklist}

    def _alumni_people_of(self, mail_values_dict):
        """{res_id: person (res.partner id) the mail is for, or False}: the
        record itself when the mailing is on contacts, else the contact with
        the recipient's address (one query)."""
        if self.model == "res.partner":
            return {res_id: res_id for res_id in mail_values_dict}
        recipients = self._get_recipients_data(mail_values_dict)
        first_email = {
            res_id: next(iter(info["mail_to_normalized"]), False)
            for res_id, info in recipients.items()
        }
        people = self.env["mailing.trace"]._alumni_people_by_email(
            [email for email in first_email.values() if email]
        )
        return {
            res_id: people.get(email_normalize(email or ""))
            for res_id, email in first_email.items()
        }
