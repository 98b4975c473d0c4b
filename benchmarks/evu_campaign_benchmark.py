# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Continuing-education campaigns at the size of the university.

On the population of the matching benchmark (evu_benchmark.py: 100,000
people, 40 open offers, stored straight in SQL, then everyone's matches
computed), plus, in SQL: the EVU consent given by 8 in 10 people and
withdrawn by 1 in 10, 1 address in 100 blacklisted, an earlier newsletter
sent 10 days ago to 1 person in 4, a limit of one mailing a month for 1 in
8 and of none for 1 in 50:

  (e) the recipient list of a campaign: the mailing made from one offer and
      from all 40 (``action_create_mailing()``), its recipients counted as
      the mailing form does, listed as the sending does
      (``_get_remaining_recipients()``), and the number over their monthly
      limit now;
  (f) queueing a campaign of 5,000 and of 50,000 recipients
      (``mailing.action_send_mail()``: Odoo's composer in batches of 50,
      each batch rendered with every recipient's offers and reasons, the
      frequency cap and the consent checked, up to the creation of the
      mail.mail records; no SMTP), with the ratio of the two;
  (g) with the 50,000 traces of (f) stored: Odoo's own per-batch look-ups
      against the suite's: the remaining recipients
      (``_get_remaining_recipients``: all traces of the mailing read back),
      the addresses already mailed (``_get_seen_list``: read for each batch
      of 50) and the blacklist (read whole for each batch).

