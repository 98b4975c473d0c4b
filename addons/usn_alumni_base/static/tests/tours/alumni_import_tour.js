/** @odoo-module **/

import {registry} from "@web/core/registry";

const EXPORT = [
    "Studentnr;Fornavn;Etternavn;E-post;Mobil;Studieprogramkode;Studieprogram;Startdato;Sluttdato;Status",
    "880001;Tuva;Turid;tuva.turid@example.no;91234580;TOURSYK;Tour nursing;15.08.2021;;aktiv",
    "880002;Ulrik;Uten;ulrik.uten@example.no;91234581;;;15.08.2021;;aktiv",
    "880003;Vera;Vang;vera.vang@example.no;91234582;TOURSYK;Tour nursing;15.08.2018;20.06.2021;fullført",
].join("\n");

registry.category("web_tour.tours").add("usn_alumni_import_file", {
    url: "/odoo/action-usn_alumni_base.alumni_import_wizard_action",
    steps: () => [
        {
            content: "Upload the student-system export",
            trigger: '.modal .o_field_widget[name="file"]',
            async run() {
                const input = document.querySelector(
                    '.modal .o_field_widget[name="file"] input[type="file"]'
                );
                const transfer = new DataTransfer();
                transfer.items.add(new File([EXPORT], "tour_students.csv", {type: "text/csv"}));
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "The preview shows the detected profile and the first rows",
            trigger: '.modal .o_alumni_import_preview td:contains("Tuva")',
        },
        {
            content: "The profile was detected from the header",
            trigger: '.modal .o_field_widget[name="detected_profile_id"]:contains("FS")',
        },
        {
            content: "Run the import",
            trigger: '.modal button[name="action_import"]',
            run: "click",
        },
        {
            content: "The import is done: two people created",
            trigger: '.o_form_view .o_field_widget[name="created_count"]:contains("2")',
        },
        {
            content: "Open the errors and warnings",
            trigger: '.o_form_view button[name="action_view_messages"]',
            run: "click",
        },
        {
            content: "The error names the line and what is wrong",
            trigger: '.o_list_view .o_data_row:contains("no programme code") .o_data_cell:contains("3")',
        },
    ],
});
