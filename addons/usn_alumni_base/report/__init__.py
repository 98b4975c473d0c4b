from . import alumni_funnel_report
from . import alumni_feeder_school_report
from . import alumni_engagement_report
