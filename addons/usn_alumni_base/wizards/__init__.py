from . import alumni_import_wizard
from . import base_partner_merge_automatic_wizard
