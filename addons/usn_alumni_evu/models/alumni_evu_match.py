# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL, format_list

# The points of each reason (see AlumniEvuMatch).
POINTS_PER_SUBJECT = 15
POINTS_SUBJECTS_MAX = 30
POINTS_PROGRAMME_GRADUATED = 30
POINTS_PROGRAMME_STUDIED = 20
POINTS_FACULTY = 10
POINTS_LEVEL_UP = 5
POINTS_COHORT = 10
POINTS_INDUSTRY = 15
POINTS_TITLE = 15
POINTS_PAST_COURSE = 10
SCORE_MAX = 100

# The offer's fields its audience follows from: a change of one of them
# recomputes the offer's matches.
OFFER_AUDIENCE_FIELDS = frozenset(
    {
        "state",
        "active",
        "application_deadline",
        "date_start",
        "course_id",
        "faculty_id",
        "interest_ids",
        "programme_ids",
        "cohort_from",
        "cohort_to",
        "industry_ids",
        "title_keywords",
    }
)
# The PostgreSQL settings a recomputation runs with. Compiling its
# statement (JIT) costs more than it saves, every time. For many people
# (more than LARGE_RECOMPUTE), the planner cannot foresee how many people
# and offers each step yields (it guesses a few rows where there are
# millions) and would look them up one by one: hash joins, with the memory
# they need, are what fits. For a few people, it looks them up by index.
LARGE_RECOMPUTE = 1000
LARGE_SETTINGS = {
    "jit": "off",
    "work_mem": "64MB",
    "enable_nestloop": "off",
    "enable_mergejoin": "off",
}
SMALL_SETTINGS = {"jit": "off"}
# The precommit data of the people and offers whose matches are recomputed
# when the transaction commits.
QUEUE_KEY = "usn_alumni_evu.evu_match_queue"
# Where the nightly recomputation, one batch of people per transaction,
# resumes: the last person id done (0: from the start).
RESUME_PARAM = "usn_alumni_evu.match_recompute_after_id"
# The components of a match, as stored; the upsert compares them.
MATCH_COLUMNS = (
    "score",
    "score_interest",
    "score_study",
    "score_cohort",
    "score_career",
    "score_past",
    "reason_subject_refs",
    "reason_programme_ref",
    "reason_programme_state",
    "reason_programme_year",
    "reason_at_faculty",
    "reason_level_up",
    "reason_cohort_year",
    "reason_industry_ref",
    "reason_job_title",
    "reason_past_offer_ref",
)
# Who reads why a person matches: the reasons tell what the suite holds
# about the person (studies, subjects, job), which only the Alumni roles read.
REASON_GROUPS = "usn_alumni_base.group_alumni_user"