With ``--population demo``, the population is the matching benchmark's on
the demo university (its consents, blacklist, earlier mailings and monthly
limits are the demo's own; the open offers are completed up to 40), and
nothing else is added; a campaign has at most the demo's recipients.

Targets: recipient list < 3 s; 50k / 5k queueing ratio <= 12 (linear: 10).

    bash benchmarks/run-evu-benchmark.sh --campaign [--people 100000] [--queue 5000,50000]
        [--population demo]
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

# The population of the matching benchmark, next to this file.
import evu_benchmark as population

DB = "bench_evu_campaign"
QUEUE_SIZES = (5_000, 50_000)
MIN_SCORE = 30


def _timed(env, func):
    """(seconds, queries, result) of func()."""
    cr = env.cr
    before, start = cr.sql_log_count, time.perf_counter()
    result = func()
    return time.perf_counter() - start, cr.sql_log_count - before, result


def store_campaign_facts(env, first, people):
    """Consents, blacklist, an earlier newsletter and the monthly limits."""
    cr = env.cr
    env.flush_all()
    cr.execute("SELECT id FROM alumni_consent_purpose WHERE code = 'evu_email'")
    purpose = cr.fetchone()[0]
    params = {"first": first, "people": people, "purpose": purpose}
    cr.execute(
        """
        INSERT INTO alumni_consent (partner_id, purpose_id, state, date, source, is_current,
                                    create_uid, write_uid, create_date, write_date)
        SELECT %(first)s + i - 1, %(purpose)s,
               CASE WHEN i %% 10 < 8 THEN 'given' ELSE 'withdrawn' END,
               TIMESTAMP '2025-01-01 12:00', 'import', TRUE,
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(1, %(people)s) AS i
         WHERE i %% 10 < 9
        """,
        params,
    )
    cr.execute(
        """
        INSERT INTO mail_blacklist (email, active, create_uid, write_uid, create_date, write_date)
        SELECT 'person' || i || '@example.no', TRUE, 1, 1,
               now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(1, %(people)s) AS i
         WHERE i %% 100 = 7
        """,
        params,
    )
    cr.execute(
        """
        UPDATE res_partner
           SET max_mailings_per_month = CASE WHEN (id - %(first)s + 1) %% 50 = 0 THEN 0 ELSE 1 END
         WHERE id >= %(first)s
           AND ((id - %(first)s + 1) %% 8 = 0 OR (id - %(first)s + 1) %% 50 = 0)
        """,
        params,
    )
    newsletter = env["mailing.mailing"].create(
        {
            "subject": "Earlier newsletter",
            "mailing_model_id": env["ir.model"]._get_id("res.partner"),
            "mailing_domain": "[]",
            "body_html": "<p>News</p>",
            "state": "done",
        }
    )
    env.flush_all()
    cr.execute(
        """
        INSERT INTO mailing_trace (trace_type, model, res_id, alumni_partner_id, email,
                                   mass_mailing_id, trace_status, sent_datetime,
                                   create_uid, write_uid, create_date, write_date)
        SELECT 'mail', 'res.partner', %(first)s + i - 1, %(first)s + i - 1,
               'person' || i || '@example.no', %(newsletter)s, 'sent',
               now() at time zone 'utc' - INTERVAL '10 days',
               1, 1, now() at time zone 'utc' - INTERVAL '10 days',
               now() at time zone 'utc' - INTERVAL '10 days'
          FROM generate_series(1, %(people)s) AS i
         WHERE i %% 4 = 0
        """,
        {**params, "newsletter": newsletter.id},
    )
    cr.commit()
    for table in ("alumni_consent", "mail_blacklist", "mailing_trace", "res_partner"):
        cr.execute(f"ANALYZE {table}")
    cr.commit()


def bench_recipients(env, state):
    """(e) the recipient list of a campaign."""
    Offer = env["alumni.evu.offer"]
    Partner = env["res.partner"]
    offers = Offer.browse(state["university"]["open_offers"])
    lines, worst = [], 0.0
    for label, chosen in (("one offer", offers[:1]), (f"all {len(offers)} offers", offers)):
        env.invalidate_all()
        made, made_queries, mailing = _timed(env, chosen.action_create_mailing)
        env.cr.commit()
        domain = mailing._get_recipients_domain()
        env.invalidate_all()
        counted, __, count = _timed(env, lambda domain=domain: Partner.search_count(domain))
        env.invalidate_all()
        listed, listed_queries, ids = _timed(env, mailing._get_remaining_recipients)
        env.invalidate_all()
        capped, __, over_cap = _timed(env, mailing._alumni_count_over_cap)
        worst = max(worst, counted, listed)
        lines.append(
            f"{label}: mailing made in {made:.2f} s ({made_queries} queries); "
            f"{count} recipients counted in {counted:.2f} s, listed for sending in "
            f"{listed:.2f} s ({listed_queries} queries, {len(ids)} ids); "
            f"{over_cap} over their monthly limit now, counted in {capped:.2f} s"
        )
        state.setdefault("recipient_counts", {})[label] = count
    mailing.unlink()
    env.cr.commit()
    return population.Section(
        "(e) the recipient list of a campaign",
        lines,
        [("recipient list (worst)", f"{worst:.2f} s", "< 3 s", worst < 3)],
    )


def _campaign_of(env, offers, size):
    """A mailing of the offers whose recipients are the first ``size`` of
    its recipient list (by id), and the number it actually has."""
    mailing = offers.action_create_mailing()
    domain = mailing._alumni_evu_recipient_domain()
    query = env["res.partner"]._search(domain, order="id", limit=size)
    ids = list(query.get_result_ids())
    if ids:
        mailing.mailing_domain = repr([("id", "<=", ids[-1]), *domain])
    env.cr.commit()
    return mailing, len(ids)


def _skipped(env, mailing):
    env.cr.execute(
        """
        SELECT trace_status, COALESCE(failure_type, ''), COUNT(*)
          FROM mailing_trace WHERE mass_mailing_id = %s GROUP BY 1, 2 ORDER BY 1, 2
        """,
        [mailing.id],
    )
    return ", ".join(
        f"{status}{'/' + why if why else ''}: {n}" for status, why, n in env.cr.fetchall()
    )


def _forget(env, mailing):
    """Remove what queueing ``mailing`` stored, so that the next run starts
    from the same state."""
    cr = env.cr
    cr.execute("DELETE FROM mail_mail WHERE mailing_id = %s", [mailing.id])
    cr.execute(
        "DELETE FROM mail_message WHERE model = 'res.partner' AND message_type = 'email_outgoing'"
    )
    cr.execute("DELETE FROM mailing_trace WHERE mass_mailing_id = %s", [mailing.id])
    cr.commit()
    env.invalidate_all()
    mailing.unlink()
    cr.commit()


def bench_queue(env, state):
    """(f) queueing campaigns of two sizes, (g) Odoo's look-ups against ours."""
    offers = env["alumni.evu.offer"].browse(state["university"]["open_offers"])
    # Mails queued, never sent right away (Odoo sends at once below 100).
    env["ir.config_parameter"].sudo().set_param("mail.mail.force.send.limit", "0")
    env.cr.commit()
    lines, runs = [], []
    comparison = None
    sizes = state["queue_sizes"]
    for size in sizes:
        mailing, recipients = _campaign_of(env, offers, size)
        env.invalidate_all()
        timing = population._timed(env, mailing.action_send_mail)
        seconds, queries = timing.seconds, timing.queries
        cpu = timing.odoo_cpu + (timing.db_cpu or 0.0)
        env.cr.commit()
        env.cr.execute("SELECT COUNT(*) FROM mail_mail WHERE mailing_id = %s", [mailing.id])
        mails = env.cr.fetchone()[0]
        runs.append((size, recipients, seconds, cpu))
        lines.append(
            f"{recipients} recipients queued in {seconds:.1f} s ({population._cpu(timing)}; "
            f"{recipients / max(seconds, 1e-9):.0f} a second, {queries} queries, "
            f"{queries / max(recipients / 50, 1):.0f} a batch of 50); {mails} mails created; "
            f"traces: {_skipped(env, mailing)}"
        )
        if size == sizes[-1]:
            comparison = compare_lookups(env, mailing)
        _forget(env, mailing)
    (small, small_n, small_s, small_cpu) = runs[0]
    (large, large_n, large_s, large_cpu) = runs[-1]
    ratio = large_s / max(small_s, 1e-9)
    cpu_ratio = large_cpu / max(small_cpu, 1e-9)
    expected = large_n / max(small_n, 1)
    lines.append(
        f"ratio {large_n} / {small_n} recipients: {ratio:.1f} in time, {cpu_ratio:.1f} in CPU "
        f"(Odoo and database; not slowed by other work on the machine); linear would be "
        f"{expected:.1f}"
    )
    section = population.Section(
        f"(f) queueing campaigns of {small} and {large} recipients",
        lines,
        [
            (
                f"queueing ratio {large:,} / {small:,}",
                f"{ratio:.1f}",
                f"<= {1.2 * expected:.0f}",
                ratio <= 1.2 * expected,
            ),
            (
                f"queueing ratio {large:,} / {small:,}, CPU",
                f"{cpu_ratio:.1f}",
                f"<= {1.2 * expected:.0f}",
                cpu_ratio <= 1.2 * expected,
            ),
        ],
    )
    return [section, comparison]


def compare_lookups(env, mailing):
    """(g) with the traces of ``mailing`` stored."""
    from odoo.addons.mail.wizard.mail_compose_message import (
        MailComposer as OdooComposer,
    )
    from odoo.addons.mass_mailing.models.mailing import MassMailing as OdooMailing

    cr = env.cr
    cr.execute("SELECT COUNT(*) FROM mailing_trace WHERE mass_mailing_id = %s", [mailing.id])
    traces = cr.fetchone()[0]
    batches = max(traces // 50, 1)
    env.invalidate_all()
    odoo_remaining, __, left_odoo = _timed(
        env, lambda: OdooMailing._get_remaining_recipients(mailing)
    )
    env.invalidate_all()
    ours_remaining, __, left_ours = _timed(env, mailing._get_remaining_recipients)
    cr.execute(
        "SELECT email FROM mailing_trace WHERE mass_mailing_id = %s AND email IS NOT NULL "
        "ORDER BY id DESC LIMIT 50",
        [mailing.id],
    )
    batch_emails = [email for (email,) in cr.fetchall()]
    env.invalidate_all()
    odoo_seen, __, seen_odoo = _timed(env, lambda: OdooMailing._get_seen_list(mailing))
    env.invalidate_all()
    ours_seen, __, seen_ours = _timed(
        env,
        lambda: mailing.with_context(alumni_seen_list_emails=batch_emails)._get_seen_list(),
    )
    # The blacklist look-up of one batch of 50 recipients.
    composer = env["mail.compose.message"].create(
        {"composition_mode": "mass_mail", "model": "res.partner", "body": "<p>x</p>"}
    )
    env.cr.execute("SELECT id FROM res_partner WHERE email_normalized = ANY(%s)", [batch_emails])
    batch = {partner_id: {} for (partner_id,) in env.cr.fetchall()}
    env.invalidate_all()
    odoo_bl, __, __ = _timed(env, lambda: OdooComposer._get_blacklist_record_ids(composer, batch))
    env.invalidate_all()
    ours_bl, __, __ = _timed(env, lambda: composer._get_blacklist_record_ids(batch))
    env.cr.rollback()
    return population.Section(
        f"(g) Odoo's look-ups against the suite's, {traces} traces of the mailing stored",
        [
            f"remaining recipients: Odoo {odoo_remaining:.2f} s ({len(left_odoo)} left), "
            f"the suite {ours_remaining:.2f} s ({len(left_ours)} left)",
            f"addresses already mailed, one batch: Odoo {odoo_seen * 1000:.0f} ms "
            f"({len(seen_odoo)} read), the suite {ours_seen * 1000:.1f} ms ({len(seen_ours)} read);"
            f" over the {batches} batches of the mailing, Odoo reads the traces again each "
            f"time: about {odoo_seen * batches / 2:.0f} s against {ours_seen * batches:.1f} s",
            f"blacklist, one batch: Odoo {odoo_bl * 1000:.1f} ms, the suite {ours_bl * 1000:.1f} ms"
            f" (x {batches} batches)",
        ],
        [],
    )


def measure(db, addons_path, people, queue_sizes, source):
    odoo, registry = common.environment(db, addons_path)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        start = time.perf_counter()
        state, lines = population.prepare(env, people, source)
        if source != "demo":
            store_campaign_facts(env, state["first"], people)
        matching, __, __ = _timed(env, env["alumni.evu.match"]._recompute)
        cr.commit()
        setup_seconds = time.perf_counter() - start
        state["queue_sizes"] = queue_sizes
        sections = [bench_recipients(env, state).as_dict()]
        sections += [section.as_dict() for section in bench_queue(env, state)]
    return {
        "population": lines,
        "setup_seconds": setup_seconds,
        "sections": [
            {
                "title": "population",
                "lines": [f"everyone's matches computed in {matching:.1f} s (in the set-up)"],
                "verdicts": [],
            },
            *sections,
        ],
    }


def main():
    parser = population.parser_of(__doc__)
    parser.add_argument(
        "--queue",
        default=",".join(str(size) for size in QUEUE_SIZES),
        help="the two campaign sizes queued, e.g. 5000,50000",
    )
    parser.add_argument("--db", default=DB)
    args = parser.parse_args()
    queue_sizes = sorted(int(size) for size in args.queue.split(","))

    if args.measure:
        figures = measure(args.db, args.addons_path, args.people, queue_sizes, args.population)
        print(json.dumps(figures))
        return
    population.report(population.run(__file__, args, ["--queue", args.queue]))


if __name__ == "__main__":
    main()
