from . import alumni_funnel_report