class AlumniEvuMatch(models.Model):
    """How well a continuing-education offer fits a person, and why.

    A match exists for a person and an open offer that still takes
    applications when the person has at least one of the *main* reasons
    below; the *bonus* reasons only add to such a match. Whether the person
    consented to e-mails plays no part: matching says what is relevant,
    consent, blacklist and the frequency cap decide who is mailed. The
    score is the sum of the points, at most 100:

    Main reasons

    - subjects: 15 points per subject the person follows among the offer's
      subjects, at most 30 (``score_interest``);
    - programme: 30 points for a degree from one of the offer's target
      programmes, 20 for studying one (active or withdrawn enrolment)
      (``score_study``);
    - work: 15 points when the person's current position is in one of the
      offer's industries, 15 more when its title contains one of the offer's
      job-title keywords (``score_career``);
    - past course: 10 points for an enrolment in another continuing-education
      offer of the same faculty or sharing a subject (``score_past``).

    Bonus reasons

    - faculty: 10 points for studies at the offer's faculty (or one of its
      departments) outside the target programmes (``score_study``);
    - level: 5 points when the person holds a bachelor's degree from the
      offer's faculty and the offer is aimed at master's level (one of its
      target programmes is a master's) (``score_study``);
    - cohort: 10 points when the person graduated from a target programme,
      or from the faculty, in one of the years the offer is aimed at
      (``score_cohort``).

    No match for a deceased or archived person, a company, someone who has
    applied for or is enrolled in the offer, or someone who studies or has
    completed the offer's course in the student system. ``rank`` orders
    each person's matches, best first (1), so that a mailing can show the
    best three of every recipient cheaply.

    The points are the POINTS_* constants of this module. Rows are written
    only by :meth:`_recompute`, set-wise in SQL.
    """

    _name = "alumni.evu.match"
    _description = "Continuing Education Match"
    _order = "score desc, rank, id"
    # Derived rows, rewritten set-wise: who wrote them and when says nothing.
    _log_access = False

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, readonly=True, ondelete="cascade"
    )
    offer_id = fields.Many2one(
        "alumni.evu.offer", required=True, readonly=True, index=True, ondelete="cascade"
    )
    score = fields.Integer(
        readonly=True,
        aggregator="avg",
        help="How well the offer fits the person: the sum of its points, at most 100.",
    )
    rank = fields.Integer(
        readonly=True,
        aggregator=None,
        help="The place of the offer among the person's matches: 1 is their best.",
    )
    score_interest = fields.Integer(string="Subjects", readonly=True, groups=REASON_GROUPS)
    score_study = fields.Integer(string="Studies", readonly=True, groups=REASON_GROUPS)
    score_cohort = fields.Integer(string="Cohort", readonly=True, groups=REASON_GROUPS)
    score_career = fields.Integer(string="Work", readonly=True, groups=REASON_GROUPS)
    score_past = fields.Integer(string="Past Courses", readonly=True, groups=REASON_GROUPS)
    # What the reasons name, so that they are told in the reader's language.
    # Plain integers rather than many2one fields: matches are written by the
    # hundred thousand, and a foreign key costs a check per row; the reasons
    # name the records that still exist.
    reason_subject_refs = fields.Char(
        readonly=True, groups=REASON_GROUPS, help="Ids of the subjects shared, comma-separated."
    )
    reason_programme_ref = fields.Integer(
        readonly=True, groups=REASON_GROUPS, help="Id of the target programme studied."
    )
    reason_programme_state = fields.Selection(
        [("completed", "Completed"), ("active", "Active"), ("withdrawn", "Withdrawn")],
        readonly=True,
        groups=REASON_GROUPS,
    )
    reason_programme_year = fields.Integer(readonly=True, groups=REASON_GROUPS, aggregator=None)
    reason_at_faculty = fields.Boolean(readonly=True, groups=REASON_GROUPS)
    reason_level_up = fields.Boolean(readonly=True, groups=REASON_GROUPS)
    reason_cohort_year = fields.Integer(readonly=True, groups=REASON_GROUPS, aggregator=None)
    reason_industry_ref = fields.Integer(
        readonly=True, groups=REASON_GROUPS, help="Id of the industry of the current job."
    )
    reason_job_title = fields.Char(readonly=True, groups=REASON_GROUPS)
    reason_past_offer_ref = fields.Integer(
        readonly=True, groups=REASON_GROUPS, help="Id of the past course taken."
    )
    reasons = fields.Text(
        compute="_compute_reasons",
        groups=REASON_GROUPS,
        help="Why the offer fits the person, one reason a line, in words the person understands.",
    )

    _sql_constraints = [
        (
            "partner_offer_uniq",
            "unique(partner_id, offer_id)",
            "A person has one match per offer.",
        ),
    ]

    @api.depends("partner_id", "offer_id")
    def _compute_display_name(self):
        for match in self:
            match.display_name = self.env._(
                "%(person)s: %(offer)s",
                person=match.partner_id.display_name or "",
                offer=match.offer_id.display_name or "",
            )

    @api.depends(*MATCH_COLUMNS)
    @api.depends_context("lang")
    def _compute_reasons(self):
        for match, lines in zip(self, self._reason_lines(), strict=True):
            match.reasons = "\n".join(lines)

    # ------------------------------------------------------------------
    # Reasons
    # ------------------------------------------------------------------

    def _reason_lines(self):
        """The reasons of each match of self, as a list of sentences, in the
        language of the environment (the reader's, or the recipient's when a
        mailing is rendered in it). The subjects, programmes, faculties,
        industries and offers named are read at once for all the matches."""
        data = [match.sudo()._reason_values() for match in self]
        # The names of the university's subjects, programmes and offers are
        # no secret; the person's own facts are the match's.
        names = {}
        for model, keys in (
            ("alumni.interest", ("interest_ids",)),
            ("alumni.programme", ("programme_id",)),
            ("alumni.faculty", ("faculty_id",)),
            ("res.partner.industry", ("industry_id",)),
            ("alumni.evu.offer", ("past_offer_id",)),
        ):
            ids = set()
            for values in data:
                for key in keys:
                    value = values.get(key)
                    ids.update(value if isinstance(value, list) else [value] if value else [])
            records = self.env[model].sudo().with_context(active_test=False).browse(ids).exists()
            names[model] = {record.id: record.name for record in records}
        return [self._reason_sentences(values, names) for values in data]

    def _reason_values(self):
        self.ensure_one()
        subjects = self.reason_subject_refs
        return {
            "interest_ids": [int(ref) for ref in subjects.split(",")] if subjects else [],
            "programme_id": self.reason_programme_ref,
            "programme_state": self.reason_programme_state,
            "programme_year": self.reason_programme_year,
            "faculty_id": self.reason_at_faculty and self.offer_id.faculty_id.id,
            "level_up": self.reason_level_up,
            "cohort_year": self.reason_cohort_year,
            "industry_id": self.reason_industry_ref,
            "title": self.reason_job_title,
            "past_offer_id": self.reason_past_offer_ref,
        }

    def _reason_sentences(self, values, names):
        lines = []
        programme = names["alumni.programme"].get(values.get("programme_id"))
        if programme:
            if values.get("programme_state") == "completed":
                lines.append(
                    self.env._(
                        "You studied %(programme)s (%(year)s)",
                        programme=programme,
                        year=values.get("programme_year") or "",
                    )
                )
            elif values.get("programme_state") == "active":
                lines.append(self.env._("You are studying %(programme)s", programme=programme))
            else:
                lines.append(self.env._("You studied %(programme)s", programme=programme))
        faculty = names["alumni.faculty"].get(values.get("faculty_id"))
        if faculty:
            lines.append(self.env._("You studied at the %(faculty)s", faculty=faculty))
        if values.get("level_up"):
            lines.append(self.env._("The course builds on your bachelor's degree"))
        if values.get("cohort_year"):
            lines.append(
                self.env._("It is meant for the class of %(year)s", year=values["cohort_year"])
            )
        subjects = [
            names["alumni.interest"][interest_id]
            for interest_id in values.get("interest_ids") or []
            if interest_id in names["alumni.interest"]
        ]
        if subjects:
            lines.append(
                self.env._("You follow %(subjects)s", subjects=format_list(self.env, subjects))
            )
        industry = names["res.partner.industry"].get(values.get("industry_id"))
        title = values.get("title")
        if title and industry:
            lines.append(
                self.env._("You work as %(title)s in %(industry)s", title=title, industry=industry)
            )
        elif title:
            lines.append(self.env._("You work as %(title)s", title=title))
        elif industry:
            lines.append(self.env._("You work in %(industry)s", industry=industry))
        past_course = names["alumni.evu.offer"].get(values.get("past_offer_id"))
        if past_course:
            lines.append(self.env._("You took %(course)s with us", course=past_course))
        return lines

    # ------------------------------------------------------------------
    # Recomputation
    # ------------------------------------------------------------------

    @api.model
    def _recompute(self, partners=None, offers=None):
        """Recompute the matches of ``partners`` with ``offers`` (people and
        offers as records; everyone, or every offer, when not given), set-wise
        in SQL: one statement computes the scores (and the ranks, unless only
        some offers are recomputed) into a temporary table, then the rows
        that changed are stored (INSERT ... ON CONFLICT), the ones that no
        longer fit deleted, and, for some offers, the ranks of the people
        concerned renumbered. The number of queries does not depend on the
        number of people.

        Runs as superuser: a person's matches follow from all they are, not
        from what the current user may read.
        """
        if (partners is not None and not partners) or (offers is not None and not offers):
            return
        Match = self.sudo()
        Match._flush_match_sources()
        cr = Match.env.cr
        partner_ids = list(partners.ids) if partners is not None else None
        offer_ids = list(offers.ids) if offers is not None else None
        # Each person's matches with every offer are all in the new rows when
        # not only some offers are recomputed: their ranks are numbered there.
        ranks_in_query = offer_ids is None
        is_large = partner_ids is None or len(partner_ids) > LARGE_RECOMPUTE
        settings = Match._set_statement_settings(LARGE_SETTINGS if is_large else SMALL_SETTINGS)
        cr.execute(
            SQL(
                "CREATE TEMPORARY TABLE alumni_evu_match_new ON COMMIT DROP AS %s",
                Match._match_query(partner_ids, offer_ids, ranks_in_query),
            )
        )
        Match._store_new_matches(with_rank=ranks_in_query)
        stale = SQL(
            """
            DELETE FROM alumni_evu_match m
             WHERE %(scope)s
               AND NOT EXISTS (
                       SELECT 1
                         FROM alumni_evu_match_new n
                        WHERE n.partner_id = m.partner_id AND n.offer_id = m.offer_id
                   )
            RETURNING m.partner_id
            """,
            scope=Match._scope_condition(SQL.identifier("m"), partner_ids, offer_ids),
        )
        if ranks_in_query:
            cr.execute(stale)
        else:
            # The people whose ranks change: those matched with the offers,
            # before or now.
            cr.execute(
                SQL(
                    """
                    CREATE TEMPORARY TABLE alumni_evu_match_ranked ON COMMIT DROP AS
                    WITH stale AS (%(stale)s)
                    SELECT partner_id FROM stale
                     UNION
                    SELECT partner_id FROM alumni_evu_match_new
                    """,
                    stale=stale,
                )
            )
            Match._update_ranks(
                SQL("m.partner_id IN (SELECT partner_id FROM alumni_evu_match_ranked)")
            )
            cr.execute(SQL("DROP TABLE alumni_evu_match_ranked"))
        cr.execute(SQL("DROP TABLE alumni_evu_match_new"))
        Match._set_statement_settings(settings)
        Match._invalidate_matches()

    @api.model
    def _remove_offer_matches(self, offers):
        """Delete the matches of ``offers`` (offers about to be deleted) and
        renumber the ranks of their people, in two queries."""
        if not offers:
            return
        Match = self.sudo()
        Match.flush_model()
        Match.env.cr.execute(
            SQL(
                """
                CREATE TEMPORARY TABLE alumni_evu_match_ranked ON COMMIT DROP AS
                WITH stale AS (
                    DELETE FROM alumni_evu_match WHERE offer_id = ANY(%s) RETURNING partner_id
                )
                SELECT DISTINCT partner_id FROM stale
                """,
                offers.ids,
            )
        )
        Match._update_ranks(SQL("m.partner_id IN (SELECT partner_id FROM alumni_evu_match_ranked)"))
        Match.env.cr.execute(SQL("DROP TABLE alumni_evu_match_ranked"))
        Match._invalidate_matches()

    @api.model
    def _queue_recompute(self, partners=None, offers=None):
        """Recompute the matches of ``partners`` (with every offer) and of
        ``offers`` (with everyone) when the transaction commits, once for all
        the changes it made: the people and offers are kept in the
        transaction's precommit data, not in the process, so that any worker
        may commit them."""
        partner_ids = set(partners.ids) if partners else set()
        offer_ids = set(offers.ids) if offers else set()
        if not partner_ids and not offer_ids:
            return
        precommit = self.env.cr.precommit
        queue = precommit.data.get(QUEUE_KEY)
        if queue is None:
            queue = precommit.data[QUEUE_KEY] = {"partners": set(), "offers": set()}
            precommit.add(self.sudo()._recompute_queued)
        queue["partners"] |= partner_ids
        queue["offers"] |= offer_ids

    @api.model
    def _recompute_queued(self):
        queue = self.env.cr.precommit.data.pop(QUEUE_KEY, None)
        if not queue:
            return
        # Records deleted since they were queued are simply not found.
        if queue["offers"]:
            self._recompute(offers=self.env["alumni.evu.offer"].browse(queue["offers"]))
        if queue["partners"]:
            self._recompute(partners=self.env["res.partner"].browse(queue["partners"]))

    @api.model
    def _cron_recompute(self, batch_size=25000):
        """Recompute everyone's matches, a batch of people per transaction
        (so that no transaction holds the matches of everyone for long): the
        scheduled action runs it again while people remain, and resumes
        where it stopped after a failure. Offers whose deadline passed lose
        their matches here."""
        Param = self.env["ir.config_parameter"].sudo()
        after = int(Param.get_param(RESUME_PARAM, "0") or 0)
        cr = self.env.cr
        cr.execute(
            SQL("SELECT id FROM res_partner WHERE id > %s ORDER BY id LIMIT %s", after, batch_size)
        )
        partner_ids = [row[0] for row in cr.fetchall()]
        self._recompute(partners=self.env["res.partner"].browse(partner_ids))
        remaining = 0
        if partner_ids:
            cr.execute(SQL("SELECT count(*) FROM res_partner WHERE id > %s", partner_ids[-1]))
            remaining = cr.fetchone()[0]
        Param.set_param(RESUME_PARAM, str(partner_ids[-1]) if remaining else "0")
        self.env["ir.cron"]._notify_progress(done=len(partner_ids), remaining=remaining)
        if remaining:
            cron = self.env.ref("usn_alumni_evu.ir_cron_alumni_evu_match", raise_if_not_found=False)
            if cron:
                cron._trigger()

    # ------------------------------------------------------------------
    # The queries
    # ------------------------------------------------------------------

    @api.model
    def _set_statement_settings(self, settings):
        """Set the PostgreSQL ``settings`` ({name: value}) for the rest of the
        transaction and return the values they replace, to be restored with
        the same method. One query."""
        self.env.cr.execute(
            SQL(
                "SELECT %s",
                SQL(", ").join(
                    SQL("current_setting(%s), set_config(%s, %s, TRUE)", name, name, value)
                    for name, value in settings.items()
                ),
            )
        )
        row = self.env.cr.fetchone()
        return dict(zip(settings, row[::2], strict=True))

    @api.model
    def _flush_match_sources(self):
        """Store the pending changes of everything the scores are read from."""
        for model in (
            "res.partner",
            "alumni.interest",
            "alumni.faculty",
            "alumni.programme",
            "alumni.enrollment",
            "alumni.career.position",
            "alumni.evu.offer",
            "alumni.evu.enrollment",
            "alumni.evu.match",
        ):
            self.env[model].flush_model()

    @api.model
    def _scope_condition(self, alias, partner_ids, offer_ids):
        conditions = [SQL("TRUE")]
        if partner_ids is not None:
            conditions.append(SQL("%s.partner_id = ANY(%s)", alias, partner_ids))
        if offer_ids is not None:
            conditions.append(SQL("%s.offer_id = ANY(%s)", alias, offer_ids))
        return SQL(" AND ").join(conditions)

    @api.model
    def _match_query(self, partner_ids, offer_ids, with_ranks):
        """The SELECT of the matches of the people (ids, or None for
        everyone) with the offers (ids, or None for every offer): one row per
        person and offer that fit, with the score, its components, what the
        reasons name and, ``with_ranks``, the rank among the person's rows.

        Each kind of reason is found by a join of its own, restricted to the
        people asked for, into one list of hits (a person, an offer and what
        they share) that is grouped once per person and offer."""
        Offer = self.env["alumni.evu.offer"]

        def people(alias):
            if partner_ids is None:
                return SQL("TRUE")
            return SQL("%s.partner_id = ANY(%s)", SQL.identifier(alias), partner_ids)

        def relation(field, alias, left, right):
            return SQL(
                "(SELECT %s AS %s, %s AS %s FROM %s) AS %s",
                SQL.identifier(field.column1),
                SQL.identifier(left),
                SQL.identifier(field.column2),
                SQL.identifier(right),
                SQL.identifier(field.relation),
                SQL.identifier(alias),
            )

        def in_cohort(offer):
            return SQL(
                """CASE WHEN %(o)s.has_cohorts AND e.state = 'completed'
                         AND e.graduation_year BETWEEN %(o)s.cohort_from AND %(o)s.cohort_to
                        THEN e.graduation_year END""",
                o=SQL.identifier(offer),
            )

        if with_ranks:
            # As _update_ranks() numbers them.
            rank = SQL(
                "row_number() OVER (PARTITION BY partner_id ORDER BY score DESC, date_start, "
                "offer_id)"
            )
        else:
            rank = SQL("NULL::int")
        return SQL(
            """
            WITH offers AS MATERIALIZED (
                -- The open offers that still take applications.
                SELECT o.id, o.faculty_id, o.course_id, o.date_start,
                       COALESCE(NULLIF(o.cohort_from, 0), 0) AS cohort_from,
                       COALESCE(NULLIF(o.cohort_to, 0), 9999) AS cohort_to,
                       (COALESCE(o.cohort_from, 0) > 0 OR COALESCE(o.cohort_to, 0) > 0)
                           AS has_cohorts,
                       EXISTS (
                           SELECT 1
                             FROM %(offer_programmes)s
                             JOIN alumni_programme pr ON pr.id = op.programme_id
                            WHERE op.offer_id = o.id AND pr.level = 'master'
                       ) AS is_master_level
                  FROM alumni_evu_offer o
                 WHERE o.state = 'open' AND o.active AND o.application_deadline >= %(today)s
                   AND %(offer_scope)s
            ),
            offer_units AS MATERIALIZED (
                -- Each offer's faculty and the departments under it.
                SELECT o.*, unit.id AS unit_id
                  FROM offers o
                  JOIN alumni_faculty faculty ON faculty.id = o.faculty_id
                  JOIN alumni_faculty unit ON starts_with(unit.parent_path, faculty.parent_path)
            ),
            offer_subjects AS MATERIALIZED (
                SELECT os.offer_id, os.interest_id
                  FROM %(offer_interests)s
                  JOIN offers o ON o.id = os.offer_id
                  JOIN alumni_interest subject ON subject.id = os.interest_id AND subject.active
            ),
            offer_targets AS MATERIALIZED (
                SELECT o.*, op.programme_id
                  FROM %(offer_programmes)s
                  JOIN offers o ON o.id = op.offer_id
            ),
            offer_sectors AS MATERIALIZED (
                SELECT oi.offer_id, oi.industry_id
                  FROM %(offer_industries)s
                  JOIN offers o ON o.id = oi.offer_id
            ),
            offer_keywords AS MATERIALIZED (
                SELECT o.id AS offer_id, lower(keyword) AS keyword
                  FROM alumni_evu_offer o
                  JOIN offers ON offers.id = o.id
                 CROSS JOIN LATERAL regexp_split_to_table(
                           btrim(COALESCE(o.title_keywords, '')), '\\s*[,;\\n]\\s*'
                       ) AS keyword
                 WHERE keyword <> ''
            ),
            subject_hits AS (
                SELECT pi.partner_id, os.offer_id,
                       array_agg(pi.interest_id ORDER BY pi.interest_id) AS interest_ids
                  FROM %(person_interests)s
                  JOIN offer_subjects os ON os.interest_id = pi.interest_id
                 WHERE %(people_pi)s
                 GROUP BY pi.partner_id, os.offer_id
            ),
            hits AS (
                -- kind 1: subjects; 2: a target programme, its best enrolment
                -- as (2 completed, 1 active, 0 withdrawn; year; programme);
                -- 3: studies at the faculty; 4: an industry; 5: a job title;
                -- 6: a past course.
                SELECT partner_id, offer_id, 1 AS kind, NULL::int AS ref,
                       interest_ids, NULL::int[] AS study, NULL::int AS cohort_year,
                       FALSE AS level_up, NULL::varchar AS title
                  FROM subject_hits
                 UNION ALL
                SELECT e.partner_id, ot.id, 2, NULL, NULL,
                       ARRAY[CASE e.state WHEN 'completed' THEN 2 WHEN 'active' THEN 1 ELSE 0 END,
                             COALESCE(e.graduation_year, 0), e.programme_id],
                       %(cohort_ot)s, FALSE, NULL
                  FROM alumni_enrollment e
                  JOIN offer_targets ot ON ot.programme_id = e.programme_id
                 WHERE %(people_e)s
                 UNION ALL
                SELECT e.partner_id, ou.id, 3, NULL, NULL, NULL, %(cohort_ou)s,
                       ou.is_master_level AND e.state = 'completed' AND pr.level = 'bachelor',
                       NULL
                  FROM alumni_enrollment e
                  JOIN offer_units ou ON ou.unit_id = e.faculty_id
                  JOIN alumni_programme pr ON pr.id = e.programme_id
                 WHERE %(people_e)s
                 UNION ALL
                SELECT c.partner_id, os.offer_id, 4, c.industry_id, NULL, NULL, NULL, FALSE, NULL
                  FROM alumni_career_position c
                  JOIN offer_sectors os ON os.industry_id = c.industry_id
                 WHERE c.is_current AND %(people_c)s
                 UNION ALL
                SELECT c.partner_id, ok.offer_id, 5, NULL, NULL, NULL, NULL, FALSE, c.title
                  FROM alumni_career_position c
                  JOIN offer_keywords ok ON strpos(lower(c.title), ok.keyword) > 0
                 WHERE c.is_current AND %(people_c)s
                 UNION ALL
                SELECT pe.partner_id, ou.id, 6, pe.offer_id, NULL, NULL, NULL, FALSE, NULL
                  FROM alumni_evu_enrollment pe
                  JOIN offer_units ou ON ou.unit_id = pe.faculty_id
                 WHERE pe.state = 'enrolled' AND pe.offer_id <> ou.id AND %(people_pe)s
                 UNION ALL
                SELECT pe.partner_id, os.offer_id, 6, pe.offer_id, NULL, NULL, NULL, FALSE, NULL
                  FROM alumni_evu_enrollment pe
                  JOIN %(past_interests)s ON ps.offer_id = pe.offer_id
                  JOIN offer_subjects os ON os.interest_id = ps.interest_id
                 WHERE pe.state = 'enrolled' AND pe.offer_id <> os.offer_id AND %(people_pe)s
            ),
            pairs AS (
                -- One row per person and offer with a main reason (any but
                -- the faculty's).
                SELECT h.partner_id, h.offer_id,
                       max(h.interest_ids) AS interest_ids,
                       max(h.study) AS study,
                       bool_or(h.kind = 3) AS at_faculty,
                       bool_or(h.level_up) AS level_up,
                       max(h.cohort_year) AS cohort_year,
                       min(h.ref) FILTER (WHERE h.kind = 4) AS industry_id,
                       min(h.title) AS title,
                       max(h.ref) FILTER (WHERE h.kind = 6) AS past_offer_id
                  FROM hits h
                 GROUP BY h.partner_id, h.offer_id
                HAVING bool_or(h.kind <> 3)
            ),
            scored AS (
                SELECT p.partner_id, p.offer_id, o.date_start,
                       LEAST(%(per_subject)s * COALESCE(cardinality(p.interest_ids), 0),
                             %(subjects_max)s) AS score_interest,
                       CASE WHEN p.study[1] = 2 THEN %(graduated)s
                            WHEN p.study IS NOT NULL THEN %(studied)s
                            WHEN p.at_faculty THEN %(faculty)s
                            ELSE 0 END
                       + CASE WHEN p.level_up THEN %(level_up)s ELSE 0 END AS score_study,
                       CASE WHEN p.cohort_year IS NOT NULL THEN %(cohort)s ELSE 0 END
                           AS score_cohort,
                       CASE WHEN p.industry_id IS NOT NULL THEN %(industry)s ELSE 0 END
                       + CASE WHEN p.title IS NOT NULL THEN %(title)s ELSE 0 END
                           AS score_career,
                       CASE WHEN p.past_offer_id IS NOT NULL THEN %(past)s ELSE 0 END
                           AS score_past,
                       array_to_string(p.interest_ids, ',') AS reason_subject_refs,
                       p.study[3] AS reason_programme_ref,
                       CASE p.study[1] WHEN 2 THEN 'completed' WHEN 1 THEN 'active'
                                       WHEN 0 THEN 'withdrawn' END AS reason_programme_state,
                       CASE WHEN p.study[1] = 2 THEN p.study[2] END AS reason_programme_year,
                       p.study IS NULL AND p.at_faculty AS reason_at_faculty,
                       p.level_up AS reason_level_up,
                       p.cohort_year AS reason_cohort_year,
                       p.industry_id AS reason_industry_ref,
                       p.title AS reason_job_title,
                       p.past_offer_id AS reason_past_offer_ref
                  FROM pairs p
                  JOIN offers o ON o.id = p.offer_id
                  JOIN res_partner person ON person.id = p.partner_id
                 WHERE person.active AND NOT COALESCE(person.is_company, FALSE)
                   AND NOT COALESCE(person.is_deceased, FALSE)
                   -- Not offered to who applied for it or is enrolled in it...
                   AND NOT EXISTS (
                           SELECT 1
                             FROM alumni_evu_enrollment applied
                            WHERE applied.partner_id = p.partner_id
                              AND applied.offer_id = p.offer_id
                              AND applied.state IN ('applied', 'enrolled')
                       )
                   -- ...nor to who takes or took its course.
                   AND (o.course_id IS NULL OR NOT EXISTS (
                           SELECT 1
                             FROM alumni_enrollment taken
                            WHERE taken.partner_id = p.partner_id
                              AND taken.programme_id = o.course_id
                              AND taken.state IN ('active', 'completed')
                       ))
            ),
            totals AS (
                SELECT scored.*,
                       LEAST(score_interest + score_study + score_cohort + score_career
                             + score_past, %(score_max)s) AS score
                  FROM scored
            )
            SELECT partner_id, offer_id, %(rank)s AS rank, %(columns)s
              FROM totals
            """,
            today=fields.Date.context_today(self),
            offer_scope=SQL("o.id = ANY(%s)", offer_ids) if offer_ids is not None else SQL("TRUE"),
            offer_interests=relation(
                Offer._fields["interest_ids"], "os", "offer_id", "interest_id"
            ),
            offer_programmes=relation(
                Offer._fields["programme_ids"], "op", "offer_id", "programme_id"
            ),
            offer_industries=relation(
                Offer._fields["industry_ids"], "oi", "offer_id", "industry_id"
            ),
            past_interests=relation(Offer._fields["interest_ids"], "ps", "offer_id", "interest_id"),
            person_interests=relation(
                self.env["res.partner"]._fields["interest_ids"], "pi", "partner_id", "interest_id"
            ),
            people_pi=people("pi"),
            people_e=people("e"),
            people_c=people("c"),
            people_pe=people("pe"),
            cohort_ot=in_cohort("ot"),
            cohort_ou=in_cohort("ou"),
            rank=rank,
            columns=SQL(", ").join(SQL.identifier(name) for name in MATCH_COLUMNS),
            per_subject=POINTS_PER_SUBJECT,
            subjects_max=POINTS_SUBJECTS_MAX,
            graduated=POINTS_PROGRAMME_GRADUATED,
            studied=POINTS_PROGRAMME_STUDIED,
            faculty=POINTS_FACULTY,
            level_up=POINTS_LEVEL_UP,
            cohort=POINTS_COHORT,
            industry=POINTS_INDUSTRY,
            title=POINTS_TITLE,
            past=POINTS_PAST_COURSE,
            score_max=SCORE_MAX,
        )

    @api.model
    def _store_new_matches(self, with_rank):
        """Store the rows of alumni_evu_match_new: new matches inserted,
        those whose score, reasons or (``with_rank``) rank changed updated,
        the others left as they are (no new row version)."""
        names = [*MATCH_COLUMNS, "rank"] if with_rank else list(MATCH_COLUMNS)
        columns = SQL(", ").join(SQL.identifier(name) for name in names)
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO alumni_evu_match (partner_id, offer_id, %(columns)s)
                SELECT n.partner_id, n.offer_id, %(new_columns)s
                  FROM alumni_evu_match_new n
                  LEFT JOIN alumni_evu_match m
                         ON m.partner_id = n.partner_id AND m.offer_id = n.offer_id
                 -- Only the new and changed rows (a join, rather than a
                 -- conflict per row).
                 WHERE m.id IS NULL OR (%(stored)s) IS DISTINCT FROM (%(new_columns)s)
                    ON CONFLICT (partner_id, offer_id) DO UPDATE
                   SET %(assignments)s
                 WHERE (%(current)s) IS DISTINCT FROM (%(excluded)s)
                """,
                columns=columns,
                new_columns=SQL(", ").join(SQL.identifier("n", name) for name in names),
                stored=SQL(", ").join(SQL.identifier("m", name) for name in names),
                assignments=SQL(", ").join(
                    SQL("%s = EXCLUDED.%s", SQL.identifier(name), SQL.identifier(name))
                    for name in names
                ),
                current=SQL(", ").join(SQL.identifier("alumni_evu_match", name) for name in names),
                excluded=SQL(", ").join(SQL.identifier("excluded", name) for name in names),
            )
        )

    @api.model
    def _update_ranks(self, people):
        """Number the matches of the people (an SQL condition on ``m``, None
        for everyone) from 1, best first: higher score, then the offer that
        starts first."""
        self.env.cr.execute(
            SQL(
                """
                UPDATE alumni_evu_match match
                   SET rank = ranked.rank
                  FROM (
                        SELECT m.id,
                               row_number() OVER (
                                   PARTITION BY m.partner_id
                                   ORDER BY m.score DESC, o.date_start, m.offer_id
                               ) AS rank
                          FROM alumni_evu_match m
                          JOIN alumni_evu_offer o ON o.id = m.offer_id
                         WHERE %(people)s
                       ) AS ranked
                 WHERE match.id = ranked.id AND match.rank IS DISTINCT FROM ranked.rank
                """,
                people=people if people is not None else SQL("TRUE"),
            )
        )

    @api.model
    def _invalidate_matches(self):
        self.env["alumni.evu.match"].invalidate_model()
        self.env["alumni.evu.offer"].invalidate_model(["match_ids", "match_count"])


class AlumniEvuOffer(models.Model):
    """The offer's matches, and their recomputation when its audience changes."""

    _inherit = "alumni.evu.offer"

    match_ids = fields.One2many(
        "alumni.evu.match",
        "offer_id",
        string="Matches",
        groups="usn_alumni_base.group_alumni_user,mass_mailing.group_mass_mailing_user",
    )
    match_count = fields.Integer(
        compute="_compute_match_count",
        groups="usn_alumni_base.group_alumni_user,mass_mailing.group_mass_mailing_user",
    )

    def _compute_match_count(self):
        counts = dict(
            self.env["alumni.evu.match"]._read_group(
                [("offer_id", "in", self.ids)], ["offer_id"], ["__count"]
            )
        )
        for offer in self:
            offer.match_count = counts.get(offer, 0)

    @api.model_create_multi
    def create(self, vals_list):
        offers = super().create(vals_list)
        self.env["alumni.evu.match"]._queue_recompute(offers=offers)
        return offers

    def write(self, vals):
        result = super().write(vals)
        if OFFER_AUDIENCE_FIELDS & vals.keys():
            self.env["alumni.evu.match"]._queue_recompute(offers=self)
        return result

    def unlink(self):
        self.env["alumni.evu.match"]._remove_offer_matches(self)
        return super().unlink()

    def action_view_matches(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_evu.alumni_evu_match_action"
        )
        action["domain"] = [("offer_id", "=", self.id)]
        action["display_name"] = self.env._("Matches: %(offer)s", offer=self.name)
        return action

    def action_recompute_matches(self):
        """Recompute the offer's matches now (they also follow every change
        of the offer and of the people, and are all recomputed nightly)."""
        self.check_access("write")
        self.env["alumni.evu.match"]._recompute(offers=self)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s people match the offer.",
                    count=sum(self.mapped("match_count")),
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }


class AlumniEvuEnrollment(models.Model):
    """A person's applications and past courses change their matches."""

    _inherit = "alumni.evu.enrollment"

    @api.model_create_multi
    def create(self, vals_list):
        enrollments = super().create(vals_list)
        self.env["alumni.evu.match"]._queue_recompute(partners=enrollments.partner_id)
        return enrollments

    def write(self, vals):
        result = super().write(vals)
        if "state" in vals:
            self.env["alumni.evu.match"]._queue_recompute(partners=self.partner_id)
        return result

    def unlink(self):
        self.env["alumni.evu.match"]._queue_recompute(partners=self.partner_id)
        return super().unlink()
