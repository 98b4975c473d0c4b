# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import random

from odoo import Command, api, fields, models

from odoo.addons.usn_alumni_base.models.alumni_demo import BATCH, _at

# (name, faculty code, ECTS, price, alumni price, subjects, target programmes,
#  industries, title keywords, delivery)
OFFERS = [
    ("Veiledning i praksis for sykepleiere", "HS", 15, 12000, 6000, ("Helse",),
     ("BSYKE", "MAVSYK"), ("Health/Social",), "sykepleier", "hybrid"),
    ("Ledelse i helse- og omsorgstjenesten", "HS", 30, 24000, 16000, ("Helse", "Ledelse"),
     ("BSYKE", "BVERN", "BSOS", "MHELSE"), ("Health/Social",), "leder", "online"),
    ("Lesing og skriving i grunnskolen", "HIU", 30, 0, 0, ("Pedagogikk", "Språk"),
     ("GLU1-7", "GLU5-10"), ("Education",), "lærer", "campus"),
    ("Friluftsliv og naturveiledning", "HIU", 15, 9000, 7000, ("Friluftsliv", "Idrett"),
     ("BIDR", "BFOLK"), ("Education", "Entertainment"), "", "campus"),
    ("Maskinlæring for ingeniører", "TNM", 10, 18000, 12000, ("IT", "Data og analyse"),
     ("BIDATA", "BMASK", "BELKRAFT", "MSE"), ("IT/Communication", "Manufacturing"),
     "ingeniør, utvikler, analytiker", "online"),
    ("Maritim sikkerhet og beredskap", "TNM", 7.5, 8000, 6000, ("Maritime fag",),
     ("BNAUT",), ("Transportation/Logistics",), "styrmann", "campus"),
    ("Bærekraftig økonomistyring", "HH", 15, 16000, 11000, ("Økonomi", "Bærekraft"),
     ("BOKADM", "BREV", "MBA"), ("Finance/Insurance", "Public Administration"),
     "økonom, controller, revisor", "hybrid"),
    ("Digital markedsføring", "HH", 7.5, 7000, 5000, ("Markedsføring", "IT"),
     ("BMARK", "BREISE", "MINNO"), ("Wholesale/Retail", "Food/Hospitality"), "markedssjef",
     "online"),
]  # fmt: skip
# Of the alumni, this share applied for a course; of the applicants this
# share is enrolled. Half of them are network members (see DemoPopulation).
EVU_APPLIED = 0.04
EVU_ENROLLED = 0.7
# Of the mails of the sent campaign: opened, and clicked (of all sent).
OPENED = 0.35
CLICKED = 0.08


