# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo university's population, in plain Python (no Odoo).

``DemoPopulation(size, seed, today)`` decides, the same way every time for
the same size, seed and day, who the ``size`` people are: name, contact,
birth date, stage, studies, consents, subjects and jobs. It writes the people
who studied as the student system's exports (the Norwegian FS layout for
most, the Dutch Osiris layout for the exchange students from the
Netherlands), which the suite's own import engine reads; the models of
``alumni.demo`` create the rest from the same plan.

Person number ``i`` is the same person whatever the size: a larger size adds
people ``size_before .. size - 1`` and changes nobody already there.

Proportions (of all people, as an alumni office of a university college
sees them; the figures are the targets, the seeded draw is within a percent
or two of them):

* stages: prospects 25 % (an information request, an Open Day, never
  applied; with those who went on, 35 % of all people made a request: most
  prospects never apply), applicants 5 % (an open application), students
  15 % (an active enrolment), alumni 48 % (a completed enrolment), withdrawn
  7 %; besides, 3 % applied, were turned down or declined and stay
  prospects.
* studies: 4 faculties, 24 programmes, 8 campuses; 15 % of alumni took a
  master after their bachelor (two enrolments); enrolments start in the ten
  years before today, so the timeline goes back ten years.
* people: 92 % Norwegian, 8 % Dutch (exchange students, Dutch phone numbers
  in the Osiris export); 97 % of those who studied have an e-mail address
  in the export, the others only their student number.
* consents (marketing): most alumni have not given any. Of alumni and
  students, 28 % said yes to continuing-education offers by e-mail, 35 % to
  the newsletter, 45 % to event invitations; one yes in eight was withdrawn
  later (the history keeps both answers). Prospects said yes to event
  invitations in 60 % of the requests.
* subjects: 60 % of people have one to three subjects of interest.
* network: a third of the alumni and one student in ten are members of the
  alumni network; of the continuing-education students about half are
  members (the others are alumni who are not).
* work: 70 % of alumni have a current job, a quarter of them an earlier one
  as well.
