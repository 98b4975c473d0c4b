from . import test_install
from . import test_membership
from . import test_join_website
from . import test_visibility
from . import test_directory_website
from . import test_profile_website
from . import test_contact_request
