from . import event_type
from . import event_event
from . import alumni_event_session
from . import event_registration
from . import event_mail
from . import event_mail_registration