class AlumniDemo(models.AbstractModel):
    """The EVU addon's part of the demo university: eight continuing-
    education courses (two per faculty), the
    matches of everyone, a campaign already sent with opens, clicks and the
    skips by consent and monthly limit, and applications and enrolments of
    which about half are network members."""

    _inherit = "alumni.demo"

    @api.model
    def _alumni_demo_steps(self):
        return super()._alumni_demo_steps() + 4

    @api.model
    def _alumni_demo_generate(self, run):
        result = super()._alumni_demo_generate(run)
        offers = self._alumni_demo_offers(run)
        run.progress.step("continuing-education offers", len(offers))
        self.env["alumni.evu.match"]._recompute()
        run.progress.step("matches", self.env["alumni.evu.match"].search_count([]))
        sent = self._alumni_demo_campaign(run, offers)
        run.progress.step("campaign mails sent", sent)
        enrolled = self._alumni_demo_evu_enrollments(run, offers)
        run.progress.step("continuing-education applications", enrolled)
        return result

    @api.model
    def _alumni_demo_offers(self, run):
        Offer = self.env["alumni.evu.offer"]
        if not run.first:
            return Offer.search([("state", "=", "open")])
        programmes = self._alumni_demo_programmes()
        faculties = {
            f.code: f.id for f in self.env["alumni.faculty"].search([("code", "!=", False)])
        }
        interests = {i.name: i.id for i in self.env["alumni.interest"].search([])}
        industries = {i.name: i.id for i in self.env["res.partner.industry"].search([])}
        campus = self.env["alumni.campus"].search([], limit=1)
        today = run.today
        courses = self.env["alumni.programme"].create(
            [
                {
                    "code": f"EVU{number + 1:02d}",
                    "name": offer[0],
                    "level": "evu",
                    "ects": offer[2],
                    "faculty_id": faculties[offer[1]],
                }
                for number, offer in enumerate(OFFERS)
            ]
        )
        values = []
        for number, (name, faculty, ects, price, alumni_price, subjects, targets, trades,
                     keywords, delivery) in enumerate(OFFERS):  # fmt: skip
            start = today + datetime.timedelta(days=45 + 20 * number)
            values.append(
                {
                    "name": name,
                    "summary": self.env._(
                        "A course for working professionals: %(ects)s ECTS.", ects=ects
                    ),
                    "course_id": courses[number].id,
                    "faculty_id": faculties[faculty],
                    "campus_id": campus.id,
                    "ects": ects,
                    "delivery_mode": delivery,
                    "date_start": start,
                    "date_end": start + datetime.timedelta(days=120),
                    "application_deadline": start - datetime.timedelta(days=14),
                    "price": price,
                    "alumni_price": alumni_price,
                    "member_free_seats": 3 if number % 2 else 0,
                    "interest_ids": [
                        Command.set([interests[s] for s in subjects if s in interests])
                    ],
                    "programme_ids": [
                        Command.set([programmes[c].id for c in targets if c in programmes])
                    ],
                    "industry_ids": [
                        Command.set([industries[t] for t in trades if t in industries])
                    ],
                    "title_keywords": keywords or False,
                    "cohort_from": today.year - 10,
                    "cohort_to": today.year,
                    "state": "open",
                    "website_published": True,
                }
            )
        return Offer.create(values)

    @api.model
    def _alumni_demo_campaign(self, run, offers):
        """The first offer's campaign, sent: the recipients' traces marked
        sent (no SMTP: the queued mails are dropped), some opened and
        clicked, the skipped ones kept as Odoo's statistics show them."""
        if not run.first or not offers:
            return 0
        env = self.env
        params = env["ir.config_parameter"].sudo()
        limit = params.get_param("mail.mail.force.send.limit")
        params.set_param("mail.mail.force.send.limit", "0")
        offer = offers.sorted("id")[1]
        mailing = env["mailing.mailing"].create(
            env["mailing.mailing"]._alumni_evu_mailing_values(offer)
        )
        mailing.action_send_mail()
        if limit is None:
            params.search([("key", "=", "mail.mail.force.send.limit")]).unlink()
        else:
            params.set_param("mail.mail.force.send.limit", limit)
        env.flush_all()
        Trace = env["mailing.trace"]
        queued = Trace.search(
            [("mass_mailing_id", "=", mailing.id), ("trace_status", "=", "outgoing")]
        )
        env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)]).unlink()
        sent_at = _at(run.today - datetime.timedelta(days=6), 8)
        queued.write({"trace_status": "sent", "sent_datetime": sent_at, "failure_type": False,
                      "mail_mail_id": False})  # fmt: skip
        rng = random.Random(f"{run.population.seed}:campaign")
        opened = queued.filtered(lambda t: rng.random() < OPENED) or queued[:1]
        opened.write(
            {"trace_status": "open", "open_datetime": sent_at + datetime.timedelta(hours=3)}
        )
        # At least one click, however small the university.
        clicked = opened.filtered(lambda t: rng.random() < CLICKED / OPENED) or opened[:1]
        clicked.write({"links_click_datetime": sent_at + datetime.timedelta(hours=4)})
        # The clicks as Odoo's link tracker records them (the mailing's click rate).
        base_url = env["ir.config_parameter"].sudo().get_param("web.base.url")
        link = env["link.tracker"].search([("mass_mailing_id", "=", mailing.id)], limit=1)
        if not link:
            link = env["link.tracker"].create(
                {
                    "url": f"{base_url}{offer.website_url}",
                    "title": offer.name,
                    "mass_mailing_id": mailing.id,
                    "campaign_id": mailing.campaign_id.id,
                }
            )
        env["link.tracker.click"].create(
            [
                {
                    "link_id": link.id,
                    "mailing_trace_id": trace.id,
                    "mass_mailing_id": mailing.id,
                    "campaign_id": mailing.campaign_id.id,
                    "ip": "192.0.2.1",
                }
                for trace in clicked
            ]
        )
        env["alumni.lifecycle.event"]._append(
            [
                {
                    "partner_id": trace.res_id,
                    "kind": "mailing_click",
                    "date": sent_at + datetime.timedelta(hours=4),
                    "name": mailing.subject,
                    "res_model": "mailing.mailing",
                    "res_id": mailing.id,
                }
                for trace in clicked
            ]
        )
        mailing.write({"state": "done", "sent_date": sent_at})
        run.demo_clicked = clicked.mapped("res_id")
        run.demo_mailing = mailing
        return len(queued)

    @api.model
    def _alumni_demo_evu_enrollments(self, run, offers):
        """Applications of alumni (EVU_APPLIED of them; who clicked in the
        campaign first, for its offer), EVU_ENROLLED enrolled; half of
        them network members."""
        if not offers:
            return 0
        alumni = [
            p for p in run.population.people if p.stage == "alumnus" and p.index in run.partner_of
        ]
        wanted = int(len(alumni) * EVU_APPLIED) or (1 if alumni else 0)
        members = [p for p in alumni if p.member]
        others = [p for p in alumni if not p.member]
        chosen = members[: wanted // 2] + others[: wanted - min(len(members), wanted // 2)]
        clicked = set(getattr(run, "demo_clicked", []))
        mailing = getattr(run, "demo_mailing", None)
        offers = offers.sorted("id")
        vals_list = []
        for person in chosen:
            rng = random.Random(f"{run.population.seed}:evu:{person.index}")
            partner_id = run.partner_of[person.index]
            from_campaign = mailing and partner_id in clicked
            offer = offers[1] if from_campaign else offers[rng.randrange(len(offers))]
            vals = {
                "partner_id": partner_id,
                "offer_id": offer.id,
                "state": "enrolled" if rng.random() < EVU_ENROLLED else "applied",
                "date_applied": fields.Datetime.now() - datetime.timedelta(days=rng.randint(1, 5)),
            }
            if from_campaign:
                vals["mailing_id"] = mailing.id
            vals_list.append(vals)
        Enrollment = self.env["alumni.evu.enrollment"]
        for start in range(0, len(vals_list), BATCH):
            Enrollment.create(vals_list[start : start + BATCH])
        return len(vals_list)
