# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import random

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.usn_alumni_base.models.alumni_demo import BATCH, _at

# Of the members: listed in the directory (the directory consent given), and
# of the listed, a page everyone may see.
LISTED = 0.7
PUBLIC_PAGE = 0.4
GROUPS = [
    ("Alumni i Oslo", "chapter", "Oslo", False),
    ("Alumni i Vestfold", "chapter", "Tønsberg", False),
    ("Alumni i Telemark", "chapter", "Skien", False),
    ("Alumni i Buskerud", "chapter", "Drammen", False),
    ("Sykepleiere fra USN", "professional", False, "Health/Social"),
    ("Lærernettverket", "professional", False, "Education"),
    ("Teknologi og IT", "professional", False, "IT/Communication"),
]
OFFER_SHARE = 0.04
CONTACT_SHARE = 0.05


class AlumniDemo(models.AbstractModel):
    """The network addon's part of the demo university: members (a third of
    the alumni, a tenth of the students, from the plan), their profiles
    with varied visibility and the directory consent, regional and
    professional groups, offers by members and contact requests between
    members. The two demo alumni are members; the alumna has a rich page
    that everyone may see."""

    _inherit = "alumni.demo"

    @api.model
    def _alumni_demo_steps(self):
        return super()._alumni_demo_steps() + 4

    @api.model
    def _alumni_demo_generate(self, run):
        result = super()._alumni_demo_generate(run)
        members = self._alumni_demo_members(run)
        run.progress.step("network members and profiles", len(members))
        joined = self._alumni_demo_groups(run, members)
        run.progress.step("group memberships", joined)
        run.progress.step("offers by members", self._alumni_demo_member_offers(run, members))
        run.progress.step("contact requests", self._alumni_demo_contacts(run, members))

        return result

    @api.model
    def _alumni_demo_members(self, run):
        """The members of the plan, admitted as the network does (state and
        timeline; no portal user each: only the demo logins have one)."""
        people = [p for p in run.population.people if p.member and p.index in run.partner_of]
        demo = [run.users[k].partner_id for k in ("alumna", "alumnus") if k in run.users]
        Partner = self.env["res.partner"]
        partners = Partner.browse([run.partner_of[p.index] for p in people]) | Partner.union(*demo)
        partners = partners.filtered(lambda p: p.network_state != "member")
        partners._alumni_network_set_state(
            "member", "network_join", self.env._("Joined the network")
        )
        # Join dates spread over the last five years.
        today = run.today
        rows = []
        for partner in partners:
            rng = random.Random(f"{run.population.seed}:join:{partner.id}")
            rows.append((partner.id, _at(today - datetime.timedelta(days=rng.randint(5, 1800)))))
        if rows:
            self.env.flush_all()
            ids, dates = zip(*rows, strict=True)
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE alumni_lifecycle_event e SET date = r.date
                      FROM unnest(%s::int[], %s::timestamp[]) AS r(partner_id, date)
                     WHERE e.partner_id = r.partner_id AND e.kind = 'network_join'
                    """,
                    list(ids),
                    list(dates),
                )
            )
            self.env["alumni.lifecycle.event"].invalidate_model(["date"])
        # Profiles: who lists themselves, who shows what.
        listed, public = [], []
        by_visibility = {}
        for partner in partners:
            rng = random.Random(f"{run.population.seed}:profile:{partner.id}")
            if rng.random() < LISTED:
                listed.append(partner.id)
                if rng.random() < PUBLIC_PAGE:
                    public.append(partner.id)
            key = (
                rng.choice(["nobody", "nobody", "members"]),
                rng.choice(["nobody", "nobody", "nobody", "members"]),
                rng.choice(["members", "public", "nobody"]),
                rng.choice(["members", "public"]),
                rng.choice(["members", "public", "nobody"]),
            )
            by_visibility.setdefault(key, []).append(partner.id)
        for (email, phone, employer, city, career), ids in by_visibility.items():
            Partner.browse(ids).write(
                {
                    "visibility_email": email,
                    "visibility_phone": phone,
                    "visibility_employer": employer,
                    "visibility_city": city,
                    "visibility_career": career,
                }
            )
        Partner.browse(public).write({"visibility_profile": "public"})
        rich = run.users.get("alumna")
        if rich:
            rich.partner_id.write(
                {
                    "visibility_profile": "public",
                    "visibility_employer": "public",
                    "visibility_city": "public",
                    "visibility_career": "public",
                    "visibility_email": "members",
                    "visibility_phone": "nobody",
                    "city": "Porsgrunn",
                    "alumni_bio": self.env._(
                        "Nurse and clinical supervisor. I like to help new graduates find "
                        "their feet in their first job, and I run the Vestfold chapter's "
                        "spring meeting."
                    ),
                    "linkedin_url": "https://www.linkedin.com/in/demo-alumna",
                    "last_verified_date": today - datetime.timedelta(days=20),
                }
            )
            listed.append(rich.partner_id.id)
        demo_ids = {u.partner_id.id for k, u in run.users.items() if k in ("alumna", "alumnus")}
        listed = sorted(set(listed) | demo_ids)
        purpose = self.env["alumni.consent.purpose"].search([("code", "=", "directory")], limit=1)
        if purpose:
            Consent = self.env["alumni.consent"]
            vals_list = [
                {
                    "partner_id": pid,
                    "purpose_id": purpose.id,
                    "state": "given",
                    "date": _at(today - datetime.timedelta(days=3)),
                    "source": "portal",
                    "wording_version": purpose.wording_version or "1",
                }
                for pid in listed
            ]
            for start in range(0, len(vals_list), BATCH):
                Consent.create(vals_list[start : start + BATCH])
        return partners

    @api.model
    def _alumni_demo_groups(self, run, members):
        Group = self.env["alumni.network.group"]
        if run.first:
            industries = {i.name: i.id for i in self.env["res.partner.industry"].search([])}
            Group.create(
                [
                    {
                        "name": name,
                        "kind": kind,
                        "city": city,
                        "industry_id": industries.get(industry, False) if industry else False,
                        "is_published": True,
                    }
                    for name, kind, city, industry in GROUPS
                ]
            )
        groups = Group.search([("name", "in", [g[0] for g in GROUPS])])
        if not groups:
            return 0
        vals_list = []
        for partner in members:
            rng = random.Random(f"{run.population.seed}:groups:{partner.id}")
            for group in rng.sample(list(groups), rng.choice([0, 0, 1, 1, 2])):
                vals_list.append({"group_id": group.id, "partner_id": partner.id})
        Membership = self.env["alumni.network.group.membership"]
        for start in range(0, len(vals_list), BATCH):
            Membership.create(vals_list[start : start + BATCH])
        return len(vals_list)

    @api.model
    def _alumni_demo_member_offers(self, run, members):
        rng = random.Random(f"{run.population.seed}:offers:{run.population.start}")
        chosen = [m for m in members if rng.random() < OFFER_SHARE]
        rich = run.users.get("alumna")
        if rich and rich.partner_id in members:
            chosen.insert(0, rich.partner_id)
        kinds = ["mentoring", "mentoring", "guest_lecture", "internship", "job"]
        titles = {
            "mentoring": self.env._("Mentoring for new graduates"),
            "guest_lecture": self.env._("Guest lecture about working life"),
            "internship": self.env._("Summer internship"),
            "job": self.env._("Position open in my team"),
        }
        values = []
        for number, partner in enumerate(chosen):
            kind = kinds[number % len(kinds)]
            values.append(
                {
                    "name": titles[kind],
                    "partner_id": partner.id,
                    "kind": kind,
                    "description": self.env._("Get in touch through the network."),
                    "city": partner.city or False,
                    "is_remote": number % 3 == 0,
                    "date_deadline": run.today + datetime.timedelta(days=30 + number % 60),
                }
            )
        offers = self.env["alumni.network.offer"].create(values)
        offers.filtered(lambda o: o.id % 5).action_publish()
        return len(offers)

    @api.model
    def _alumni_demo_contacts(self, run, members):
        rng = random.Random(f"{run.population.seed}:contacts:{run.population.start}")
        members = list(members)
        if len(members) < 2:
            return 0
        now = _at(run.today, 12)
        vals_list = []
        for _number in range(max(int(len(members) * CONTACT_SHARE), 1)):
            sender, recipient = rng.sample(members, 2)
            state = rng.choice(["pending", "accepted", "accepted", "declined"])
            asked = now - datetime.timedelta(days=rng.randint(2, 300))
            vals_list.append(
                {
                    "sender_id": sender.id,
                    "recipient_id": recipient.id,
                    "message": self.env._(
                        "Hello! We studied the same programme; may I ask you about your work?"
                    ),
                    "state": state,
                    "request_date": asked,
                    "answer_date": asked + datetime.timedelta(days=1)
                    if state != "pending"
                    else False,
                }
            )
        rich = run.users.get("alumna")
        other = run.users.get("alumnus")
        if rich and other:
            vals_list.append(
                {
                    "sender_id": other.partner_id.id,
                    "recipient_id": rich.partner_id.id,
                    "message": self.env._("Hi! Could you tell me about mentoring in nursing?"),
                    "state": "pending",
                    "request_date": now - datetime.timedelta(days=1),
                }
            )
        pairs, unique = set(), []
        for vals in vals_list:
            pair = frozenset((vals["sender_id"], vals["recipient_id"]))
            if pair not in pairs:
                pairs.add(pair)
                unique.append(vals)
        self.env["alumni.contact.request"].create(unique)
        return len(unique)