"""

import csv
import datetime
import io
import random
import sys
import time
import unicodedata

FACULTIES = [
    ("HS", "Fakultet for helse- og sosialvitenskap"),
    ("HIU", "Fakultet for humaniora, idretts- og utdanningsvitenskap"),
    ("TNM", "Fakultet for teknologi, naturvitenskap og maritime fag"),
    ("HH", "Handelshøyskolen"),
]
CAMPUSES = [
    "Bø",
    "Drammen",
    "Kongsberg",
    "Notodden",
    "Porsgrunn",
    "Rauland",
    "Ringerike",
    "Vestfold",
]
# (code, name, faculty code, level, ECTS, campuses, subjects)
PROGRAMMES = [
    ("BSYKE", "Bachelor i sykepleie", "HS", "bachelor", 180, (0, 1, 4, 7), ("Helse",)),
    ("BVERN", "Bachelor i vernepleie", "HS", "bachelor", 180, (1, 7), ("Helse", "Pedagogikk")),
    ("BSOS", "Bachelor i sosialt arbeid", "HS", "bachelor", 180, (1, 4), ("Helse",)),
    ("BOPT", "Bachelor i optometri", "HS", "bachelor", 180, (2,), ("Helse",)),
    ("MAVSYK", "Master i avansert klinisk sykepleie", "HS", "master", 120, (1, 4), ("Helse",)),
    ("MHELSE", "Master i helsefremmende arbeid", "HS", "master", 120, (7,), ("Helse", "Ledelse")),
    ("GLU1-7", "Grunnskolelærerutdanning 1-7", "HIU", "master", 300, (3, 7), ("Pedagogikk",)),
    ("GLU5-10", "Grunnskolelærerutdanning 5-10", "HIU", "master", 300, (3, 7), ("Pedagogikk",)),
    ("BBARN", "Barnehagelærerutdanning", "HIU", "bachelor", 180, (1, 3, 7), ("Pedagogikk",)),
    ("BIDR", "Bachelor i idrett", "HIU", "bachelor", 180, (0,), ("Idrett", "Friluftsliv")),
    ("BFOLK", "Bachelor i folkekultur", "HIU", "bachelor", 180, (5,), ("Kultur", "Musikk")),
    ("MPED", "Master i pedagogikk", "HIU", "master", 120, (1, 3), ("Pedagogikk", "Ledelse")),
    ("BIDATA", "Bachelor i informatikk", "TNM", "bachelor", 180, (0, 7), ("IT", "Data og analyse")),
    ("BMASK", "Bachelor i maskiningeniør", "TNM", "bachelor", 180, (2, 4), ("Teknologi",)),
    (
        "BELKRAFT",
        "Bachelor i elektro og energi",
        "TNM",
        "bachelor",
        180,
        (2, 4),
        ("Teknologi", "Energi"),
    ),
    ("BNAUT", "Bachelor i nautikk", "TNM", "bachelor", 180, (7,), ("Maritime fag",)),
    ("MSE", "Master i systems engineering", "TNM", "master", 120, (2,), ("Teknologi", "Ledelse")),
    ("MMIKRO", "Master i mikro- og nanosystemer", "TNM", "master", 120, (7,), ("Teknologi",)),
    (
        "BOKADM",
        "Bachelor i økonomi og administrasjon",
        "HH",
        "bachelor",
        180,
        (0, 1, 6),
        ("Økonomi",),
    ),
    ("BREV", "Bachelor i regnskap og revisjon", "HH", "bachelor", 180, (0, 1), ("Økonomi",)),
    ("BMARK", "Bachelor i markedsføring", "HH", "bachelor", 180, (1, 6), ("Markedsføring",)),
    ("BREISE", "Bachelor i reiselivsledelse", "HH", "bachelor", 180, (0,), ("Reiseliv", "Ledelse")),
    ("MBA", "Master of Business Administration", "HH", "master", 90, (1,), ("Ledelse", "Økonomi")),
    (
        "MINNO",
        "Master i innovasjon og entreprenørskap",
        "HH",
        "master",
        120,
        (1, 6),
        ("Innovasjon",),
    ),
]
SUBJECTS = [
    "Helse", "Pedagogikk", "Ledelse", "Idrett", "Friluftsliv", "Kultur", "Musikk", "IT",
    "Data og analyse", "Teknologi", "Energi", "Maritime fag", "Økonomi", "Markedsføring",
    "Reiseliv", "Innovasjon", "Bærekraft", "Språk",
]  # fmt: skip
INDUSTRIES = [
    "Health/Social", "Education", "IT/Communication", "Manufacturing",
    "Finance/Insurance", "Public Administration", "Transportation/Logistics",
    "Scientific", "Energy supply", "Food/Hospitality",
]  # fmt: skip
JOB_TITLES = {
    "HS": [
        "Sykepleier",
        "Vernepleier",
        "Sosionom",
        "Optiker",
        "Avdelingsleder helse",
        "Spesialsykepleier",
    ],
    "HIU": ["Lærer", "Lektor", "Barnehagelærer", "Rektor", "Idrettskonsulent", "Kulturrådgiver"],
    "TNM": [
        "Ingeniør",
        "Systemutvikler",
        "Prosjektleder",
        "Styrmann",
        "Elektroingeniør",
        "Dataanalytiker",
    ],
    "HH": ["Økonom", "Revisor", "Markedssjef", "Controller", "Daglig leder", "Rådgiver"],
}
INDUSTRY_OF = {
    "HS": ["Health/Social"],
    "HIU": ["Education", "Public Administration"],
    "TNM": ["Manufacturing", "IT/Communication", "Scientific", "Energy supply",
            "Transportation/Logistics"],
    "HH": ["Finance/Insurance", "Public Administration", "Food/Hospitality"],
}  # fmt: skip
SCHOOLS = [
    "Porsgrunn videregående skole", "Skien videregående skole", "Kongsberg videregående skole",
    "Drammen videregående skole", "Notodden videregående skole", "Bø vidaregåande skule",
    "Sandefjord videregående skole", "Horten videregående skole", "Ringerike videregående skole",
    "Tønsberg katedralskole", "Larvik videregående skole", "Hønefoss videregående skole",
]  # fmt: skip
FS_HEADER = [
    "Studentnr", "Fornavn", "Etternavn", "Fødselsdato", "E-post", "Mobil",
    "Studieprogramkode", "Studieprogram", "Fakultet", "Campus", "Startdato", "Sluttdato",
    "Status", "Snittkarakter", "Videregående skole", "Avgangsår vgs",
]  # fmt: skip
OSIRIS_HEADER = [
    "Studentnummer", "Voornaam", "Achternaam", "Geboortedatum", "E-mailadres", "Telefoon",
    "Opleidingscode", "Opleiding", "Faculteit", "Locatie", "Startdatum", "Einddatum", "Status",
    "Gemiddeld cijfer", "Vooropleiding", "Diplomajaar vooropleiding",
]  # fmt: skip
FS_STATUS = {"active": "aktiv", "completed": "fullført", "withdrawn": "sluttet"}
OSIRIS_STATUS = {"active": "actief", "completed": "afgestudeerd", "withdrawn": "gestopt"}

# (stage, share of all people), in the order a person's number is drawn.
STAGES = [
    ("prospect", 0.25),
    ("applicant", 0.05),
    ("student", 0.15),
    ("alumnus", 0.48),
    ("withdrawn", 0.07),
]
REJECTED_SHARE = 0.03
DUTCH_SHARE = 0.08
NO_EMAIL_SHARE = 0.03
MASTER_AFTER_BACHELOR = 0.15
CONSENT_YES = {"evu_email": 0.28, "newsletter": 0.35, "event_invitation": 0.45}
CONSENT_WITHDRAWN = 1 / 8
PROSPECT_EVENT_CONSENT = 0.60
INTEREST_SHARE = 0.60
JOB_SHARE = 0.70
EARLIER_JOB_SHARE = 0.25
MEMBER_ALUMNI = 0.33
MEMBER_STUDENTS = 0.10
FIRST_STUDENT_NUMBER = 200000
# Norwegian mobile numbers (8 digits) begin with these.
MOBILE_PREFIXES = [
    "40",
    "41",
    "45",
    "46",
    "47",
    "48",
    "90",
    "91",
    "92",
    "93",
    "94",
    "95",
    "97",
    "98",
]


def _ascii(text):
    text = text.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in text.lower() if c.isalnum())


class DemoPerson:
    """One person of the plan."""

    __slots__ = (
        "application",
        "birth_date",
        "consents",
        "dutch",
        "email",
        "enrollments",
        "first_name",
        "index",
        "jobs",
        "last_name",
        "member",
        "phone",
        "programme_code",
        "rejected",
        "request_date",
        "stage",
        "student_number",
        "subjects",
    )  # fmt: skip

    def __init__(self, **values):
        for key in self.__slots__:
            setattr(self, key, values.get(key))

    @property
    def name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def studied(self):
        return bool(self.enrollments)


class DemoPopulation:
    """The people ``start .. size - 1`` of the demo university (see the
    module's docstring for who they are)."""

    def __init__(self, size, seed=2026, today=None, start=0):
        try:
            from faker import Faker  # noqa: PLC0415 (optional: the generator's only dependency)
        except ImportError as error:
            raise ImportError(
                "The demo university needs the Python package Faker in Odoo's interpreter: "
                "make requirements (or pip install -r requirements.txt)."
            ) from error

        self.size = size
        self.seed = seed
        self.start = start
        self.today = today or datetime.date.today()
        self._fakers = {"no_NO": Faker("no_NO"), "nl_NL": Faker("nl_NL")}
        self.people = [self._person(index) for index in range(start, size)]

    # ------------------------------------------------------------------
    # The plan
    # ------------------------------------------------------------------

    def _rng(self, index):
        # One generator per person: person i is the same whatever the size.
        return random.Random(f"{self.seed}:{index}")

    def _stage(self, rng):
        draw, total = rng.random(), 0.0
        for stage, share in STAGES:
            total += share
            if draw < total:
                return stage
        return STAGES[-1][0]

    def _date(self, rng, start, end):
        days = max((end - start).days, 0)
        return start + datetime.timedelta(days=rng.randint(0, days))

    def _ten_years_ago(self):
        return datetime.date(self.today.year - 10, 8, 1)

    def _studies(self, rng, stage, programme):
        """The enrolments: (programme, start, end, state)."""
        year = self.today.year
        first_year = self._ten_years_ago().year
        enrollments = []
        if stage == "student":
            start = datetime.date(
                rng.randint(year - 2, year if self.today.month >= 9 else year - 1), 8, 15
            )
            enrollments.append((programme, start, None, "active"))
        elif stage == "alumnus":
            duration = 5 if programme[4] == 300 else (2 if programme[3] == "master" else 3)
            latest_start = max(year - duration - 1, first_year)
            start = datetime.date(rng.randint(first_year, latest_start), 8, 15)
            end = datetime.date(start.year + duration, 6, 20)
            enrollments.append((programme, start, end, "completed"))
            masters = [
                p for p in PROGRAMMES if p[3] == "master" and p[4] < 300 and p[2] == programme[2]
            ]
            if (
                programme[3] == "bachelor"
                and end.year + 2 < year
                and rng.random() < MASTER_AFTER_BACHELOR
            ):
                master = rng.choice(masters)
                m_start = datetime.date(end.year, 8, 15)
                m_end = datetime.date(end.year + 2, 6, 20)
                enrollments.append((master, m_start, m_end, "completed"))
        elif stage == "withdrawn":
            start = datetime.date(rng.randint(first_year, year - 1), 8, 15)
            end = self._date(
                rng,
                start + datetime.timedelta(days=60),
                min(start + datetime.timedelta(days=500), self.today - datetime.timedelta(days=1)),
            )
            enrollments.append((programme, start, end, "withdrawn"))
        return enrollments

    def _application(self, rng, stage, programme, enrollments):
        """(application or None, turned down): (programme, submitted, state)."""
        rejected = stage == "prospect" and rng.random() < REJECTED_SHARE / STAGES[0][1]
        application = None
        if stage == "applicant":
            submitted = self._date(rng, self.today - datetime.timedelta(days=200), self.today)
            application = (programme, submitted, rng.choice(["submitted", "submitted", "offered"]))
        elif rejected:
            submitted = self._date(rng, self.today - datetime.timedelta(days=700), self.today)
            application = (programme, submitted, rng.choice(["rejected", "declined"]))
        elif stage == "student" and enrollments[0][1].year >= self.today.year - 1:
            start = enrollments[0][1]
            application = (programme, datetime.date(start.year, 4, 15), "enrolled")
        return application, rejected

    def _request_date(self, rng, stage, application, enrollments):
        """A request for information: every prospect and applicant, and one
        in six of those who studied (the funnel's first step)."""
        if not (stage in ("prospect", "applicant") or rng.random() < 1 / 6):
            return None
        first_step = (
            application[1] if application else enrollments[0][1] if enrollments else self.today
        )
        request_date = self._date(
            rng,
            first_step - datetime.timedelta(days=300),
            first_step - datetime.timedelta(days=10),
        )
        return max(request_date, self._ten_years_ago())

    def _consents(self, rng, studied, email, enrollments, request_date):
        """The answers: (purpose code, state, date), oldest first."""
        consents = []
        yesterday = self.today - datetime.timedelta(days=1)
        if studied and email:
            for code, share in CONSENT_YES.items():
                if rng.random() < share:
                    given = self._date(
                        rng, enrollments[0][1], yesterday - datetime.timedelta(days=1)
                    )
                    consents.append((code, "given", given))
                    if rng.random() < CONSENT_WITHDRAWN:
                        withdrawn = self._date(rng, given + datetime.timedelta(days=1), yesterday)
                        consents.append((code, "withdrawn", withdrawn))
        elif request_date and email and rng.random() < PROSPECT_EVENT_CONSENT:
            consents.append(("event_invitation", "given", request_date))
        return consents

    def _jobs(self, rng, fake, stage, enrollments):
        """The career: (employer, title, industry, start, end), oldest first."""
        year = self.today.year
        jobs = []
        if stage == "alumnus" and rng.random() < JOB_SHARE:
            faculty = enrollments[-1][0][2]
            graduated = enrollments[-1][2]
            employer = fake.company()
            jobs.append(
                (
                    employer,
                    rng.choice(JOB_TITLES[faculty]),
                    rng.choice(INDUSTRY_OF[faculty]),
                    graduated + datetime.timedelta(days=rng.randint(30, 200)),
                    None,
                )
            )
            if rng.random() < EARLIER_JOB_SHARE and jobs[0][3].year + 1 < year:
                jobs.insert(
                    0,
                    (
                        fake.company(),
                        rng.choice(JOB_TITLES[faculty]),
                        rng.choice(INDUSTRY_OF[faculty]),
                        graduated,
                        jobs[0][3] - datetime.timedelta(days=1),
                    ),
                )
                jobs[1] = (*jobs[1][:3], jobs[0][4] + datetime.timedelta(days=400), None)
                if jobs[1][3] >= self.today:
                    jobs[1] = (*jobs[1][:3], self.today - datetime.timedelta(days=30), None)
        return jobs

    def _person(self, index):
        rng = self._rng(index)
        stage = self._stage(rng)
        studied = stage in ("student", "alumnus", "withdrawn")
        dutch = studied and rng.random() < DUTCH_SHARE
        fake = self._fakers["nl_NL" if dutch else "no_NO"]
        fake.seed_instance(f"{self.seed}:{index}")
        first, last = fake.first_name(), fake.last_name()
        year = self.today.year
        age = rng.randint(19, 24) if stage in ("prospect", "applicant") else rng.randint(20, 45)
        birth_date = datetime.date(year - age, rng.randint(1, 12), rng.randint(1, 28))
        email = None
        if not (studied and rng.random() < NO_EMAIL_SHARE):
            email = f"{_ascii(first)}.{_ascii(last)}.{index}@demo.usn.example"
        if dutch:
            phone = f"06-{rng.randint(10000000, 99999999)}"
        else:
            phone = f"{rng.choice(MOBILE_PREFIXES)}{rng.randint(100000, 999999)}"
        programme = rng.choice(PROGRAMMES)
        enrollments = self._studies(rng, stage, programme)
        application, rejected = self._application(rng, stage, programme, enrollments)
        request_date = self._request_date(rng, stage, application, enrollments)
        consents = self._consents(rng, studied, email, enrollments, request_date)
        subjects = []
        if rng.random() < INTEREST_SHARE:
            subjects = sorted(set(list(programme[6]) + rng.sample(SUBJECTS, rng.randint(0, 2))))[:3]
        jobs = self._jobs(rng, fake, stage, enrollments)
        # Members of the alumni network: a third of alumni, one student in ten.
        member = bool(email) and rng.random() < {
            "alumnus": MEMBER_ALUMNI,
            "student": MEMBER_STUDENTS,
        }.get(stage, 0.0)
        return DemoPerson(
            index=index,
            member=member,
            student_number=str(FIRST_STUDENT_NUMBER + index) if studied or application else None,
            first_name=first,
            last_name=last,
            birth_date=birth_date,
            email=email,
            phone=phone,
            dutch=dutch,
            stage=stage,
            rejected=rejected,
            enrollments=enrollments,
            application=application,
            consents=consents,
            subjects=subjects,
            jobs=jobs,
            request_date=request_date,
            programme_code=programme[0],
        )

    # ------------------------------------------------------------------
    # What the plan holds
    # ------------------------------------------------------------------

    def of_stage(self, *stages):
        return [person for person in self.people if person.stage in stages]

    def counts(self):
        counts = {stage: 0 for stage, _share in STAGES}
        for person in self.people:
            counts[person.stage] += 1
        return counts

    # ------------------------------------------------------------------
    # The student system's exports
    # ------------------------------------------------------------------

    def export_rows(self, dutch):
        """The rows of one export: one enrolment a row, as the student
        system writes it."""
        status = OSIRIS_STATUS if dutch else FS_STATUS
        date_format = "%d-%m-%Y" if dutch else "%d.%m.%Y"
        faculty_name = dict(FACULTIES)
        for person in self.people:
            if person.dutch != dutch or not person.enrollments:
                continue
            rng = self._rng(f"export:{person.index}")
            school = rng.choice(SCHOOLS)
            school_year = person.enrollments[0][1].year - rng.randint(0, 3)
            for programme, start, end, state in person.enrollments:
                grade = ""
                if state == "completed":
                    grade = f"{rng.uniform(2.5, 5.0):.1f}"
                    grade = grade if dutch else grade.replace(".", ",")
                yield [
                    person.student_number, person.first_name, person.last_name,
                    person.birth_date.strftime(date_format), person.email or "", person.phone,
                    programme[0], programme[1], faculty_name[programme[2]],
                    CAMPUSES[rng.choice(programme[5])], start.strftime(date_format),
                    end.strftime(date_format) if end else "", status[state], grade, school,
                    str(school_year),
                ]  # fmt: skip

    def export_csv(self, dutch=False):
        """The export as the student system writes it: FS (UTF-8, ``;``) for
        the Norwegian students, Osiris (cp1252, ``;``) for the Dutch ones.
        Returns (file name, bytes), or None when it would have no rows."""
        rows = list(self.export_rows(dutch))
        if not rows:
            return None
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(OSIRIS_HEADER if dutch else FS_HEADER)
        writer.writerows(rows)
        if dutch:
            return "osiris_studenten_demo.csv", out.getvalue().encode("cp1252", "replace")
        return "fs_studenter_demo.csv", out.getvalue().encode("utf-8")


class DemoProgress:
    """Plain-text progress on a stream (stderr): one line per step, with its
    counts, a bar of the steps done and the time since the start."""

    WIDTH = 24

    def __init__(self, stream=None, steps=1):
        self._time = time.monotonic
        self.stream = stream if stream is not None else sys.stderr
        self.steps = max(steps, 1)
        self.done = 0
        self.started = self._time()

    def step(self, label, count=None):
        self.done = min(self.done + 1, self.steps)
        filled = round(self.WIDTH * self.done / self.steps)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        counts = f" {count:>8,}" if count is not None else " " * 9
        self.stream.write(
            f"[{bar}] {self.done:>2}/{self.steps}{counts}  {label}  "
            f"({self._time() - self.started:.0f} s)\n"
        )
        self.stream.flush()

    def note(self, text):
        self.stream.write(f"    {text}\n")
        self.stream.flush()
