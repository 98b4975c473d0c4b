from . import alumni_evu_campaign_report
from . import alumni_evu_offer_report
