from . import test_install
from . import test_invitation
from . import test_conversion
from . import test_check_in
from . import test_ui_check_in
from . import test_information_request
from . import test_website
