/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {rpc} from "@web/core/network/rpc";
import {
    checkFigures,
    dashboardModel,
} from "@usn_alumni_base/../tests/tours/alumni_dashboard_tour";

const KINDS = ["Open Day", "Trial lecture"];

const MEASURES = ["attendee_count", "attendee_applied_count", "attendee_enrolled_count"];

/** What the conversion analysis counts for the domain: people attended,
 * attended and applied, attended and enrolled (as the officer reads it). */
async function analysisFigures(domain) {
    const model = "alumni.event.conversion.report";
    const [group] = await rpc(`/web/dataset/call_kw/${model}/read_group`, {
        model,
        method: "read_group",
        args: [domain, MEASURES.map((name) => `${name}:sum`), []],
        kwargs: {lazy: false},
    });
    return MEASURES.map((name) => (group && group[name]) || 0);
}

/** The key figures of the dashboard (its Data sheet, B2 to B4) are the
 * analysis's for the domain, and at least ``least`` (the test's people). */
async function checkKeyFigures(domain, least) {
    const expected = await analysisFigures(domain);
    const model = dashboardModel();
    const sheetId = model.getters.getSheetIdByName("Data");
    const shown = [1, 2, 3].map(
        (row) => model.getters.getEvaluatedCell({sheetId, col: 1, row}).value || 0
    );
    if (JSON.stringify(shown) !== JSON.stringify(expected)) {
        throw new Error(`The key figures show ${shown}, the analysis counts ${expected}`);
    }
    if (shown.some((value, index) => value < least[index])) {
        throw new Error(`The key figures show ${shown}, fewer than ${least}`);
    }
}

const YEAR_2019 = [
    ["date", ">=", "2019-01-01 00:00:00"],
    ["date", "<", "2020-01-01 00:00:00"],
];

registry.category("web_tour.tours").add("alumni_events_dashboard_officer", {
    steps: () => [
        {
            content: "Open the Events dashboard of the Alumni group",
            trigger:
                '.o_search_panel_section:has(.o_search_panel_section_header:contains("Alumni")) ' +
                '.o_search_panel_category_value:has(.o_dashboard_name:contains("Events"))',
            run: "click",
        },
        {
            content: "The dashboard is shown with its filters",
            trigger: ".o_spreadsheet_dashboard_action .o_filter_value_container",
        },
        {
            content: "Its kinds of event and key figures are computed",
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas",
            run: async () => {
                await checkFigures(KINDS, [], false);
                // The test's people: three attended; two applied, one enrolled.
                await checkKeyFigures([], [3, 2, 1]);
            },
        },
        {
            content: "Filter on a year without events",
            trigger: ".o_filter_value_container .date_filter_values input",
            run: "edit 2019 && press Enter",
        },
        {
            content: "No kind of event is left",
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas",
            run: async () => {
                await checkFigures([], KINDS, false);
                await checkKeyFigures(YEAR_2019, [0, 0, 0]);
            },
        },
        {
            content: "Filter on the year of the events",
            trigger: ".o_filter_value_container .date_filter_values input",
            run: "edit 2025 && press Enter",
        },
        {
            content: "Their figures are back",
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas",
            run: async () => {
                await checkFigures(KINDS, [], false);
                await checkKeyFigures(
                    [
                        ["date", ">=", "2025-01-01 00:00:00"],
                        ["date", "<", "2026-01-01 00:00:00"],
                    ],
                    [3, 2, 1]
                );
            },
        },
    ],
});
