from . import alumni_event_invite_wizard
