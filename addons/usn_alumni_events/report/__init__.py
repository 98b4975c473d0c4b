from . import alumni_event_conversion_report
