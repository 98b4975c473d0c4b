# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import random

from odoo import Command, api, models
from odoo.tools import SQL

from odoo.addons.usn_alumni_base.models.alumni_demo import BATCH, _at
from odoo.addons.usn_alumni_base.tools.demo_population import CAMPUSES, PROGRAMMES

# Of the people who asked for information before an Open Day, this share
# registered for it, and of those this share came.
OPEN_DAY_REGISTERED = 0.45
OPEN_DAY_ATTENDED = 0.75
# Trial lectures: of the people who asked for information before one of
# their faculty, this share of those who went on to apply registered for it
# (the year before they applied), and this share of the others (most
# prospects never apply); of those registered, this share came.
TRIAL_LECTURE_REGISTERED_APPLIED = 0.35
TRIAL_LECTURE_REGISTERED_OTHERS = 0.06
TRIAL_LECTURE_ATTENDED = 0.85
# The coming Open Day: its seats and how many more want one (waiting list).
COMING_SEATS = 40
COMING_WAITING = 12
YEAR = datetime.timedelta(days=365)
FACULTY_OF = {code: faculty for code, _name, faculty, *_rest in PROGRAMMES}


class AlumniDemo(models.AbstractModel):
    """The events addon's part of the demo university: information requests,
    Open Days of the last three years (two a year, with a session per
    faculty) and trial lectures of each faculty, registrations and
    check-ins of the people who asked for information before them, a coming
    Open Day with its waiting list, and a reunion of a class."""

    _inherit = "alumni.demo"

    @api.model
    def _alumni_demo_steps(self):
        return super()._alumni_demo_steps() + 2

    @api.model
    def _alumni_demo_generate(self, run):
        result = super()._alumni_demo_generate(run)
        self._alumni_demo_events(run)

        return result

    @api.model
    def _alumni_demo_information_requests(self, run, people):
        """The requests themselves (alumni.information.request), which
        write their touchpoints; they send no information e-mail (the
        generator's context, see alumni_information_request_demo.py)."""
        programmes = self._alumni_demo_programmes()
        unpublished = [p.id for p in programmes.values() if not p.website_published]
        self.env["alumni.programme"].browse(unpublished).write({"website_published": True})
        Request = self.env["alumni.information.request"]
        for start in range(0, len(people), BATCH):
            chunk = people[start : start + BATCH]
            Request.create(
                [
                    {
                        "partner_id": run.partner_of[p.index],
                        "name": p.name,
                        "email": p.email or f"{p.student_number or p.index}@demo.usn.example",
                        "phone": False,
                        "programme_ids": [Command.set(programmes[p.programme_code].ids)],
                        "date": _at(p.request_date, 11),
                    }
                    for p in chunk
                ]
            )

    @api.model
    def _alumni_demo_events(self, run):
        env = self.env
        Event = env["event.event"]
        today = run.today
        programmes = self._alumni_demo_programmes()
        by_faculty = {}
        for code, _name, faculty, *_rest in PROGRAMMES:
            by_faculty.setdefault(faculty, programmes[code])
        if run.first:
            dates = []
            for year in range(today.year - 3, today.year + 1):
                dates += [datetime.date(year, 2, 10), datetime.date(year, 10, 20)]
            dates = [d for d in dates if d < today]
            values = []
            for number, day in enumerate(dates):
                values.append(
                    self._alumni_demo_open_day(
                        day,
                        CAMPUSES[(number * 3) % len(CAMPUSES)],
                        by_faculty,
                        programmes,
                        past=True,
                    )
                )
            for year in range(today.year - 3, today.year + 1):
                for number, (_faculty, programme) in enumerate(sorted(by_faculty.items())):
                    for month in (3, 11):
                        day = datetime.date(year, month, 6 + 7 * number)
                        if day < today:
                            values.append(self._alumni_demo_trial_lecture(day, programme))
            coming = today + datetime.timedelta(days=30)
            values.append(
                self._alumni_demo_open_day(coming, "Bø", by_faculty, programmes, past=False)
            )
            values.append(
                {
                    "name": env._("Reunion of the class of %(year)s", year=today.year - 5),
                    "alumni_event_kind": "reunion",
                    "date_begin": _at(today + datetime.timedelta(days=7), 16),
                    "date_end": _at(today + datetime.timedelta(days=7), 22),
                    "alumni_cohort_from": today.year - 5,
                    "alumni_cohort_to": today.year - 5,
                    "event_mail_ids": [Command.clear()],
                    "date_tz": "Europe/Oslo",
                    "_past": None,
                }
            )
            pasts = [v.pop("_past") for v in values]
            events = Event.create(values)
            events.write({"website_published": True})
            run.demo_events = list(zip(events, pasts, strict=True))
        else:
            run.demo_events = []
        registered = self._alumni_demo_registrations(run)
        run.progress.step("events and sessions", len(run.demo_events))
        run.progress.step("registrations and check-ins", registered)

    @api.model
    def _alumni_demo_open_day(self, day, campus, by_faculty, programmes, past):
        start = _at(day, 9)
        sessions = [
            Command.create(
                {
                    "name": self.env._(
                        "%(programme)s: meet the students", programme=programme.name
                    ),
                    "programme_id": programme.id,
                    "date_begin": start + datetime.timedelta(hours=1 + index),
                    "date_end": start + datetime.timedelta(hours=2 + index),
                    "location": self.env._("Auditorium %(number)s", number=index + 1),
                }
            )
            for index, programme in enumerate(by_faculty.values())
        ]
        values = {
            "name": self.env._(
                "Open Day %(campus)s %(date)s", campus=campus, date=day.strftime("%d.%m.%Y")
            ),
            "alumni_event_kind": "open_day",
            "alumni_programme_ids": [Command.set([p.id for p in by_faculty.values()])],
            "date_begin": start,
            "date_end": start + datetime.timedelta(hours=6),
            "date_tz": "Europe/Oslo",
            "event_mail_ids": [Command.clear()],
            "alumni_session_ids": sessions,
            "_past": day if past else None,
        }
        if past:
            # Registered for as a coming event, then held (see _alumni_demo_registrations).
            values["date_begin"] = _at(datetime.date.today() + datetime.timedelta(days=60), 9)
            values["date_end"] = values["date_begin"] + datetime.timedelta(hours=6)
        else:
            values.update(seats_limited=True, seats_max=COMING_SEATS, alumni_waitlist=True)
        return values

    @api.model
    def _alumni_demo_trial_lecture(self, day, programme):
        """A past trial lecture of the programme (registered for as a coming
        event, then held: see _alumni_demo_registrations)."""
        start = _at(datetime.date.today() + datetime.timedelta(days=60), 14)
        return {
            "name": self.env._(
                "Trial lecture: %(programme)s %(date)s",
                programme=programme.name,
                date=day.strftime("%d.%m.%Y"),
            ),
            "alumni_event_kind": "trial_lecture",
            "alumni_programme_ids": [Command.set(programme.ids)],
            "date_begin": start,
            "date_end": start + datetime.timedelta(hours=2),
            "date_tz": "Europe/Oslo",
            "event_mail_ids": [Command.clear()],
            "_past": day,
        }

    @api.model
    def _alumni_demo_session(self, event, person):
        """The session of the Open Day for the person's faculty."""
        faculty = FACULTY_OF[person.programme_code]
        return event.alumni_session_ids.filtered(
            lambda s: s.programme_id.faculty_id.code == faculty
        )[:1]

    @api.model
    def _alumni_demo_registrations(self, run):
        """Registrations of the people who asked for information before an
        Open Day (OPEN_DAY_REGISTERED of them, OPEN_DAY_ATTENDED checked
        in) or a trial lecture of their faculty (more of those who went on
        to apply than of the others, see TRIAL_LECTURE_*), alumni of the
        class at the reunion, and a full coming Open Day with its waiting
        list. The past events are moved to their days once their
        registrations are in."""
        Registration = self.env["event.registration"]
        events = run.demo_events
        if not events:
            # A larger size: the events were held before these people came.
            return 0
        open_days = sorted(
            [
                (event, day)
                for event, day in events
                if event.alumni_event_kind == "open_day" and day
            ],
            key=lambda pair: pair[1],
        )
        trial_lectures = sorted(
            [
                (event, day)
                for event, day in events
                if event.alumni_event_kind == "trial_lecture" and day
            ],
            key=lambda pair: pair[1],
        )
        # {faculty code: [(trial lecture, day), ...]}, in the order of their days
        lectures_of = {}
        for event, day in trial_lectures:
            faculty = event.alumni_programme_ids.faculty_id.code
            lectures_of.setdefault(faculty, []).append((event, day))
        coming = next(
            event for event, day in events if event.alumni_event_kind == "open_day" and not day
        )
        reunion = next(event for event, _day in events if event.alumni_event_kind == "reunion")
        vals_list, attended = [], []
        for person in run.population.people:
            if not person.request_date or person.index not in run.partner_of:
                continue
            rng = random.Random(f"{run.population.seed}:event:{person.index}")
            # The first Open Day within a year after the request.
            nxt = next(
                (
                    (e, d)
                    for e, d in open_days
                    if person.request_date < d <= person.request_date + datetime.timedelta(days=365)
                ),
                None,
            )
            if nxt and rng.random() < OPEN_DAY_REGISTERED:
                event, day = nxt
                session = self._alumni_demo_session(event, person)
                vals_list.append(
                    {
                        "event_id": event.id,
                        "partner_id": run.partner_of[person.index],
                        "name": person.name,
                        "email": person.email or False,
                        "alumni_session_ids": [Command.set(session.ids)],
                    }
                )
                attended.append(rng.random() < OPEN_DAY_ATTENDED)
            # Who went on to apply: the last trial lecture of their faculty
            # before the application (within the year before it); the
            # others: the first within a year after their request.
            lectures = [
                e
                for e, d in lectures_of.get(FACULTY_OF[person.programme_code], ())
                if (
                    person.request_date < d < person.application[1]
                    and d >= person.application[1] - YEAR
                    if person.application
                    else person.request_date < d <= person.request_date + YEAR
                )
            ]
            lecture = (lectures[-1] if person.application else lectures[0]) if lectures else None
            share = (
                TRIAL_LECTURE_REGISTERED_APPLIED
                if person.application
                else TRIAL_LECTURE_REGISTERED_OTHERS
            )
            if lecture and rng.random() < share:
                vals_list.append(
                    {
                        "event_id": lecture.id,
                        "partner_id": run.partner_of[person.index],
                        "name": person.name,
                        "email": person.email or False,
                    }
                )
                attended.append(rng.random() < TRIAL_LECTURE_ATTENDED)
        people = [p for p in run.population.people if p.stage == "prospect" and p.email][
            : COMING_SEATS + COMING_WAITING
        ]
        for person in people:
            vals_list.append(
                {
                    "event_id": coming.id,
                    "partner_id": run.partner_of[person.index],
                    "name": person.name,
                    "email": person.email,
                    "alumni_session_ids": [
                        Command.set(self._alumni_demo_session(coming, person).ids)
                    ],
                }
            )
            attended.append(False)
        cohort = run.today.year - 5
        classmates = [
            p for p in run.population.people
            if p.stage == "alumnus" and p.email and p.enrollments[-1][2].year == cohort
        ][:60]  # fmt: skip
        for person in classmates:
            vals_list.append(
                {
                    "event_id": reunion.id,
                    "partner_id": run.partner_of[person.index],
                    "name": person.name,
                    "email": person.email,
                }
            )
            attended.append(False)
        registrations = Registration.browse()
        for start in range(0, len(vals_list), BATCH):
            registrations |= Registration.create(vals_list[start : start + BATCH])
        came = Registration.browse(
            [reg.id for reg, went in zip(registrations, attended, strict=True) if went]
        )
        came.action_alumni_check_in()
        # The Open Days were held on their days: the events, their sessions
        # and the touchpoints of their registrations move there.
        for event, day in trial_lectures:
            event.write({"date_begin": _at(day, 14), "date_end": _at(day, 16)})
        for event, day in open_days:
            event.alumni_session_ids.write({"date_begin": False, "date_end": False})
            event.write({"date_begin": _at(day, 9), "date_end": _at(day, 15)})
            for index, session in enumerate(event.alumni_session_ids):
                session.write(
                    {
                        "date_begin": _at(day, 10 + index),
                        "date_end": _at(day, 11 + index),
                    }
                )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE alumni_lifecycle_event e
                   SET date = CASE WHEN e.kind = 'event_attendance' THEN ev.date_begin
                                   ELSE ev.date_begin - interval '12 days' END
                  FROM event_registration r JOIN event_event ev ON ev.id = r.event_id
                 WHERE e.res_model = 'event.registration' AND e.res_id = r.id
                   AND r.id = ANY(%s) AND ev.date_begin < now()
                """,
                registrations.ids,
            )
        )
        self.env["alumni.lifecycle.event"].invalidate_model(["date"])
        self.env["event.registration"].invalidate_model()
        return len(registrations)
