/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {
    checkFigures,
    dashboardModel,
} from "@usn_alumni_base/../tests/tours/alumni_dashboard_tour";

const KINDS = ["Open Day", "Trial lecture"];

/** The key figures of the dashboard (its Data sheet, B2 to B4). */
function checkKeyFigures(attended, applied, enrolled) {
    const model = dashboardModel();
    const sheetId = model.getters.getSheetIdByName("Data");
    const shown = [1, 2, 3].map(
        (row) => model.getters.getEvaluatedCell({sheetId, col: 1, row}).value || 0
    );
    if (JSON.stringify(shown) !== JSON.stringify([attended, applied, enrolled])) {
        throw new Error(
            `The key figures show ${shown}, not ${[attended, applied, enrolled]}`
        );
    }
}

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
                // Three people attended; two applied, one enrolled.
                checkKeyFigures(3, 2, 1);
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
                checkKeyFigures(0, 0, 0);
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
                checkKeyFigures(3, 2, 1);
            },
        },
    ],
});
